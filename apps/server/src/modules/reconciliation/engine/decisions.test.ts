/**
 * People's merge/split decisions (issue 4, item 5; record-key.ts, link-decisions.ts): later runs respect them.
 */
import { makeIdNumber, parseIdNumber } from '@notoneless/shared/rules/id-number';
import { describe, expect, it } from 'vitest';
import type { ColumnKey, RegistryKind } from '../../imports/formats/columns';
import { normalizeRow, type RegistryRecordMap } from '../../imports/formats/records';
import { recordKey } from './record-key';
import { reconcile } from './reconcile';
import type { CategoryCode, Finding, IdentityDecision } from './types';

const AS_OF = '2026-10-15';
const SCHOOL = '1410182001';
type Cells = Partial<Record<ColumnKey, string>>;
type County = Partial<Record<RegistryKind, Cells[]>>;

function records<K extends RegistryKind>(kind: K, rows: Cells[] = []): RegistryRecordMap[K][] {
  return rows.map((cells, i) => {
    const r = normalizeRow(kind, { fileName: `${kind}.csv`, asOf: AS_OF }, i + 1, cells).record;
    if (!r) throw new Error(`test row rejected: ${JSON.stringify(cells)}`);
    return r;
  });
}

const run = (county: County, decisions?: IdentityDecision[]) =>
  reconcile(
    { hukou: records('hukou', county.hukou), xueji: records('xueji', county.xueji), roster: records('roster', county.roster) },
    { asOf: AS_OF, decisions },
  );

const id = (birth: string, seq: number) => makeIdNumber('410182', birth, seq);
const person = (seq: number) => ({ name: '张浩然', gender: '男', birthDate: '2014-03-05', idNumber: id('2014-03-05', seq) });
const hukou = (p: ReturnType<typeof person>): Cells => ({ ...p, householdDivisionCode: '410182100201' });
const xueji = (p: Cells): Cells => ({
  ...p,
  schoolCode: SCHOOL,
  schoolName: '城关一小',
  grade: '6',
  className: '2班',
  status: '在读',
  migrant: '否',
  householdDivisionCode: '410182100201',
});
const codes = (findings: Finding[]) => findings.map((f) => `${f.code} ${f.rows.hukou.join(';')}/${f.rows.xueji.join(';')}`).sort();
const of = (findings: Finding[], code: CategoryCode) => findings.filter((f) => f.code === code);

describe('stable record keys', () => {
  const base = {
    name: '张 浩然',
    idNumber: '',
    idValid: false,
    studentNo: '',
    schoolCode: '',
    grade: null,
    className: '',
    birthDate: null,
  };
  it.each([
    [{ ...base, kind: 'hukou', idNumber: '410182201403050117', idValid: true }, 'id:410182201403050117'],
    [{ ...base, kind: 'xueji', idNumber: '410182201403050118' }, 'id:410182201403050118|张浩然'],
    [{ ...base, kind: 'roster', studentNo: 'L123', schoolCode: SCHOOL }, 'xh:L123'],
    [{ ...base, kind: 'roster', schoolCode: SCHOOL, grade: 6, className: '(2)班' }, `roster:${SCHOOL}|6|2|张浩然`],
    [{ ...base, kind: 'xueji', schoolCode: SCHOOL, className: '二班' }, `xueji:${SCHOOL}||2|张浩然`],
    [{ ...base, kind: 'hukou', birthDate: '2014-03-05' }, 'hukou:张浩然|2014-03-05'],
  ] as const)('%o → %s', (fields, key) => expect(recordKey(fields)).toBe(key));
});

