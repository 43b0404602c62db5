import { parseIdNumber } from '@notoneless/shared/rules/id-number';
import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES, generateRegistries, memorySink, REGISTRY_FILE_KINDS, type RegistryFileKind } from './index';

const AS_OF = '2026-10-15';

function generate(opts: Parameters<typeof generateRegistries>[0]) {
  const sinks = Object.fromEntries(REGISTRY_FILE_KINDS.map((k) => [k, memorySink()])) as Record<
    RegistryFileKind,
    ReturnType<typeof memorySink>
  >;
  const truth = generateRegistries(opts, sinks);
  const text = (k: RegistryFileKind) => sinks[k].buffer().toString('utf8');
  return { truth, text };
}

const lines = (s: string) =>
  s
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1, -1);

describe('generateRegistries', () => {
  const a = generate({ children: 6000, seed: 3, asOf: AS_OF });

  it('is deterministic: the same options give the same bytes, another seed other bytes', () => {
    const b = generate({ children: 6000, seed: 3, asOf: AS_OF });
    for (const k of REGISTRY_FILE_KINDS) expect(b.text(k)).toBe(a.text(k));
    expect(generate({ children: 6000, seed: 4, asOf: AS_OF }).text('xueji')).not.toBe(a.text('xueji'));
  });

  it('names the person behind every data row (blank lines count in row numbers)', () => {
    const g = generate({ children: 2000, seed: 3, asOf: AS_OF, blankLineEvery: 50, eol: '\n' });
    for (const k of REGISTRY_FILE_KINDS) {
      const rows = lines(g.text(k));
      expect(g.truth.rowPerson[k].length).toBe(rows.length + 1);
      rows.forEach((r, i) => {
        const person = g.truth.rowPerson[k][i + 1];
        if (r === '') expect(person, `${k} row ${i + 1}`).toBe(-1);
        else if (k !== 'poverty') expect(person, `${k} row ${i + 1}`).toBeGreaterThanOrEqual(0); // poverty: household heads are -1
      });
      expect(rows.filter((r) => r === '').length).toBeGreaterThan(0);
    }
  });

  it('writes the noise it promises: ~3 % invalid and ~2 % blank IDs in 学籍, full-width digits, six date spellings', () => {
    const rows = lines(a.text('xueji')).map((l) => l.split(','));
    const ids = rows.map((r) => r[4]);
    const invalid = ids.filter((v) => v !== '' && !parseIdNumber(v).valid).length / ids.length;
    expect(invalid).toBeGreaterThan(0.02);
    expect(invalid).toBeLessThan(0.045);
    expect(ids.filter((v) => v === '').length / ids.length).toBeGreaterThan(0.01);
    expect(ids.some((v) => /[０-９]/.test(v))).toBe(true);
    expect(ids.some((v) => /x$/.test(v))).toBe(true);
    const dates = rows.map((r) => r[3]);
    for (const re of [
      /^\d{4}-\d{2}-\d{2}$/,
      /^\d{4}\/\d{1,2}\/\d{1,2}$/,
      /^\d{8}$/,
      /^\d{4}年\d{1,2}月\d{1,2}日$/,
      /^\d{4}\.\d{2}\.\d{2}$/,
      /^\d{5}$/,
    ]) {
      expect(
        dates.some((d) => re.test(d)),
        String(re),
      ).toBe(true);
    }
  });

  it('has every category in the truth, POVERTY_DROPOUT within OUT_OF_SCHOOL ∪ ENROLLED_ABSENT', () => {
    for (const c of CATEGORY_CODES) expect(a.truth.categories[c].length, c).toBeGreaterThan(0);
    const dropouts = new Set([...a.truth.categories.OUT_OF_SCHOOL, ...a.truth.categories.ENROLLED_ABSENT]);
    for (const p of a.truth.categories.POVERTY_DROPOUT) expect(dropouts.has(p)).toBe(true);
    expect(a.truth.missingRosters.length).toBeGreaterThan(0);
  });
});
