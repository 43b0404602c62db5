import { z } from 'zod';

/**
 * 信息公开 (issue 7, item 7; seed 001 六(三): "建立控辍保学信息公开制度，将控辍保学年度任务、工作做法、责任主体等信息向社会公开，
 * 自觉接受社会监督"). The county admin edits the year's page and publishes it; anyone may read the published page
 * without logging in. The page carries aggregate numbers only — never a child's data; counts under 5 at school or
 * village level are published as '<5', and where a township total or a subtraction would give one away, more cells
 * and totals are hidden as '*' (rules/reports/disclosure.ts).
 *
 * Routes:
 *   GET  /api/disclosure?year=YYYY-YYYY        → disclosureEditSchema (county roles; edit: county admin)
 *   PUT  /api/disclosure/:year                 disclosureContentSchema → disclosureEditSchema (saves the draft)
 *   POST /api/disclosure/:year/publish         → disclosureEditSchema (the draft becomes the public page)
 *   POST /api/disclosure/:year/unpublish       → disclosureEditSchema (the page is withdrawn)
 *   GET  /api/public/:countyCode?year=…        → publicDisclosureSchema (NO login, rate-limited)
 */

export const disclosureYearSchema = z.string().regex(/^\d{4}-\d{4}$/, '学年格式应为 YYYY-YYYY');

const line = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过 ${max} 字`);

export const disclosureBodySchema = z.object({
  name: line(60, '责任主体名称'),
  duty: line(500, '职责'),
  contact: z.string().trim().max(100, '联系方式不能超过 100 字').default(''),
});
export const disclosureMeasureSchema = z.object({
  title: line(60, '措施名称'),
  text: line(1000, '措施内容'),
});
export const disclosureContactSchema = z.object({
  label: line(60, '联系渠道名称'),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-（）() 转]{3,30}$/, '电话号码格式不正确'),
  hours: z.string().trim().max(60).default(''),
});

/** What the county writes for a school year. */
export const disclosureContentSchema = z.object({
  title: line(80, '标题'),
  intro: z.string().trim().max(1000, '导语不能超过 1000 字').default(''),
  tasks: z.array(line(300, '年度任务')).min(1, '请至少填写一项年度任务').max(30),
  measures: z.array(disclosureMeasureSchema).max(30),
  bodies: z.array(disclosureBodySchema).max(40),
  contacts: z.array(disclosureContactSchema).max(10),
  /** 监督举报 wording printed under the contacts */
  supervision: z.string().trim().max(500).default(''),
});
export type DisclosureContent = z.infer<typeof disclosureContentSchema>;

export const disclosureEditSchema = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  year: z.string(),
  yearLabel: z.string(),
  /** the school years with a saved page, newest first */
  years: z.array(z.string()),
  /** null when nothing has been written for the year yet */
  draft: disclosureContentSchema.nullable(),
  published: disclosureContentSchema.nullable(),
  status: z.enum(['none', 'draft', 'published']),
  /** the draft differs from what the public sees */
  unpublishedChanges: z.boolean(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** the path of the public page, e.g. /public/410182 */
  publicPath: z.string(),
  can: z.record(z.string(), z.boolean()),
});
export type DisclosureEdit = z.infer<typeof disclosureEditSchema>;

/** a count, '<5' (suppressed small count) or '*' (hidden so that a small one cannot be worked out by subtraction) */
export const publicCountSchema = z.union([z.number().int(), z.literal('<5'), z.literal('*')]);

/** One area's counts; `eligible` = 适龄儿童 known to the county, the rest are this school year's. */
export const publicCountsSchema = z.object({
  eligible: z.number().int(),
  suspected: z.number().int(),
  dropouts: z.number().int(),
  returned: z.number().int(),
});
export const publicSmallCountsSchema = z.object({
  eligible: publicCountSchema,
  suspected: publicCountSchema,
  dropouts: publicCountSchema,
  returned: publicCountSchema,
});

export const publicDisclosureSchema = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  year: z.string(),
  yearLabel: z.string(),
  content: disclosureContentSchema,
  publishedAt: z.string(),
  figures: z.object({
    /** the day the numbers were computed (Beijing time) and the school year they cover */
    asOf: z.string(),
    from: z.string(),
    to: z.string(),
    county: publicCountsSchema,
    townships: z.array(z.object({ name: z.string() }).merge(publicSmallCountsSchema)),
    /** village level, grouped by township, small counts suppressed */
    villages: z.array(z.object({ township: z.string(), rows: z.array(z.object({ name: z.string() }).merge(publicSmallCountsSchema)) })),
  }),
  /** the other published years of the county, newest first */
  years: z.array(z.string()),
});
export type PublicDisclosure = z.infer<typeof publicDisclosureSchema>;
