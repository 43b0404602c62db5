import { z } from 'zod';
import { CASE_STATUSES } from '../rules/cases/statuses';
import { isoDateSchema } from './common';

/** GET /api/home-teaching/missing?week= (issue 5 item 4): any day of the week; default this week (Beijing time). */
export const homeTeachingMissingQuerySchema = z.object({ week: isoDateSchema.optional() });

/** A child in 送教上门 whose sessions this week fall short of the setting (seed 004: 每周1次、每次2课时). */
export const homeTeachingMissingItemSchema = z.object({
  caseId: z.string(),
  childId: z.string(),
  childName: z.string(),
  idNumberMasked: z.string(),
  schoolName: z.string().nullable(),
  townshipName: z.string().nullable(),
  villageName: z.string().nullable(),
  grade: z.number().int().nullable(),
  caseStatus: z.enum(CASE_STATUSES),
  sessionsThisWeek: z.number().int(),
  hoursThisWeek: z.number(),
  requiredSessions: z.number().int(),
  requiredHours: z.number(),
  shortfall: z.array(z.string()),
  lastTaughtOn: z.string().nullable(),
  teacherName: z.string().nullable(),
});
export type HomeTeachingMissingItem = z.infer<typeof homeTeachingMissingItemSchema>;
export const homeTeachingMissingSchema = z.object({
  weekFrom: z.string(),
  weekTo: z.string(),
  items: z.array(homeTeachingMissingItemSchema),
});
