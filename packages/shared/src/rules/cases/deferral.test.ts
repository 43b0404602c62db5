import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNTY_SETTINGS } from '../../settings';
import {
  approvalStatusAfter,
  nextDeferralStep,
  refuseDeferral,
  refuseDeferralDecision,
  refuseWithdrawal,
  type ApprovalState,
  type DeferralApplication,
} from './deferral';

const settings = DEFAULT_COUNTY_SETTINGS; // deferralJointPersuasions: 3 (seed 002 「联合劝返三次以上」)
const complete: DeferralApplication = {
  type: 'deferral',
  health: false,
  fromDate: '2026-09-01',
  toDate: '2027-08-31',
  guardianDutyDone: true,
  childStillRefuses: true,
  hasCourtRuling: false,
  hasGuardianApplication: true,
  hasMedicalCertificate: false,
};

describe('延缓入学/休学 preconditions (seed 002)', () => {
  it('accepts ≥ 3 joint persuasions + guardians did their duty + child still refuses + the application', () => {
    expect(refuseDeferral(complete, { jointPersuasions: 3 }, settings)).toEqual([]);
    expect(refuseDeferral(complete, { jointPersuasions: 5 }, settings)).toEqual([]);
  });

  it('fewer joint persuasions are refused, naming the count — unless a court ruling is attached (「或经司法部门判决裁定」)', () => {
    const m = refuseDeferral(complete, { jointPersuasions: 2 }, settings);
    expect(m).toHaveLength(1);
    expect(m[0]).toContain('已记录 2 次，须满 3 次');
    expect(refuseDeferral({ ...complete, hasCourtRuling: true }, { jointPersuasions: 0 }, settings)).toEqual([]);
  });

  it('the number of joint persuasions is a county setting', () => {
    expect(refuseDeferral(complete, { jointPersuasions: 3 }, { deferralJointPersuasions: 4 })[0]).toContain('须满 4 次');
  });

  it('names every missing condition: guardians’ duty, the child’s refusal, the application', () => {
    const m = refuseDeferral(
      { ...complete, guardianDutyDone: false, childStillRefuses: false, hasGuardianApplication: false },
      { jointPersuasions: 0 },
      settings,
    );
    expect(m).toHaveLength(4);
    expect(m.join('\n')).toMatch(/联合劝返记录不足/);
    expect(m.join('\n')).toMatch(/监护人已履行/);
    expect(m.join('\n')).toMatch(/拒不返校/);
    expect(m.join('\n')).toMatch(/延缓入学书面申请/);
  });

  it('health-based (「属于身体原因不具备学习条件的」): only the medical certificate and the application', () => {
    const health = { ...complete, type: 'suspension' as const, health: true, guardianDutyDone: false, childStillRefuses: false };
    expect(refuseDeferral({ ...health, hasMedicalCertificate: true }, { jointPersuasions: 0 }, settings)).toEqual([]);
    const m = refuseDeferral({ ...health, hasGuardianApplication: false }, { jointPersuasions: 0 }, settings);
    expect(m).toEqual([expect.stringContaining('医疗证明'), expect.stringContaining('休学书面申请')]);
  });

  it('refuses a period that ends before it starts', () => {
    expect(refuseDeferral({ ...complete, toDate: '2026-08-01' }, { jointPersuasions: 3 }, settings)[0]).toContain('起止日期有误');
  });
});

describe('two approval steps by two other people (seed 002: 县教育局核实 → 县乡村振兴领导小组同意)', () => {
  const pending = (steps: ApprovalState['steps'] = []): ApprovalState => ({ status: 'pending', requesterId: 'req', steps });
  const verifier = { userId: 'v', rights: ['deferral_verify' as const] };
  const agreer = { userId: 'a', rights: ['deferral_agree' as const] };
  const both = { userId: 'b', rights: ['deferral_verify' as const, 'deferral_agree' as const] };

  it('step 1 needs deferral_verify, step 2 deferral_agree', () => {
    expect(nextDeferralStep(pending())?.right).toBe('deferral_verify');
    expect(nextDeferralStep(pending([{ stepNo: 1, deciderId: 'v' }]))?.right).toBe('deferral_agree');
    expect(refuseDeferralDecision(pending(), verifier)).toBeNull();
    expect(refuseDeferralDecision(pending(), agreer)?.kind).toBe('right');
    expect(refuseDeferralDecision(pending([{ stepNo: 1, deciderId: 'v' }]), agreer)).toBeNull();
    expect(refuseDeferralDecision(pending([{ stepNo: 1, deciderId: 'v' }]), verifier)?.message).toContain('县乡村振兴领导小组同意');
  });

  it('never the requester; never the same person for both steps', () => {
    expect(refuseDeferralDecision(pending(), { ...verifier, userId: 'req' })?.kind).toBe('person');
    expect(refuseDeferralDecision(pending(), both)).toBeNull();
    const r = refuseDeferralDecision(pending([{ stepNo: 1, deciderId: 'b' }]), both);
    expect(r?.kind).toBe('person');
    expect(r?.message).toContain('不同人员');
  });

  it('decided approvals take no more decisions; approve at step 2 approves, a rejection at either step rejects', () => {
    expect(refuseDeferralDecision({ ...pending(), status: 'approved' }, verifier)?.kind).toBe('state');
    expect(approvalStatusAfter(pending(), 'approve')).toBe('pending');
    expect(approvalStatusAfter(pending([{ stepNo: 1, deciderId: 'v' }]), 'approve')).toBe('approved');
    expect(approvalStatusAfter(pending(), 'reject')).toBe('rejected');
    expect(approvalStatusAfter(pending([{ stepNo: 1, deciderId: 'v' }]), 'reject')).toBe('rejected');
  });

  it('only the requester withdraws, while pending', () => {
    expect(refuseWithdrawal(pending(), 'req')).toBeNull();
    expect(refuseWithdrawal(pending(), 'v')).toContain('申请人本人');
    expect(refuseWithdrawal({ ...pending(), status: 'rejected' }, 'req')).toContain('未批准');
  });
});
