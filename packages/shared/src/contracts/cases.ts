import { z } from 'zod';
import { DEPARTMENTS, KEY_GROUPS } from '../roles';
import { CASE_ACTIONS } from '../rules/cases/transitions';
import { CASE_STATUSES, CASE_TEAM_ROLES, DROPOUT_KINDS, NOT_DROPOUT_REASONS } from '../rules/cases/statuses';
import { abilitiesSchema, isoDateSchema, pageQuerySchema } from './common';
import { DROPOUT_CAUSES } from './ledgers';

/**
 * The case API (issue 5): one case per child at a time; every action is an event with who, when, what, attachments
 * and the signature line of the tracking form (seed 000 附件2).
 */

const text = (max: number, msg: string) => z.string().trim().min(1, msg).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** Fields every action carries: the day it happened, who signs the tracking form, photos/scans, an offline resend key. */
const actionBase = {
  occurredOn: isoDateSchema,
  signedBy: optionalText(40),
  attachmentIds: z.array(z.string().uuid()).max(20).default([]),
  /** a phone that saved the form offline resends it with the same key; the server records it once */
  clientKey: z.string().trim().min(8).max(80).optional(),
  /** the case version the user saw: a stale one gets 409 (two users acting at once: one wins) */
  version: z.number().int().min(1),
};

export const VISITOR_KINDS = ['班主任', '学校', '乡镇', '四包一工作组'] as const;
export const CONTACT_CHANNELS = ['电话', '微信', '短信', '当面'] as const;
export const VISIT_RESULTS = ['同意返校', '考虑中', '拒绝返校', '未见到人', '其他'] as const;
export const REFERRAL_SUBJECTS: Record<(typeof DEPARTMENTS)[number], string> = {
  公安: '办理户籍登记',
  民政: '困难救助',
  残联: '残疾儿童安置',
  乡村振兴: '帮扶措施',
  司法: '司法文书（义务教育法第五十八条）',
  人社: '违法使用童工查处',
  市场监管: '违法使用童工查处',
};
export const RESUME_PLAN_KINDS = ['原年级原班', '调整年级', '中职', '短期补习后随班', '单独编班', '送教上门'] as const;
export type ResumePlanKind = (typeof RESUME_PLAN_KINDS)[number];

export const caseActionBodySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('verify'),
    ...actionBase,
    result: z.enum(['in_progress', 'dropout', 'not_dropout', 'unreachable']),
    /** not_dropout: the reason and its evidence */
    reason: z.enum(NOT_DROPOUT_REASONS).optional(),
    evidence: optionalText(500),
    /** dropout: 辍学 or 失学, and the cause */
    dropoutKind: z.enum(DROPOUT_KINDS).optional(),
    cause: z.enum(DROPOUT_CAUSES).optional(),
    /** unreachable: the written report to the bureau (seed 001) */
    report: optionalText(2000),
    text: text(2000, '请填写核实情况'),
  }),
  z.object({
    type: z.literal('home_visit'),
    ...actionBase,
    visitorKind: z.enum(VISITOR_KINDS),
    visitors: text(200, '请填写走访人员'),
    metWith: text(100, '请填写见到的人（如：父亲 张某）'),
    result: z.enum(VISIT_RESULTS),
    text: text(2000, '请填写走访情况'),
  }),
  z.object({
    type: z.literal('contact'),
    ...actionBase,
    channel: z.enum(CONTACT_CHANNELS),
    contactWith: text(100, '请填写联系对象'),
    result: z.enum(VISIT_RESULTS),
    text: text(2000, '请填写联系情况'),
  }),
  z.object({ type: z.literal('notice_issued'), ...actionBase, guardianName: text(40, '请填写监护人姓名'), text: optionalText(1000) }),
  z.object({
    type: z.literal('notice_delivered'),
    ...actionBase,
    deliveredTo: text(40, '请填写签收人'),
    /** the return deadline is computed from this day (noticeReturnDays, a county setting) */
    text: optionalText(1000),
  }),
  z.object({ type: z.literal('admonition'), ...actionBase, text: text(2000, '请填写批评教育情况') }),
  z.object({ type: z.literal('correction_order'), ...actionBase, dueOn: isoDateSchema, text: text(2000, '请填写责令改正内容') }),
  z.object({
    type: z.literal('joint_persuasion'),
    ...actionBase,
    participants: text(300, '请填写参加人员及单位'),
    result: z.enum(VISIT_RESULTS),
    text: text(2000, '请填写劝返情况'),
  }),
  z.object({
    type: z.literal('referral'),
    ...actionBase,
    department: z.enum(DEPARTMENTS),
    subject: text(100, '请填写转介事项'),
    text: text(2000, '请填写转介说明'),
  }),
  z.object({ type: z.literal('home_teaching_start'), ...actionBase, text: text(2000, '请说明送教上门的原因（如残疾等级）') }),
  z.object({ type: z.literal('home_teaching_end'), ...actionBase, text: text(2000, '请填写随班就读安排') }),
  z.object({
    type: z.literal('return'),
    ...actionBase,
    planKind: z.enum(RESUME_PLAN_KINDS),
    /** seed 004: 本人意愿 — the child (not the parents) does not want to stay in the original grade */
    unwillingToStay: z.boolean().optional(),
    /** when the plan differs from the suggested one, the reason is required */
    planReason: optionalText(500),
    schoolId: z.string().uuid().optional(),
    classId: z.string().uuid().optional(),
    grade: z.number().int().min(1).max(9).optional(),
    text: text(2000, '请填写复学方案'),
  }),
  z.object({
    type: z.literal('follow_up'),
    ...actionBase,
    channel: z.enum(['入户', '在校', '电话', '微信']),
    text: text(2000, '请填写回访情况'),
  }),
  z.object({ type: z.literal('relapse'), ...actionBase, text: text(2000, '请填写再次缺学情况') }),
  z.object({ type: z.literal('closure_request'), ...actionBase, text: text(2000, '请填写巩固情况与销号理由') }),
  z.object({ type: z.literal('closure_confirm'), ...actionBase, text: optionalText(1000) }),
  z.object({ type: z.literal('closure_reject'), ...actionBase, text: text(1000, '请填写退回理由') }),
  z.object({ type: z.literal('deferral_end'), ...actionBase, text: text(2000, '请填写情况') }),
  z.object({ type: z.literal('note'), ...actionBase, text: text(2000, '请填写说明') }),
]);
export type CaseActionBody = z.infer<typeof caseActionBodySchema>;

