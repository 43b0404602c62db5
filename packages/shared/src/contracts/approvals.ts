import { z } from 'zod';
import { CASE_STATUSES } from '../rules/cases/statuses';
import { approvalSchema } from './cases';
import { pageQuerySchema } from './common';

/** GET /api/approvals (issue 5 item 5): `status=pending` lists what this user may decide now; `mine` their own requests. */
export const approvalQuerySchema = pageQuerySchema.extend({
  status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']).optional(),
  mine: z.preprocess((v) => v === true || v === 'true' || v === '1', z.boolean()).optional(),
});
export type ApprovalQuery = z.infer<typeof approvalQuerySchema>;

/** An approval in a list: the record plus the case and child it is about, and the version a decision must send. */
export const approvalListItemSchema = approvalSchema.extend({
  caseId: z.string(),
  childId: z.string(),
  childName: z.string(),
  idNumberMasked: z.string(),
  schoolName: z.string().nullable(),
  townshipName: z.string().nullable(),
  caseStatus: z.enum(CASE_STATUSES),
  caseStatusLabel: z.string(),
  version: z.number().int(),
});
export type ApprovalListItem = z.infer<typeof approvalListItemSchema>;

export const approvalWithdrawBodySchema = z.object({ version: z.number().int().min(1) });
