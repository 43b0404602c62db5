import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../roles';
import { CASE_STATUSES, ledgerOfStatus, type CaseStatus } from './statuses';
import { CASE_ACTIONS, CASE_ACTION_RULES, availableCaseActions, nextCaseStatus, refuseCaseAction, type CaseActor } from './transitions';

const actor = (roles: Role[], rights: CaseActor['rights'] = [], userId = 'u1'): CaseActor => ({ userId, roles, rights });
const state = (status: CaseStatus, followUpUntil: string | null = null, closureRequestedBy: string | null = null) => ({
  status,
  followUpUntil,
  closureRequestedBy,
});
const teacher = actor(['head_teacher']);
const school = actor(['school_admin']);
const township = actor(['township_official']);
const village = actor(['village_official']);
const unitConfirmer = actor(['unit_admin'], ['case_closure_confirm'], 'u9');

describe('the case transition table (issue 5, item 2)', () => {
  it('every action cites its seed and names who may act', () => {
    for (const a of CASE_ACTIONS) {
      const r = CASE_ACTION_RULES[a];
      expect(r.seed, a).toMatch(/seed|issue/);
      expect(r.roles.length > 0 || r.right !== undefined || r.system === true, a).toBe(true);
      expect(r.from.length, a).toBeGreaterThan(0);
    }
  });

  it('verification: 疑似辍学 → 核实中 / 已认定 / 核实非辍学 / 无法联系 (seed 001)', () => {
    expect(nextCaseStatus('verify', 'suspected', 'in_progress')).toBe('verifying');
    expect(nextCaseStatus('verify', 'verifying', 'dropout')).toBe('confirmed');
    expect(nextCaseStatus('verify', 'verifying', 'not_dropout')).toBe('not_dropout');
    expect(nextCaseStatus('verify', 'suspected', 'unreachable')).toBe('unreachable');
    expect(nextCaseStatus('verify', 'verifying', 'in_progress')).toBeNull();
    expect(refuseCaseAction('verify', state('suspected'), teacher)).toBeNull();
    expect(refuseCaseAction('verify', state('persuading'), teacher)).toContain('不能「核实结果」');
  });

  it('persuasion work on a confirmed case moves it to 劝返中; a notice needs the school or township (seed 000)', () => {
    expect(nextCaseStatus('home_visit', 'confirmed')).toBe('persuading');
    expect(nextCaseStatus('home_visit', 'persuading')).toBeNull();
    expect(nextCaseStatus('notice_issued', 'confirmed')).toBe('persuading');
    expect(refuseCaseAction('notice_issued', state('confirmed'), teacher)).toBe('您的角色不能「发放劝返通知书」');
    expect(refuseCaseAction('notice_issued', state('confirmed'), school)).toBeNull();
    expect(refuseCaseAction('home_visit', state('confirmed'), village)).toBeNull();
  });

  it('批评教育 and 责令限期改正 are the township’s (seed 001)', () => {
    expect(refuseCaseAction('correction_order', state('persuading'), school)).toContain('您的角色不能');
    expect(refuseCaseAction('correction_order', state('persuading'), township)).toBeNull();
    expect(refuseCaseAction('admonition', state('confirmed'), township)).toContain('不能「乡镇批评教育」');
  });

  it('复学 takes the child off the dropout ledger and starts 巩固跟踪 (seed 002 劝返一个、销号一个)', () => {
    expect(nextCaseStatus('return', 'persuading')).toBe('returned');
    expect(ledgerOfStatus('persuading')).toBe('dropout');
    expect(ledgerOfStatus('returned')).toBeNull();
    expect(ledgerOfStatus('verifying')).toBe('suspected');
    expect(refuseCaseAction('return', state('persuading'), township)).toContain('您的角色不能');
  });

  it('销号 only after 巩固跟踪, confirmed by the 中心校 right and never by the requester', () => {
    expect(refuseCaseAction('closure_request', state('returned', '2026-12-01'), school, { today: '2026-11-30' })).toContain('期满后');
    expect(refuseCaseAction('closure_request', state('returned', '2026-12-01'), school, { today: '2026-12-01' })).toBeNull();
    const pending = state('closure_pending', '2026-12-01', 'u9');
    expect(refuseCaseAction('closure_confirm', pending, school)).toContain('需要销号确认权限');
    expect(refuseCaseAction('closure_confirm', pending, unitConfirmer)).toContain('不能确认自己的申请');
    expect(refuseCaseAction('closure_confirm', state('closure_pending', null, 'u1'), unitConfirmer)).toBeNull();
    expect(nextCaseStatus('closure_confirm', 'closure_pending')).toBe('closed');
    expect(nextCaseStatus('closure_reject', 'closure_pending')).toBe('returned');
  });

  it('relapse during 巩固跟踪 reopens to 劝返中; a closed case takes no action (a new case links it)', () => {
    expect(nextCaseStatus('relapse', 'returned')).toBe('persuading');
    for (const a of CASE_ACTIONS) expect(refuseCaseAction(a, state('closed'), school)).not.toBeNull();
    expect(refuseCaseAction('note', state('closed'), school)).toContain('新建个案');
  });

  it('approvals move the status themselves: deferral_approved cannot be posted (seed 002)', () => {
    expect(refuseCaseAction('deferral_approved', state('persuading'), actor([...ROLES]))).toContain('自动记录');
    expect(nextCaseStatus('deferral_approved', 'persuading')).toBe('deferred');
    expect(nextCaseStatus('deferral_end', 'deferred')).toBe('persuading');
  });

  it('劝退/开除 never closes a case (seed 003)', () => {
    expect(refuseCaseAction('verify', state('verifying'), school, { result: 'not_dropout', text: '已劝退' })).toContain('严禁');
    expect(refuseCaseAction('verify', state('verifying'), school, { result: 'not_dropout', text: '已转学至郑州' })).toBeNull();
  });

  it('the read-only leader and department liaisons act on no case; every open status offers someone an action', () => {
    const leader = actor(['county_leader']);
    const liaison = actor(['dept_liaison']);
    for (const s of CASE_STATUSES) {
      expect(availableCaseActions(state(s), leader)).toEqual([]);
      expect(availableCaseActions(state(s), liaison)).toEqual([]);
    }
    const all = actor([...ROLES], ['case_closure_confirm'], 'other');
    for (const s of CASE_STATUSES.filter((x) => x !== 'closed' && x !== 'not_dropout'))
      expect(availableCaseActions(state(s, null, 'u1'), all).length, s).toBeGreaterThan(0);
  });
});
