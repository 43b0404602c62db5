import { z } from 'zod';
import { DEPARTMENTS } from '../roles';
import { referralSchema } from './cases';
import { pageQuerySchema } from './common';

/** GET /api/referrals (issue 5 item 3): `open` = sent or accepted (still waiting on the department). */
export const referralQuerySchema = pageQuerySchema.extend({
  status: z.enum(['open', 'sent', 'accepted', 'done', 'declined']).optional(),
  department: z.enum(DEPARTMENTS).optional(),
});
export type ReferralQuery = z.infer<typeof referralQuerySchema>;

export const REFERRAL_STATUS_LABELS = { sent: '待接收', accepted: '办理中', done: '已办结', declined: '不予办理' } as const;

export const referralListItemSchema = referralSchema.extend({
  statusLabel: z.string(),
  schoolName: z.string().nullable(),
  townshipName: z.string().nullable(),
  villageName: z.string().nullable(),
  sentByName: z.string().nullable(),
});
export type ReferralListItem = z.infer<typeof referralListItemSchema>;
