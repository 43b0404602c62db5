import { z } from 'zod';
import { pageQuerySchema } from './common';

export const REGISTRY_KINDS = ['hukou', 'xueji', 'roster', 'poverty', 'disability'] as const;
export type RegistryKindName = (typeof REGISTRY_KINDS)[number];
export const REGISTRY_KIND_LABELS: Record<RegistryKindName, string> = {
  hukou: '户籍',
  xueji: '学籍',
  roster: '在校名册',
  poverty: '脱贫户/监测户',
  disability: '残疾人',
};

export const SNAPSHOT_STATUSES = ['staged', 'loading', 'committed', 'superseded', 'cancelled', 'failed'] as const;
export const SNAPSHOT_STATUS_LABELS: Record<(typeof SNAPSHOT_STATUSES)[number], string> = {
  staged: '待确认',
  loading: '导入中',
  committed: '当前使用',
  superseded: '历史版本',
  cancelled: '已取消',
  failed: '导入失败',
};

export const importProblemSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  severity: z.enum(['rejected', 'warning']),
  message: z.string(),
});
export type ImportProblemDto = z.infer<typeof importProblemSchema>;

export const columnMappingItemSchema = z.object({
  header: z.string(),
  /** the canonical column key it maps to, or null when unrecognised (kept aside) */
  key: z.string().nullable(),
  /** the canonical Chinese header of that key */
  label: z.string().nullable(),
});

export const importJobSchema = z.object({
  phase: z.enum(['reading', 'loading', 'feeding', 'done', 'failed']),
  rowsDone: z.number().int(),
  rowsTotal: z.number().int().nullable(),
  bytesDone: z.number().int(),
  bytesTotal: z.number().int(),
  rowsPerSecond: z.number(),
  secondsLeft: z.number().nullable(),
  message: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const snapshotSchema = z.object({
  id: z.string(),
  kind: z.enum(REGISTRY_KINDS),
  kindLabel: z.string(),
  scopeKind: z.enum(['county', 'school']),
  scopeId: z.string(),
  scopeName: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  sizeBytes: z.number().int(),
  encoding: z.string(),
  status: z.enum(SNAPSHOT_STATUSES),
  statusLabel: z.string(),
  rowCount: z.number().int(),
  acceptedCount: z.number().int(),
  rejectedCount: z.number().int(),
  warningCount: z.number().int(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
  committedAt: z.string().nullable(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const snapshotDetailSchema = snapshotSchema.extend({
  columns: z.array(columnMappingItemSchema),
  /** the canonical columns of this kind, for fixing an unrecognised header */
  availableColumns: z.array(z.object({ key: z.string(), label: z.string() })),
  missingColumns: z.array(z.string()),
  previewRows: z.array(z.record(z.string(), z.string())),
  problems: z.array(importProblemSchema),
  problemsTotal: z.number().int(),
  job: importJobSchema.nullable(),
  abilities: z.record(z.string(), z.boolean()),
});
export type SnapshotDetail = z.infer<typeof snapshotDetailSchema>;

export const snapshotQuerySchema = pageQuerySchema.extend({
  kind: z.enum(REGISTRY_KINDS).optional(),
  status: z.enum(SNAPSHOT_STATUSES).optional(),
});

export const mappingBodySchema = z.object({
  /** header as written in the file → canonical key (or null to ignore the column) */
  overrides: z.record(z.string(), z.string().nullable()),
});
