import { describe, expect, it } from 'vitest';
import { closeProblem, diffFindings, fingerprint, identityKey } from './findings.rules';

describe('finding fingerprints survive re-runs (issue 4, item 4)', () => {
  it.each([
    [{ idNumber: '410182201403051230', studentNo: 'G1', name: '张三' }, 'ID:410182201403051230'],
    [{ idNumber: null, studentNo: 'G410182201403051230', name: '张三' }, 'SN:G410182201403051230'],
    [{ idNumber: '', studentNo: '', name: '张 三', birthDate: '2014-03-05', schoolCode: '1410182001' }, 'NB:张三|2014-03-05|1410182001'],
  ])('identity key of %o is %s', (f, key) => expect(identityKey(f)).toBe(key));

  it('is the same for the same category and child, different otherwise', () => {
    expect(fingerprint('OUT_OF_SCHOOL', 'ID:1')).toBe(fingerprint('OUT_OF_SCHOOL', 'ID:1'));
    expect(fingerprint('OUT_OF_SCHOOL', 'ID:1')).not.toBe(fingerprint('POVERTY_DROPOUT', 'ID:1'));
  });
});

describe('diff of a new run against stored findings (issue 4, item 4)', () => {
  const existing = [
    { id: 'a', fingerprint: 'fa', status: 'open' as const },
    { id: 'b', fingerprint: 'fb', status: 'confirmed' as const },
    { id: 'c', fingerprint: 'fc', status: 'closed' as const },
    { id: 'd', fingerprint: 'fd', status: 'resolved' as const },
    { id: 'e', fingerprint: 'fe', status: 'open' as const },
    { id: 'g', fingerprint: 'fg', status: 'confirmed' as const },
  ];
  const fresh = [
    { fingerprint: 'fa' },
    { fingerprint: 'fb' },
    { fingerprint: 'fc' },
    { fingerprint: 'fd' },
    { fingerprint: 'fnew' },
    { fingerprint: 'fnew' },
  ];
  const d = diffFindings(existing, fresh);

  it('creates what is new (once)', () => expect(d.create).toEqual([{ fingerprint: 'fnew' }]));
  it('refreshes what is produced again and reopens a resolved one', () =>
    expect(d.refresh.map((r) => [r.id, r.reopen])).toEqual([
      ['a', false],
      ['b', false],
      ['c', false],
      ['d', true],
    ]));
  it('resolves only open findings that disappeared; confirmed and closed keep their decision', () => expect(d.resolve).toEqual(['e']));
});

describe('closing a finding needs a listed reason and its evidence (issue 4, item 5)', () => {
  it.each([
    ['外地就读', '郑州市某小学，学籍号G4101…', null],
    ['外地就读', '', '请填写核实依据'],
    ['劝退', '家长同意', '不在可选范围'],
  ])('%s / %s → %s', (reason, evidence, problem) => {
    const p = closeProblem(reason, evidence);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
});
