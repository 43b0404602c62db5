import { z } from 'zod';
import { APPROVAL_RIGHTS, ROLES, SCOPE_KINDS } from '../roles';

export const loginBodySchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

export const passwordPolicy = z
  .string()
  .min(8, '新密码至少 8 位')
  .max(128, '新密码最多 128 位')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '新密码须同时包含字母和数字');

export const changePasswordBodySchema = z.object({
  oldPassword: z.string().min(1, '请输入原密码').max(128),
  newPassword: passwordPolicy,
});

export const roleGrantSchema = z.object({
  role: z.enum(ROLES),
  scopeKind: z.enum(SCOPE_KINDS),
  /** county code, unit id, township code, school id, class id, village code, or department name */
  scopeId: z.string().min(1).max(64),
  scopeName: z.string().optional(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  roles: z.array(roleGrantSchema.extend({ scopeName: z.string() })),
  approvalRights: z.array(z.enum(APPROVAL_RIGHTS)),
  mustChangePassword: z.boolean(),
  /** capabilities for the menu: which areas this user can open */
  can: z.record(z.string(), z.boolean()),
});
export type Me = z.infer<typeof meSchema>;
