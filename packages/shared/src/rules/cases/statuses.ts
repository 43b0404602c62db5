/**
 * 一生一表一档案 — the statuses of a case (issue 5, item 2; domain.md "A case, from report to 销号").
 * Seeds: 000 (劝返通知书, 跟踪记录表), 001 (无法联系 → written report; 四包一), 002 (三本台账, 延缓入学/休学),
 * 003 (no 劝退/开除), 004 (复学方案, 送教上门).
 */
export const CASE_STATUSES = [
  'suspected',
  'verifying',
  'unreachable',
  'confirmed',
  'persuading',
  'returned',
  'closure_pending',
  'home_teaching',
  'deferred',
  'closed',
  'not_dropout',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  suspected: '疑似辍学',
  verifying: '核实中',
  unreachable: '无法联系',
  confirmed: '已认定辍学',
  persuading: '劝返中',
  returned: '已复学·巩固跟踪',
  closure_pending: '待销号确认',
  home_teaching: '送教上门',
  deferred: '延缓入学/休学',
  closed: '已销号',
  not_dropout: '核实非辍学',
};

/** A case in one of these is over; a relapse after 销号 opens a new case linked to the old one. */
export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = ['closed', 'not_dropout'];
export const isCaseOpen = (s: CaseStatus) => !CLOSED_CASE_STATUSES.includes(s);

/**
 * Which ledger holds the child while the case is in a status (issue 5 item 2: "疑似辍学/核实中 in the 疑似辍学 ledger;
 * 已认定 and 劝返中 in the 辍学 ledger; 复学 takes the child off it" — seed 002 "劝返一个、销号一个").
 * 送教上门 and 延缓入学/休学 have their own categories in the 适龄儿童台账 (docs/domain/ledgers.md).
 */
export function ledgerOfStatus(s: CaseStatus): 'suspected' | 'dropout' | null {
  if (s === 'suspected' || s === 'verifying' || s === 'unreachable') return 'suspected';
  if (s === 'confirmed' || s === 'persuading') return 'dropout';
  return null;
}

/** 核实非辍学 reasons, each needing its evidence (issue 5 item 2; seed 001 lists the causes to verify). */
export const NOT_DROPOUT_REASONS = ['转学', '休学', '请假', '外地就读', '死亡', '户籍迁出', '出国', '数据错误'] as const;
export type NotDropoutReason = (typeof NOT_DROPOUT_REASONS)[number];
export const NOT_DROPOUT_EVIDENCE_HINTS: Record<NotDropoutReason, string> = {
  转学: '转入学校名称与转学手续（学籍系统转学记录）',
  休学: '休学审批材料',
  请假: '请假条及审批记录、预计返校日期',
  外地就读: '就读学校名称与学籍号、在校证明',
  死亡: '死亡证明或户籍注销证明',
  户籍迁出: '户籍迁移证明',
  出国: '出入境记录或出国证明',
  数据错误: '错误的数据项及更正依据',
};

/** 辍学 (left school) or 失学 (never enrolled), seed 002 (疑似辍学台账 "including 失学"). */
export const DROPOUT_KINDS = ['辍学', '失学'] as const;
export type DropoutKind = (typeof DROPOUT_KINDS)[number];

/**
 * Words that may never close a case (seed 003: 严禁以劝退、开除等方式让学生离校). Any close reason or note of a closing
 * action containing one is refused.
 */
export const FORBIDDEN_CLOSE_WORDS = ['劝退', '开除', '送回家', '退学'] as const;

export const CASE_SOURCES = ['finding', 'report', 'attendance', 'relapse'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  finding: '四查三比对',
  report: '教师报告',
  attendance: '缺勤预警',
  relapse: '销号后再次流失',
};

/** The 四包一 team and the school people who answer for a case (seed 001). */
export const CASE_TEAM_ROLES = ['班主任', '校领导', '乡镇干部', '驻村工作人员', '村干部', '帮扶人'] as const;
export type CaseTeamRole = (typeof CASE_TEAM_ROLES)[number];
