import { z } from 'zod';
import { APPROVAL_RIGHTS } from '../roles';
import { passwordPolicy, roleGrantSchema } from './auth';
import { pageQuerySchema } from './common';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string(),
  active: z.boolean(),
  locked: z.boolean(),
  roles: z.array(roleGrantSchema.extend({ scopeName: z.string() })),
  approvalRights: z.array(z.enum(APPROVAL_RIGHTS)),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;
export const userQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  role: z.string().optional(),
  includeInactive: z.coerce.boolean().optional(),
});
export const userCreateSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或短横线'),
  displayName: z.string().trim().min(1, '请填写姓名').max(40),
  phone: z
    .string()
    .trim()
    .regex(/^(1\d{10})?$/, '手机号应为 11 位数字')
    .default(''),
  password: passwordPolicy,
  roles: z.array(roleGrantSchema).min(1, '至少分配一个角色').max(10),
  approvalRights: z.array(z.enum(APPROVAL_RIGHTS)).default([]),
});
export const userUpdateSchema = z.object({
  displayName: z.string().trim().min(1).max(40).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^(1\d{10})?$/, '手机号应为 11 位数字')
    .optional(),
  roles: z.array(roleGrantSchema).min(1, '至少分配一个角色').max(10).optional(),
  approvalRights: z.array(z.enum(APPROVAL_RIGHTS)).optional(),
  active: z.boolean().optional(),
});
export const resetPasswordBodySchema = z.object({ newPassword: passwordPolicy });
