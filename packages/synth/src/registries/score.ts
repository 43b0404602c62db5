/**
 * Precision, recall and F1 per category: findings are tied to the true people behind their rows (the person most of
 * the rows describe); a finding for a person the truth lists under its category is a hit (once per person).
 */
import { CATEGORY_CODES, REGISTRY_FILE_KINDS, type CategoryCode, type RegistryFileKind, type RegistryTruth } from './types';

export type ScoredFinding = { code: CategoryCode; rows: Partial<Record<RegistryFileKind, readonly number[]>> };

export type CategoryScore = { truth: number; found: number; hits: number; precision: number; recall: number; f1: number };

/** The person a finding is about: the one most of its rows belong to (-1 when none). */
export function personOf(f: ScoredFinding, truth: RegistryTruth): number {
  const votes = new Map<number, number>();
  for (const kind of REGISTRY_FILE_KINDS) {
    const map = truth.rowPerson[kind];
    for (const r of f.rows[kind] ?? []) {
      const p = r > 0 && r < map.length ? map[r] : -1;
      if (p >= 0) votes.set(p, (votes.get(p) ?? 0) + 1);
    }
  }
  let best = -1;
  let most = 0;
  for (const [p, n] of votes) if (n > most || (n === most && p < best)) [best, most] = [p, n];
  return best;
}

export function scoreFindings(findings: Iterable<ScoredFinding>, truth: RegistryTruth): Record<CategoryCode, CategoryScore> {
  const hits = new Map<CategoryCode, Set<number>>();
  const found = new Map<CategoryCode, number>();
  const expected = new Map<CategoryCode, Set<number>>();
  for (const code of CATEGORY_CODES) {
    hits.set(code, new Set());
    found.set(code, 0);
    expected.set(code, new Set(truth.categories[code]));
  }
  for (const f of findings) {
    found.set(f.code, (found.get(f.code) ?? 0) + 1);
    const p = personOf(f, truth);
    if (p >= 0 && expected.get(f.code)?.has(p)) hits.get(f.code)?.add(p);
  }
  const out = {} as Record<CategoryCode, CategoryScore>;
  for (const code of CATEGORY_CODES) {
    const t = expected.get(code)?.size ?? 0;
    const n = found.get(code) ?? 0;
    const h = hits.get(code)?.size ?? 0;
    const precision = n === 0 ? (t === 0 ? 1 : 0) : h / n;
    const recall = t === 0 ? 1 : h / t;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    out[code] = { truth: t, found: n, hits: h, precision, recall, f1 };
  }
  return out;
}

/** The scores as an aligned text table (for the benchmark and test failures). */
export function formatScores(title: string, scores: Record<CategoryCode, CategoryScore>): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`.padStart(8);
  const lines = [`${title}`, `  ${'category'.padEnd(22)} ${'truth'.padStart(7)} ${'found'.padStart(7)} precision   recall       F1`];
  for (const code of CATEGORY_CODES) {
    const s = scores[code];
    lines.push(
      `  ${code.padEnd(22)} ${String(s.truth).padStart(7)} ${String(s.found).padStart(7)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`,
    );
  }
  return lines.join('\n');
}
