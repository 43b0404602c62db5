import { z } from 'zod';
import { KEY_GROUPS } from '../roles';
import { abilitiesSchema, pageQuerySchema } from './common';

export const CHILD_STATUSES = [
  '在读',
  '休学',
  '送教上门',
  '外地就读',
  '未入学',
  '疑似辍学',
  '辍学',
  '已毕业',
  '死亡',
  '出国',
  '户籍迁出',
] as const;
export type ChildStatus = (typeof CHILD_STATUSES)[number];

export const keyGroupFlagSchema = z.object({
  group: z.enum(KEY_GROUPS),
  /** where the flag came from: 'snapshot:<id>', 'user:<id>', 'seed' */
  source: z.string(),
  sourceLabel: z.string(),
});

export const childListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string(),
  birthDate: z.string().nullable(),
  idNumberMasked: z.string(),
  /** masked like the ID when it is 'G' + ID number (maskStudentNo) */
  studentNo: z.string().nullable(),
  schoolId: z.string().nullable(),
  schoolName: z.string().nullable(),
  grade: z.number().int().nullable(),
  className: z.string().nullable(),
  townshipName: z.string().nullable(),
  villageName: z.string().nullable(),
  status: z.string(),
  keyGroups: z.array(z.string()),
});
export type ChildListItem = z.infer<typeof childListItemSchema>;

export const childQuerySchema = pageQuerySchema.extend({
  /** name, pinyin initials (e.g. "zsf"), 学籍号, or the last digits / masked form of an ID number */
  q: z.string().trim().max(50).optional(),
  townshipCode: z.string().optional(),
  villageCode: z.string().optional(),
  schoolId: z.string().optional(),
  classId: z.string().optional(),
  grade: z.coerce.number().int().min(1).max(9).optional(),
  keyGroup: z.enum(KEY_GROUPS).optional(),
  status: z.string().optional(),
});

export const childDetailSchema = childListItemSchema.extend({
  nation: z.string().nullable(),
  householdAddress: z.string().nullable(),
  householdVillageCode: z.string().nullable(),
  classId: z.string().nullable(),
  guardianName: z.string().nullable(),
  guardianRelation: z.string().nullable(),
  guardianPhoneMasked: z.string(),
  keyGroupFlags: z.array(keyGroupFlagSchema),
  /** the committed registry rows that carry this child's ID number (户籍, 学籍, 名册, 脱贫户, 残疾人) */
  registries: z.array(
    z.object({
      kind: z.string(),
      kindLabel: z.string(),
      fileName: z.string(),
      rowNo: z.number().int(),
      name: z.string(),
      committedAt: z.string().nullable(),
    }),
  ),
  /** what each registry (or user) changed in the child's identity, newest first (phones masked) */
  identityHistory: z.array(
    z.object({
      at: z.string(),
      field: z.string(),
      fieldLabel: z.string(),
      oldValue: z.string().nullable(),
      newValue: z.string().nullable(),
      sourceLabel: z.string(),
    }),
  ),
  abilities: abilitiesSchema,
});
export type ChildDetail = z.infer<typeof childDetailSchema>;

export const revealBodySchema = z.object({ field: z.enum(['idNumber', 'guardianPhone']) });
export const revealResponseSchema = z.object({ field: z.string(), value: z.string() });