/** Open a case: from a teacher's report (a finding or attendance opens one through their own routes). */
export const caseOpenBodySchema = z.object({
  childId: z.string().uuid(),
  source: z.enum(['report', 'attendance']).default('report'),
  reportedOn: isoDateSchema,
  text: text(2000, '请填写报告情况（何时起未到校、已了解的原因）'),
});

/** Which date of a case the month filter looks at (default: reported). */
export const CASE_MONTH_EVENTS = ['reported', 'confirmed', 'returned'] as const;
export type CaseMonthEvent = (typeof CASE_MONTH_EVENTS)[number];
export const CASE_MONTH_EVENT_LABELS: Record<CaseMonthEvent, string> = {
  reported: '报告疑似辍学',
  confirmed: '认定辍学',
  returned: '复学',
};

export const caseQuerySchema = pageQuerySchema.extend({
  status: z.enum([...CASE_STATUSES, 'open', 'closed_all']).optional(),
  townshipCode: z.string().optional(),
  schoolId: z.string().uuid().optional(),
  grade: z.coerce.number().int().min(1).max(9).optional(),
  keyGroup: z.enum(KEY_GROUPS).optional(),
  overdue: z.coerce.boolean().optional(),
  q: z.string().trim().max(50).optional(),
  /** cases reported (报告), confirmed as dropouts (认定) or returned (复学) in this month — a dashboard trend point */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应写作 YYYY-MM')
    .optional(),
  monthEvent: z.enum(CASE_MONTH_EVENTS).optional(),
});

export const caseListItemSchema = z.object({
  id: z.string(),
  childId: z.string(),
  name: z.string(),
  gender: z.string(),
  idNumberMasked: z.string(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  source: z.string(),
  schoolName: z.string().nullable(),
  grade: z.number().int().nullable(),
  className: z.string().nullable(),
  townshipName: z.string().nullable(),
  villageName: z.string().nullable(),
  keyGroups: z.array(z.string()),
  reportedOn: z.string(),
  /** days since report (the legal clock) */
  daysOpen: z.number().int(),
  /** the nearest open deadline and whether it has passed */
  nextDeadline: z.object({ kind: z.string(), label: z.string(), dueOn: z.string(), overdueDays: z.number().int() }).nullable(),
  updatedAt: z.string(),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;

export const caseEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string(),
  occurredOn: z.string(),
  at: z.string(),
  actorName: z.string(),
  actorRole: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  signedBy: z.string().nullable(),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number().int() })),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const caseTeamMemberSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  personName: z.string(),
  role: z.enum(CASE_TEAM_ROLES),
  phoneMasked: z.string(),
});
export const caseTeamBodySchema = z.object({
  userId: z.string().uuid().optional(),
  personName: text(40, '请填写姓名'),
  role: z.enum(CASE_TEAM_ROLES),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '电话号码格式不正确')
    .optional(),
});

export const caseDeadlineSchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  dueOn: z.string(),
  met: z.boolean(),
  overdueDays: z.number().int(),
});

export const approvalSchema = z.object({
  id: z.string(),
  type: z.enum(['deferral', 'suspension', 'closure']),
  typeLabel: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
  requesterName: z.string(),
  createdAt: z.string(),
  data: z.record(z.string(), z.unknown()),
  steps: z.array(
    z.object({
      stepNo: z.number().int(),
      right: z.string(),
      rightLabel: z.string(),
      deciderName: z.string(),
      decision: z.string(),
      comment: z.string().nullable(),
      at: z.string(),
    }),
  ),
  /** the right the next step needs, null when decided */
  nextRight: z.string().nullable(),
  abilities: abilitiesSchema,
});
export type ApprovalDto = z.infer<typeof approvalSchema>;

