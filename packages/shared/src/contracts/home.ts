import { z } from 'zod';

export const homeSummarySchema = z.object({
  scopeLabel: z.string(),
  today: z.string(),
  counts: z.object({
    children: z.number().int(),
    schools: z.number().int(),
    classes: z.number().int(),
    townships: z.number().int(),
    villages: z.number().int(),
  }),
  keyGroups: z.array(z.object({ group: z.string(), count: z.number().int() })),
  byTownship: z.array(z.object({ code: z.string(), name: z.string(), children: z.number().int() })),
  byGrade: z.array(z.object({ grade: z.number().int(), children: z.number().int() })),
  recentActivity: z.array(z.object({ at: z.string(), actorName: z.string().nullable(), actionLabel: z.string() })),
});
export type HomeSummary = z.infer<typeof homeSummarySchema>;
