import { z } from 'zod';
import { KEY_GROUPS } from '../roles';
import { abilitiesSchema, pageQuerySchema } from './common';

export const LEDGER_KINDS = ['suspected', 'dropout'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = { suspected: '疑似辍学台账', dropout: '辍学学生台账' };
export const LEDGER_SOURCES = ['finding', 'attendance', 'report', 'survey'] as const;
export const LEDGER_SOURCE_LABELS: Record<(typeof LEDGER_SOURCES)[number], string> = {
  finding: '四查三比对',
  attendance: '缺勤预警',
  report: '教师报告',
  survey: '摸排',
};
/** The 适龄儿童台账 categories whose sum is the age-eligible children (人账相符; docs/domain/ledgers.md). */
export const LEDGER_CATEGORIES = ['本地在读', '外地就读', '送教上门', '延缓入学/休学', '疑似辍学', '辍学', '已核实离开', '未说明'] as const;
export type LedgerCategory = (typeof LEDGER_CATEGORIES)[number];

/** 动态销号 reasons (seed 002: "劝返一个、销号一个"; verification closes a suspected entry). */
export const LEDGER_CLOSE_REASONS = {
  suspected: ['核实在读', '外地就读', '已转学', '已休学', '请假', '死亡', '户籍迁出', '出国', '已毕业', '数据错误', '转入辍学台账'],
  dropout: ['已复学', '外地就读', '死亡', '户籍迁出', '出国', '已毕业', '核实非辍学'],
} as const;

export const DROPOUT_CAUSES = ['学习困难', '厌学', '外出打工', '早婚早育', '信教', '家庭贫困', '疾病', '残疾', '家庭原因', '其他'] as const;

const scopeFilter = {
  townshipCode: z.string().optional(),
  schoolId: z.string().optional(),
  grade: z.coerce.number().int().min(1).max(9).optional(),
  keyGroup: z.enum(KEY_GROUPS).optional(),
  q: z.string().trim().max(50).optional(),
};

export const ledgerBalanceSchema = z.object({
  schoolYear: z.number().int(),
  birthFrom: z.string(),
  birthTo: z.string(),
  total: z.number().int(),
  byCategory: z.record(z.string(), z.number().int()),
  balanced: z.boolean(),
  unexplained: z.number().int(),
  openSuspected: z.number().int(),
  openDropout: z.number().int(),
});
export type LedgerBalanceDto = z.infer<typeof ledgerBalanceSchema>;
export const ledgerBalanceQuerySchema = z.object({ townshipCode: z.string().optional(), schoolId: z.string().optional() });

export const eligibleQuerySchema = pageQuerySchema.extend({ ...scopeFilter, category: z.string().optional() });
export const eligibleRowSchema = z.object({
  childId: z.string(),
  name: z.string(),
  gender: z.string(),
  birthDate: z.string().nullable(),
  idNumberMasked: z.string(),
  townshipName: z.string().nullable(),
  villageName: z.string().nullable(),
  guardianName: z.string().nullable(),
  guardianPhoneMasked: z.string(),
  category: z.string(),
  status: z.string(),
  schoolName: z.string().nullable(),
  grade: z.number().int().nullable(),
  className: z.string().nullable(),
  studentNoMasked: z.string(),
  keyGroups: z.array(z.string()),
});

export const ledgerEntryQuerySchema = pageQuerySchema.extend({ ...scopeFilter, state: z.enum(['open', 'closed', 'all']).default('open') });
export const ledgerEntrySchema = z.object({
  id: z.string(),
  ledger: z.enum(LEDGER_KINDS),
  childId: z.string(),
  name: z.string(),
  gender: z.string(),
  idNumberMasked: z.string(),
  schoolName: z.string().nullable(),
  grade: z.number().int().nullable(),
  townshipName: z.string().nullable(),
  villageName: z.string().nullable(),
  keyGroups: z.array(z.string()),
  source: z.string(),
  sourceLabel: z.string(),
  category: z.string().nullable(),
  cause: z.string().nullable(),
  note: z.string().nullable(),
  openedAt: z.string(),
  openedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  closeEvidence: z.string().nullable(),
});
export type LedgerEntryDto = z.infer<typeof ledgerEntrySchema>;
export const ledgerEntryDetailSchema = ledgerEntrySchema.extend({
  events: z.array(
    z.object({ at: z.string(), actorName: z.string().nullable(), type: z.string(), typeLabel: z.string(), data: z.unknown() }),
  ),
  abilities: abilitiesSchema,
});
export const ledgerEntryCreateSchema = z.object({
  childId: z.string().uuid('请选择儿童'),
  ledger: z.enum(LEDGER_KINDS),
  source: z.enum(['report', 'survey']),
  cause: z.string().trim().max(40).optional(),
  note: z.string().trim().max(500).optional(),
});
export const ledgerCloseSchema = z.object({
  reason: z.string().trim().min(1, '请选择销号原因'),
  evidence: z.string().trim().min(2, '请填写销号依据').max(1000),
});
export const ledgerConfirmDropoutSchema = z.object({
  cause: z.enum(DROPOUT_CAUSES),
  note: z.string().trim().max(500).optional(),
});