/** 延缓入学/休学 application (seed 002): the conditions are checked by rules, which say what is missing. */
export const deferralBodySchema = z.object({
  type: z.enum(['deferral', 'suspension']),
  /** health-based: a medical certificate replaces the persuasion conditions */
  health: z.boolean().default(false),
  reason: text(2000, '请填写申请理由'),
  fromDate: isoDateSchema,
  toDate: isoDateSchema,
  courtRulingAttachmentId: z.string().uuid().optional(),
  guardianDutyDone: z.boolean().default(false),
  childStillRefuses: z.boolean().default(false),
  guardianApplicationAttachmentId: z.string().uuid().optional(),
  medicalCertificateAttachmentId: z.string().uuid().optional(),
  version: z.number().int().min(1),
});
export const approvalDecisionBodySchema = z.object({
  decision: z.enum(['approve', 'reject']),
  comment: optionalText(1000),
  version: z.number().int().min(1),
});

export const referralSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  childName: z.string(),
  department: z.string(),
  subject: z.string(),
  request: z.string(),
  status: z.enum(['sent', 'accepted', 'done', 'declined']),
  response: z.string().nullable(),
  sentAt: z.string(),
  respondedAt: z.string().nullable(),
  version: z.number().int(),
  abilities: abilitiesSchema,
});
export const referralResponseBodySchema = z.object({
  status: z.enum(['accepted', 'done', 'declined']),
  response: text(2000, '请填写办理情况'),
  version: z.number().int().min(1),
});

export const homeTeachingSessionSchema = z.object({
  id: z.string(),
  taughtOn: z.string(),
  hours: z.number(),
  teacherName: z.string(),
  content: z.string(),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number().int() })),
  recordedAt: z.string(),
});
export const homeTeachingBodySchema = z.object({
  taughtOn: isoDateSchema,
  hours: z.number().min(0.5).max(8),
  teacherName: text(40, '请填写送教教师'),
  content: text(2000, '请填写送教内容'),
  attachmentIds: z.array(z.string().uuid()).max(20).default([]),
  clientKey: z.string().trim().min(8).max(80).optional(),
});

/** The 复学方案 the rules suggest (seed 004), with why. */
export const resumeSuggestionSchema = z.object({ kind: z.enum(RESUME_PLAN_KINDS), grade: z.number().int().nullable(), why: z.string() });

export const caseDetailSchema = caseListItemSchema.extend({
  version: z.number().int(),
  dropoutKind: z.string().nullable(),
  cause: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  returnedOn: z.string().nullable(),
  followUpUntil: z.string().nullable(),
  closeKind: z.string().nullable(),
  closeReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  previousCaseId: z.string().nullable(),
  findingId: z.string().nullable(),
  guardianName: z.string().nullable(),
  guardianRelation: z.string().nullable(),
  guardianPhoneMasked: z.string(),
  householdAddress: z.string().nullable(),
  birthDate: z.string().nullable(),
  studentNoMasked: z.string(),
  events: z.array(caseEventSchema),
  team: z.array(caseTeamMemberSchema),
  deadlines: z.array(caseDeadlineSchema),
  approvals: z.array(approvalSchema),
  referrals: z.array(referralSchema),
  homeTeaching: z.array(homeTeachingSessionSchema),
  /** the child's earlier cases */
  history: z.array(
    z.object({ id: z.string(), status: z.string(), statusLabel: z.string(), reportedOn: z.string(), closedAt: z.string().nullable() }),
  ),
  /** the actions this user may take now (rules/cases/transitions availableCaseActions) */
  actions: z.array(z.enum(CASE_ACTIONS)),
  resumeSuggestion: resumeSuggestionSchema.nullable(),
  /** the suggestion when the child says they do not want to stay in the original grade (seed 004: 本人意愿) */
  resumeSuggestionIfUnwilling: resumeSuggestionSchema.nullable(),
  abilities: abilitiesSchema,
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** 待办 (issue 5, item 7): waiting on this user, due within 3 days, overdue, or escalated from the level below. */
export const inboxItemSchema = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  childName: z.string(),
  kind: z.string(),
  label: z.string(),
  dueOn: z.string().nullable(),
  /** due_soon | overdue | waiting (an approval or referral waiting on this user) */
  state: z.enum(['due_soon', 'overdue', 'waiting']),
  overdueDays: z.number().int(),
  escalated: z.boolean(),
  schoolName: z.string().nullable(),
  townshipName: z.string().nullable(),
  link: z.string(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;
export const inboxSchema = z.object({ items: z.array(inboxItemSchema), count: z.number().int() });

/** 入学通知书 in one batch for the coming grade-1 cohort of a township or the county (seed 001). */
export const enrollmentNoticeQuerySchema = z.object({
  townshipCode: z.string().optional(),
  schoolYear: z.coerce.number().int().min(2000).max(2100),
  format: z.enum(['docx', 'html']).default('docx'),
});
