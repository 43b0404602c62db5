import { z } from 'zod';
import { DIVISION_LEVELS, SCHOOL_TYPES, UNIT_KINDS } from '../roles';
import { pageQuerySchema } from './common';

const code = (len: number[], label: string) =>
  z
    .string()
    .trim()
    .refine((s) => /^\d+$/.test(s) && len.includes(s.length), `${label}应为 ${len.join(' 或 ')} 位数字`);

// ── 行政区划 ─────────────────────────────────────────────
export const divisionSchema = z.object({
  code: z.string(),
  level: z.enum(DIVISION_LEVELS),
  parentCode: z.string().nullable(),
  name: z.string(),
  active: z.boolean(),
  /** false for a township whose code was made up locally (no official code) */
  official: z.boolean(),
});
export type Division = z.infer<typeof divisionSchema>;
export const divisionQuerySchema = pageQuerySchema.extend({
  level: z.enum(DIVISION_LEVELS).optional(),
  parentCode: z.string().optional(),
  q: z.string().trim().max(50).optional(),
  includeInactive: z.coerce.boolean().optional(),
});
export const divisionCreateSchema = z.object({
  code: code([9, 12], '区划代码'),
  level: z.enum(['township', 'village']),
  parentCode: z.string().trim().min(6),
  name: z.string().trim().min(1, '请填写名称').max(60),
  official: z.boolean().default(true),
});
export const divisionUpdateSchema = z.object({
  name: z.string().trim().min(1, '请填写名称').max(60).optional(),
  active: z.boolean().optional(),
  official: z.boolean().optional(),
});

// ── 管理单位（县教育局 / 中心校 / 片区管理中心）────────────
export const unitSchema = z.object({
  id: z.string(),
  kind: z.enum(UNIT_KINDS),
  name: z.string(),
  townshipCode: z.string().nullable(),
  townshipName: z.string().nullable(),
  active: z.boolean(),
  schoolCount: z.number().int(),
});
export type Unit = z.infer<typeof unitSchema>;
export const unitCreateSchema = z.object({
  kind: z.enum(['central_school', 'district_centre']),
  name: z.string().trim().min(1, '请填写名称').max(60),
  townshipCode: z.string().trim().nullable().default(null),
});
/** A PATCH changes only what it sends (no defaults filled in). */
export const unitUpdateSchema = z.object({
  kind: unitCreateSchema.shape.kind.optional(),
  name: unitCreateSchema.shape.name.optional(),
  townshipCode: z.string().trim().nullable().optional(),
  active: z.boolean().optional(),
});

// ── 学校 ─────────────────────────────────────────────
export const schoolSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(SCHOOL_TYPES),
  townshipCode: z.string(),
  townshipName: z.string(),
  villageCode: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  active: z.boolean(),
  classCount: z.number().int(),
  studentCount: z.number().int(),
});
export type School = z.infer<typeof schoolSchema>;
export const schoolQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  townshipCode: z.string().optional(),
  unitId: z.string().optional(),
  type: z.enum(SCHOOL_TYPES).optional(),
  includeInactive: z.coerce.boolean().optional(),
});
export const schoolCreateSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{10}$/, '学校标识码应为 10 位数字'),
  name: z.string().trim().min(1, '请填写学校名称').max(80),
  type: z.enum(SCHOOL_TYPES),
  townshipCode: z.string().trim().min(6, '请选择所在乡镇'),
  villageCode: z.string().trim().nullable().default(null),
  unitId: z.string().min(1, '请选择管理单位'),
});
export const schoolUpdateSchema = z.object({
  name: schoolCreateSchema.shape.name.optional(),
  type: schoolCreateSchema.shape.type.optional(),
  townshipCode: schoolCreateSchema.shape.townshipCode.optional(),
  villageCode: z.string().trim().nullable().optional(),
  unitId: schoolCreateSchema.shape.unitId.optional(),
  active: z.boolean().optional(),
});

// ── 班级 ─────────────────────────────────────────────
export const classSchema = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  schoolYear: z.number().int(),
  grade: z.number().int(),
  name: z.string(),
  headTeacherId: z.string().nullable(),
  headTeacherName: z.string().nullable(),
  active: z.boolean(),
  studentCount: z.number().int(),
});
export type SchoolClass = z.infer<typeof classSchema>;
export const classQuerySchema = pageQuerySchema.extend({
  schoolId: z.string().optional(),
  grade: z.coerce.number().int().min(1).max(9).optional(),
  schoolYear: z.coerce.number().int().optional(),
  includeInactive: z.coerce.boolean().optional(),
});
export const classCreateSchema = z.object({
  schoolId: z.string().min(1, '请选择学校'),
  schoolYear: z.number().int().min(2000).max(2100),
  grade: z.number().int().min(1, '年级应为 1–9').max(9, '年级应为 1–9'),
  name: z.string().trim().min(1, '请填写班级名称').max(20),
  headTeacherId: z.string().nullable().default(null),
});
export const classUpdateSchema = z.object({
  schoolYear: classCreateSchema.shape.schoolYear.optional(),
  grade: classCreateSchema.shape.grade.optional(),
  name: classCreateSchema.shape.name.optional(),
  headTeacherId: z.string().nullable().optional(),
  active: z.boolean().optional(),
});
