/** The finding categories of formats.md and their Chinese names (no dependencies: the engine's hot path imports it). */
export const FINDING_CATEGORY_LABELS = {
  OUT_OF_SCHOOL: '适龄失学',
  ENROLLED_ABSENT: '籍在人不在',
  PRESENT_UNENROLLED: '人在籍不在',
  POVERTY_DROPOUT: '脱贫户辍学',
  IDENTITY_MISMATCH: '身份信息不一致',
  DUPLICATE_ENROLLMENT: '重复学籍',
  NO_HOUSEHOLD: '无户籍',
} as const;
export type FindingCategoryCode = keyof typeof FINDING_CATEGORY_LABELS;
export const FINDING_CATEGORY_CODES = Object.keys(FINDING_CATEGORY_LABELS) as FindingCategoryCode[];
