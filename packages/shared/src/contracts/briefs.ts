import { z } from 'zod';

/**
 * 《控辍保学简报》 (issue 7, item 6; seed 003 "分月编印《控辍保学简报》"): a monthly brief a county sends as is.
 *   GET /api/briefs/:month/preview           → briefPreviewSchema (county roles)
 *   GET /api/briefs/:month.docx?caseIds=a,b  → the DOCX (typical cases picked by the user; names as 张某某)
 */
export const briefMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export const briefCaseIdsSchema = z
  .string()
  .optional()
  .transform((s) =>
    s
      ? [
          ...new Set(
            s
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
          ),
        ]
      : [],
  )
  .pipe(z.array(z.string().uuid('个案编号格式不正确')).max(10, '典型案例最多选 10 个'));

export const briefHeadlineSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
  previous: z.string().nullable(),
  /** '+3', '−2', '持平', or null when there is nothing to compare */
  change: z.string().nullable(),
});
export const briefIndicatorSchema = z.object({ key: z.string(), label: z.string(), value: z.string(), basis: z.string() });
export const briefBehindSchema = z.object({ name: z.string(), issues: z.array(z.string()) });

export const briefPreviewSchema = z.object({
  month: z.string(),
  monthLabel: z.string(),
  title: z.string(),
  countyName: z.string(),
  /** the day the figures describe */
  asOf: z.string(),
  schools: z.number().int(),
  reported: z.number().int(),
  headline: z.array(briefHeadlineSchema),
  townshipsBehind: z.array(briefBehindSchema),
  indicators: z.array(briefIndicatorSchema),
});
export type BriefPreview = z.infer<typeof briefPreviewSchema>;