describe('merge: a person says which candidate', () => {
  // Two children of the same name, birth date and gender in 户籍; a 学籍 row without ID fits both.
  const twins = [person(11), person(13)];
  const county: County = { hukou: twins.map(hukou), xueji: [xueji({ ...twins[0], idNumber: '', studentNo: 'L0001' })] };

  it('without a decision the 学籍 row stays apart and its findings list the candidates', () => {
    const r = run(county);
    expect(codes(r.findings)).toEqual(['NO_HOUSEHOLD /1', 'OUT_OF_SCHOOL 1/', 'OUT_OF_SCHOOL 2/']);
    expect(of(r.findings, 'NO_HOUSEHOLD')[0].candidates).toEqual([
      {
        record: { kind: 'xueji', row: 1 },
        candidates: [
          { kind: 'hukou', row: 1 },
          { kind: 'hukou', row: 2 },
        ],
      },
    ]);
  });

  it('with a merge the rows are one child (人工, 1.0), its 说明 names the decision; the other twin is still out of school', () => {
    const note = '王老师 2026-10-16 认定学籍「张浩然」与户籍「张浩然」是同一人，理由：家访核实';
    const r = run(county, [{ decision: 'merge', left: `id:${twins[1].idNumber}`, right: 'xh:L0001', note }]);
    expect(codes(r.findings)).toEqual(['OUT_OF_SCHOOL 1/']);
    expect(r.links.filter((l) => l.method === '人工')).toMatchObject([{ kind: 'hukou', row: 2, confidence: 1 }]);
    expect(r.links.find((l) => l.kind === 'xueji')?.child).toBe(r.links.find((l) => l.kind === 'hukou' && l.row === 2)?.child);
    expect(r.summary.decisions).toEqual({ applied: 1, unmatched: 0 });
    expect(r.summary.ambiguous).toBe(0);
  });

  it('a decision naming records this run does not hold changes nothing and is counted', () => {
    const r = run(county, [{ decision: 'merge', left: `id:${id('2014-03-05', 99)}`, right: 'xh:L0001', note: '—' }]);
    expect(codes(r.findings)).toEqual(codes(run(county).findings));
    expect(r.summary.decisions).toEqual({ applied: 0, unmatched: 1 });
    expect(run(county).summary.decisions).toBeUndefined();
  });
});

describe('split: a wrong automatic link is undone', () => {
  const a = person(11);
  // one digit of the sequence mistyped: 证件号纠错 ties the 学籍 row to the household record
  const typo = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    .map((d) => a.idNumber.slice(0, 15) + String((Number(a.idNumber[15]) + d) % 10) + a.idNumber.slice(16))
    .find((x) => !parseIdNumber(x).valid)!;
  const county: County = { hukou: [hukou(a)], xueji: [xueji({ ...a, idNumber: typo })] };
  const split: IdentityDecision = { decision: 'split', left: `id:${a.idNumber}`, right: `id:${typo}|张浩然`, note: '李主任认定不是同一人' };

  it('without a decision: one child, 证件号纠错', () => {
    const r = run(county);
    expect(codes(r.findings)).toEqual(['IDENTITY_MISMATCH 1/1']);
    expect(r.findings[0].method).toContain('证件号纠错');
  });

  it('with a split: two children, and the findings that follow', () => {
    const r = run(county, [split]);
    expect(codes(r.findings)).toEqual(['IDENTITY_MISMATCH /1', 'NO_HOUSEHOLD /1', 'OUT_OF_SCHOOL 1/']);
    for (const f of r.findings) expect(f.note).toContain('人工认定不是同一人：李主任认定不是同一人。');
    expect(r.summary.decisions).toEqual({ applied: 1, unmatched: 0 });
  });

  it('a split also holds through a third record, and wins over a contradicting merge', () => {
    // a roster row carrying the valid number and the 学籍 row's 学籍号 would tie them again
    const withRoster: County = {
      ...county,
      xueji: [{ ...xueji({ ...a, idNumber: typo }), studentNo: 'L0002' }],
      roster: [{ schoolCode: SCHOOL, grade: '6', className: '2班', name: a.name, idNumber: a.idNumber, studentNo: 'L0002' }],
    };
    const r = run(withRoster, [split, { ...split, decision: 'merge', note: '—' }]);
    expect(r.summary.children).toBe(2);
    expect(r.summary.decisions).toEqual({ applied: 1, unmatched: 0 });
    expect(of(r.findings, 'NO_HOUSEHOLD').map((f) => f.rows.xueji)).toEqual([[1]]);
  });
});
