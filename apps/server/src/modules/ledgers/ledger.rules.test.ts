import { describe, expect, it } from 'vitest';
import { ledgerBalance, ledgerCategory, ledgerCloseProblem } from './ledger.rules';

const c = (status: string, o: Partial<{ openSuspected: boolean; openDropout: boolean; openDropoutFinding: boolean }> = {}) => ({
  status,
  openSuspected: false,
  openDropout: false,
  openDropoutFinding: false,
  ...o,
});

describe('适龄儿童台账 categories (seed 002; issue 4, item 6)', () => {
  it.each([
    [c('在读'), '本地在读'],
    [c('外地就读'), '外地就读'],
    [c('送教上门'), '送教上门'],
    [c('休学'), '延缓入学/休学'],
    [c('死亡'), '已核实离开'],
    [c('已毕业'), '已核实离开'],
    [c('未入学'), '未说明'],
    [c('未入学', { openDropoutFinding: true }), '疑似辍学'],
    [c('在读', { openSuspected: true }), '疑似辍学'],
    [c('在读', { openDropout: true, openSuspected: true }), '辍学'],
    [c('辍学'), '辍学'],
  ])('%o → %s', (facts, category) => expect(ledgerCategory(facts)).toBe(category));
});

describe('人账相符: the categories add up to the age-eligible children', () => {
  it('balances when every child has a category and none is unexplained', () => {
    expect(ledgerBalance({ 本地在读: 90, 外地就读: 5, 辍学: 2, 疑似辍学: 3 }, 100)).toMatchObject({ balanced: true, unexplained: 0 });
  });
  it('does not balance with unexplained children or a wrong total', () => {
    expect(ledgerBalance({ 本地在读: 90, 未说明: 10 }, 100)).toMatchObject({ balanced: false, unexplained: 10 });
    expect(ledgerBalance({ 本地在读: 90 }, 100).balanced).toBe(false);
  });
});

describe('动态销号 needs a listed reason and evidence', () => {
  it('劝返一个、销号一个: a returned dropout is closed with 已复学', () =>
    expect(ledgerCloseProblem('dropout', '已复学', '2026-10-08 返校，七年级2班')).toBeNull());
  it('refuses 劝退 and an empty evidence', () => {
    expect(ledgerCloseProblem('dropout', '劝退', '家长同意')).toMatch(/不在可选范围/);
    expect(ledgerCloseProblem('suspected', '核实在读', ' ')).toMatch(/依据/);
  });
});
