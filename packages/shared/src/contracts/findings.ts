import { z } from 'zod';
import { KEY_GROUPS } from '../roles';
import { abilitiesSchema, pageQuerySchema } from './common';
import { DROPOUT_CAUSES } from './ledgers';

export { FINDING_CATEGORY_CODES, FINDING_CATEGORY_LABELS, type FindingCategoryCode } from '../finding-categories';
import { FINDING_CATEGORY_LABELS } from '../finding-categories';

export const FINDING_STATUS_LABELS = { open: '待核实', confirmed: '已列入台账', closed: '已核实关闭', resolved: '数据已一致' } as const;
export const FINDING_CLOSE_REASONS = ['外地就读', '已转学', '已休学', '请假', '死亡', '户籍迁出', '出国', '已毕业', '数据错误'] as const;
export type FindingCloseReason = (typeof FINDING_CLOSE_REASONS)[number];
/** The evidence each verification result needs (issue 4, item 5). */
export const FINDING_CLOSE_EVIDENCE: Record<FindingCloseReason, string> = {
  外地就读: '就读学校名称和学籍号',
  已转学: '转入学校和转学手续',
  已休学: '休学审批材料',
  请假: '请假条或审批记录',
  死亡: '死亡证明或户籍注销证明',
  户籍迁出: '户籍迁出证明',
  出国: '出入境或在外就读证明',
  已毕业: '毕业证书或学籍毕业记录',
  数据错误: '错误所在（哪份数据、哪一行、正确值）',
};

export const runSchema = z.object({
  id: z.string(),
  scopeKind: z.enum(['county', 'township']),
  scopeId: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  summary: z.record(z.string(), z.unknown()),
  inputs: z.record(z.string(), z.array(z.string())),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  message: z.string().nullable(),
  job: z.unknown().nullable(),
});
export const runStartSchema = z.object({ townshipCode: z.string().optional() });

export const findingQuerySchema = pageQuerySchema.extend({
  category: z.enum(Object.keys(FINDING_CATEGORY_LABELS) as [keyof typeof FINDING_CATEGORY_LABELS]).optional(),
  status: z.enum(['open', 'confirmed', 'closed', 'resolved']).optional(),
  townshipCode: z.string().optional(),
  schoolId: z.string().uuid().optional(),
  keyGroup: z.enum(KEY_GROUPS).optional(),
  q: z.string().trim().max(50).optional(),
  runId: z.string().uuid().optional(),
});

export const findingSchema = z.object({
  id: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  childId: z.string().nullable(),
  method: z.string(),
  confidence: z.number(),
  explanation: z.string(),
  schoolName: z.string().nullable(),
  townshipCode: z.string().nullable(),
  villageCode: z.string().nullable(),
  keyGroups: z.array(z.string()),
  firstRunId: z.string(),
  lastRunId: z.string(),
  closeReason: z.string().nullable(),
  closeEvidence: z.string().nullable(),
  ledgerEntryId: z.string().nullable(),
  updatedAt: z.string(),
});
export type FindingDto = z.infer<typeof findingSchema>;

/** One registry record of a finding; `ref` names it in a merge/split (kind:snapshot:row). */
export const findingRecordSchema = z.object({
  ref: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  fileName: z.string(),
  rowNo: z.number().int(),
  cells: z.record(z.string(), z.string()),
});

export const findingDetailSchema = findingSchema.extend({
  records: z.array(findingRecordSchema),
  /** the fields whose values differ between the records (highlighted side by side) */
  differing: z.array(z.string()),
  /** records the engine left apart because several children fitted them, with those children's records */
  candidates: z.array(z.object({ ref: z.string(), records: z.array(findingRecordSchema) })),
  abilities: abilitiesSchema,
});

/** 合并为同一人 / 不是同一人（拆分）: two records of a finding (issue 4, item 5), with the reason. */
export const IDENTITY_DECISION_LABELS = { merge: '合并为同一人', split: '不是同一人（拆分）' } as const;
export const identityDecisionInputSchema = z.object({
  decision: z.enum(['merge', 'split']),
  left: z.string().min(1, '请选择记录').max(100),
  right: z.string().min(1, '请选择记录').max(100),
  reason: z.string().trim().min(2, '请填写理由').max(500, '理由最多 500 字'),
});
const decisionSideSchema = z.object({ kindLabel: z.string(), name: z.string(), idNumberMasked: z.string(), place: z.string() });
export const identityDecisionSchema = z.object({
  id: z.string(),
  decision: z.enum(['merge', 'split']),
  decisionLabel: z.string(),
  left: decisionSideSchema,
  right: decisionSideSchema,
  findingId: z.string().nullable(),
  reason: z.string(),
  decidedByName: z.string(),
  decidedAt: z.string(),
  revokedByName: z.string().nullable(),
  revokedAt: z.string().nullable(),
  abilities: abilitiesSchema,
});
export const identityDecisionQuerySchema = z.object({ childId: z.string().uuid('编号格式不正确') });
export const identityDecisionRevokeSchema = z.object({ reason: z.string().trim().max(500).optional() });

export const findingConfirmSchema = z.object({
  ledger: z.enum(['suspected', 'dropout']),
  cause: z.enum(DROPOUT_CAUSES).optional(),
  note: z.string().trim().max(500).optional(),
});
export const findingCloseSchema = z.object({
  reason: z.enum(FINDING_CLOSE_REASONS),
  evidence: z.string().trim().min(2, '请填写核实依据').max(1000),
});
export const findingBulkSchema = z.object({
  ids: z.array(z.string().uuid()).min(1, '请选择比对结果').max(500, '一次最多处理 500 条'),
  action: z.enum(['confirm', 'close']),
  confirm: findingConfirmSchema.optional(),
  close: findingCloseSchema.optional(),
});
