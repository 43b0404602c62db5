import type { ApprovalRight, Role } from '../../roles';
import type { IsoDate } from '../dates';
import { CASE_STATUS_LABELS, FORBIDDEN_CLOSE_WORDS, isCaseOpen, type CaseStatus } from './statuses';

/**
 * The transition table of a case (issue 5, item 2). Status is moved only by these actions; each row cites its seed.
 * `to` is the status after the action (null: unchanged). Who may act is by role; approvals by right (roles.ts).
 */
export const CASE_ACTIONS = [
  'verify',
  'home_visit',
  'contact',
  'notice_issued',
  'notice_delivered',
  'admonition',
  'correction_order',
  'joint_persuasion',
  'referral',
  'home_teaching_start',
  'home_teaching_end',
  'return',
  'follow_up',
  'relapse',
  'closure_request',
  'closure_confirm',
  'closure_reject',
  'deferral_request',
  'deferral_approved',
  'deferral_rejected',
  'deferral_end',
  'note',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** verify's outcome: still verifying, a confirmed 辍学/失学, not a dropout (closed with reason), or 无法联系. */
export type VerifyResult = 'in_progress' | 'dropout' | 'not_dropout' | 'unreachable';

const OPEN: readonly CaseStatus[] = [
  'suspected',
  'verifying',
  'unreachable',
  'confirmed',
  'persuading',
  'returned',
  'closure_pending',
  'home_teaching',
  'deferred',
];
const BEFORE_CONFIRM: readonly CaseStatus[] = ['suspected', 'verifying', 'unreachable'];
const PERSUASION: readonly CaseStatus[] = ['confirmed', 'persuading'];
/** the case workers of a school, a township and the county (not the read-only leader, not department liaisons) */
const SCHOOL: readonly Role[] = ['head_teacher', 'school_admin', 'unit_admin', 'county_admin'];
const SCHOOL_AND_TOWNSHIP: readonly Role[] = [...SCHOOL, 'township_official'];
const EVERYONE_IN_THE_FIELD: readonly Role[] = [...SCHOOL_AND_TOWNSHIP, 'village_official'];

export type CaseActionRule = {
  label: string;
  from: readonly CaseStatus[];
  /** the status after the action; for verify it depends on the result */
  to: CaseStatus | null | ((from: CaseStatus, result?: VerifyResult) => CaseStatus | null);
  roles: readonly Role[];
  /** an approval right instead of a role (销号 confirmation) */
  right?: ApprovalRight;
  /** performed by the platform when an approval completes; never posted by a user */
  system?: boolean;
  seed: string;
};

/** Persuasion work on a confirmed case moves it to 劝返中; elsewhere it leaves the status as it is. */
const persuasionStep = (from: CaseStatus): CaseStatus | null => (from === 'confirmed' ? 'persuading' : null);

export const CASE_ACTION_RULES: Record<CaseAction, CaseActionRule> = {
  verify: {
    label: '核实结果',
    from: BEFORE_CONFIRM,
    to: (_from, result) =>
      result === 'dropout'
        ? 'confirmed'
        : result === 'not_dropout'
          ? 'not_dropout'
          : result === 'unreachable'
            ? 'unreachable'
            : 'verifying',
    roles: SCHOOL_AND_TOWNSHIP,
    seed: 'seed 001: 逐一核实未报到学生（转学、休学、请假、外地就读、死亡、户籍迁出、出国）；无法联系的书面报告教育局',
  },
  home_visit: {
    label: '入户走访',
    from: OPEN,
    to: persuasionStep,
    roles: EVERYONE_IN_THE_FIELD,
    seed: 'seed 000 附件2: 班主任、学校、乡镇工作情况；seed 001: 四包一 联合劝返',
  },
  contact: {
    label: '电话/微信联系',
    from: OPEN,
    to: persuasionStep,
    roles: EVERYONE_IN_THE_FIELD,
    seed: 'seed 000: 班主任及时联系家长',
  },
  notice_issued: {
    label: '发放劝返通知书',
    from: PERSUASION,
    to: 'persuading',
    roles: ['school_admin', 'unit_admin', 'township_official', 'county_admin'],
    seed: 'seed 000: 向监护人发放《劝返通知书》，限期5日内返校',
  },
  notice_delivered: {
    label: '劝返通知书送达',
    from: ['persuading'],
    to: null,
    roles: SCHOOL_AND_TOWNSHIP,
    seed: 'seed 000: 送达之日起5日内返校（期限为县级设置）',
  },
  admonition: {
    label: '乡镇批评教育',
    from: ['persuading'],
    to: null,
    roles: ['township_official', 'county_admin'],
    seed: 'seed 001: 对不履行送子女入学义务的监护人，乡镇政府批评教育',
  },
  correction_order: {
    label: '责令限期改正',
    from: ['persuading'],
    to: null,
    roles: ['township_official', 'county_admin'],
    seed: 'seed 001: 经批评教育仍不改正的，责令限期改正',
  },
  joint_persuasion: {
    label: '联合劝返',
    from: [...PERSUASION, 'deferred'],
    to: persuasionStep,
    roles: EVERYONE_IN_THE_FIELD,
    seed: 'seed 001: 乡镇干部、驻村工作人员、村干部、帮扶人 四包一 联合劝返；seed 002: 延缓入学前须 ≥3 次联合劝返',
  },
  referral: {
    label: '转介相关部门',
    from: OPEN,
    to: null,
    roles: ['school_admin', 'unit_admin', 'township_official', 'county_admin'],
    seed: 'seed 001: 公安（户籍）、残联（安置）、民政（救助）、人社/市场监管（违法用工）；司法文书（义务教育法第五十八条）',
  },
  home_teaching_start: {
    label: '转为送教上门',
    from: [...BEFORE_CONFIRM, ...PERSUASION],
    to: 'home_teaching',
    roles: ['school_admin', 'unit_admin', 'county_admin'],
    seed: 'seed 004: 重度残疾儿童 送教上门，每周1次、每次2课时',
  },
  home_teaching_end: {
    label: '结束送教上门（随班就读）',
    from: ['home_teaching'],
    to: 'returned',
    roles: ['school_admin', 'unit_admin', 'county_admin'],
    seed: 'seed 004: 具备条件的残疾儿童随班就读',
  },
  return: {
    label: '复学（复学方案）',
    from: [...PERSUASION, 'unreachable', 'deferred'],
    to: 'returned',
    roles: SCHOOL,
    seed: 'seed 004: 一人一案制定复学方案；seed 002: 劝返一个、销号一个',
  },
  follow_up: {
    label: '巩固跟踪回访',
    from: ['returned', 'home_teaching', 'deferred', 'unreachable'],
    to: null,
    roles: EVERYONE_IN_THE_FIELD,
    seed: 'seed 004: 复学学生一对一关爱、跟踪；seed 002: 延缓入学/休学期间继续劝返',
  },
  relapse: {
    label: '再次缺学（回到劝返）',
    from: ['returned', 'closure_pending'],
    to: 'persuading',
    roles: SCHOOL_AND_TOWNSHIP,
    seed: 'issue 5: 巩固跟踪期间再次缺学，重新劝返',
  },
  closure_request: {
    label: '申请销号',
    from: ['returned'],
    to: 'closure_pending',
    roles: SCHOOL,
    seed: 'seed 002: 动态销号；issue 5: 销号须中心校确认',
  },
  closure_confirm: {
    label: '确认销号',
    from: ['closure_pending'],
    to: 'closed',
    roles: [],
    right: 'case_closure_confirm',
    seed: 'issue 5: 销号须中心校确认（审批记录，非申请人本人）',
  },
  closure_reject: {
    label: '退回销号申请',
    from: ['closure_pending'],
    to: 'returned',
    roles: [],
    right: 'case_closure_confirm',
    seed: 'issue 5: 销号须中心校确认',
  },
  deferral_request: {
    label: '申请延缓入学/休学',
    from: [...PERSUASION, 'home_teaching'],
    to: null,
    roles: ['school_admin', 'unit_admin', 'township_official', 'county_admin'],
    seed: 'seed 002: 监护人申请，县教育局核实，县乡村振兴领导小组同意',
  },
  deferral_approved: {
    label: '延缓入学/休学获批',
    from: [...PERSUASION, 'home_teaching'],
    to: 'deferred',
    roles: [],
    system: true,
    seed: 'seed 002: 批准后档案不销、继续劝返',
  },
  deferral_rejected: {
    label: '延缓入学/休学未获批',
    from: [...PERSUASION, 'home_teaching'],
    to: null,
    roles: [],
    system: true,
    seed: 'seed 002',
  },
  deferral_end: {
    label: '延缓期满，恢复劝返',
    from: ['deferred'],
    to: 'persuading',
    roles: SCHOOL_AND_TOWNSHIP,
    seed: 'seed 002: 延缓入学/休学期满须继续入学',
  },
  note: {
    label: '情况说明',
    from: OPEN,
    to: null,
    roles: EVERYONE_IN_THE_FIELD,
    seed: 'seed 000 附件2: 跟踪记录',
  },
};

export const CASE_ACTION_LABELS = Object.fromEntries(CASE_ACTIONS.map((a) => [a, CASE_ACTION_RULES[a].label])) as Record<
  CaseAction,
  string
>;

export type CaseActor = {
  userId: string;
  roles: readonly Role[];
  rights: readonly ApprovalRight[];
};

export type CaseState = {
  status: CaseStatus;
  followUpUntil: IsoDate | null;
  /** who asked for the pending 销号 (the confirmer must be someone else) */
  closureRequestedBy?: string | null;
};

/** Why the actor may not do this now, in Chinese; null when allowed. Pure: the server and the web both call it. */
export function refuseCaseAction(
  action: CaseAction,
  state: CaseState,
  actor: CaseActor,
  opts: { today?: IsoDate; result?: VerifyResult; text?: string } = {},
): string | null {
  const rule = CASE_ACTION_RULES[action];
  if (rule.system) return `「${rule.label}」由审批流程自动记录，不能直接操作`;
  if (!isCaseOpen(state.status))
    return `个案已${CASE_STATUS_LABELS[state.status]}，不能再「${rule.label}」；如再次流失，请新建个案（关联原个案）`;
  if (!rule.from.includes(state.status)) return `个案当前为「${CASE_STATUS_LABELS[state.status]}」，不能「${rule.label}」`;
  if (rule.right) {
    if (!actor.rights.includes(rule.right)) return `「${rule.label}」需要销号确认权限（中心校）`;
    if (state.closureRequestedBy && state.closureRequestedBy === actor.userId)
      return '销号申请人不能确认自己的申请，请由中心校其他人员确认';
  } else if (!actor.roles.some((r) => rule.roles.includes(r))) {
    return `您的角色不能「${rule.label}」`;
  }
  if (action === 'closure_request' && state.followUpUntil && opts.today && opts.today < state.followUpUntil) {
    return `巩固跟踪期至 ${state.followUpUntil}，期满后才能申请销号`;
  }
  if (action === 'verify' && opts.result === 'not_dropout' && opts.text && forbiddenCloseWord(opts.text)) {
    return forbiddenCloseMessage(opts.text);
  }
  return null;
}

/** The status after an allowed action (null: unchanged). */
export function nextCaseStatus(action: CaseAction, from: CaseStatus, result?: VerifyResult): CaseStatus | null {
  const to = CASE_ACTION_RULES[action].to;
  const next = typeof to === 'function' ? to(from, result) : to;
  return next === from ? null : next;
}

/** The actions the actor may take on a case now (the web shows these buttons; the server refuses the rest). */
export function availableCaseActions(state: CaseState, actor: CaseActor, today?: IsoDate): CaseAction[] {
  return CASE_ACTIONS.filter((a) => refuseCaseAction(a, state, actor, { today }) === null);
}

export function forbiddenCloseWord(text: string): string | null {
  return FORBIDDEN_CLOSE_WORDS.find((w) => text.includes(w)) ?? null;
}

export function forbiddenCloseMessage(text: string): string {
  return `不能以「${forbiddenCloseWord(text)}」方式结案：严禁以劝退、开除等方式让学生离校（seed 003）`;
}
