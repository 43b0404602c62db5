import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  consolidatedDrillQuerySchema,
  consolidatedSchema,
  correctionBodySchema,
  drillDownSchema,
  explanationsBodySchema,
  monthlyReportListQuerySchema,
  monthlyReportListSchema,
  monthlyReportSchema,
  monthSchema,
  reviewBodySchema,
  submitBodySchema,
  unitReportSchema,
} from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { sendXlsx } from '../../lib/xlsx';
import { consolidatedDrillDown, consolidateMonth } from './consolidation.service';
import { exportConsolidated, exportQuarterly, exportSchoolReport } from './monthly-reports-export.service';
import * as svc from './monthly-reports.service';
import * as unitSvc from './unit-reports.service';

const schoolMonth = z.object({ schoolId: z.string().uuid('学校编号格式不正确'), month: monthSchema });
const unitMonth = z.object({ unitId: z.string().uuid('中心校编号格式不正确'), month: monthSchema });
const reportParams = z.object({ id: z.string().uuid('月报编号格式不正确') });
const drillParams = z.object({ id: z.string().min(1).max(60), figureKey: z.string().min(1).max(80) });
const versionQuery = z.object({ version: z.coerce.number().int('版本号应为正整数').min(1, '版本号应为正整数').optional() });
const figureParams = z.object({ figureKey: z.string().min(1).max(80) });
const consolidatedQuery = z.object({ month: monthSchema.optional(), townshipCode: z.string().max(20).optional() });
const quarterlyQuery = z.object({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, '季度格式应为 YYYY-Qn'),
  townshipCode: z.string().max(20).optional(),
});

/** 月报 (issue 7 items 1–3): the school's month, its workflow, drill-down, the consolidation and the XLSX tables. */
export const monthlyReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['monthly-reports'];
  app.get(
    '/monthly-reports',
    {
      schema: {
        tags,
        summary: '月报列表（范围内每所学校，逾期标出）',
        querystring: monthlyReportListQuerySchema,
        response: { 200: monthlyReportListSchema },
      },
    },
    (req) => svc.listReports(ctxOf(req), req.query),
  );
  app.get(
    '/monthly-reports/consolidated',
    {
      schema: {
        tags,
        summary: '乡镇/县月报汇总（已上报取冻结数，未上报学校实时计算并标出）',
        querystring: consolidatedQuery,
        response: { 200: consolidatedSchema },
      },
    },
    (req) => consolidateMonth(ctxOf(req), req.query),
  );
  app.get(
    '/monthly-reports/consolidated/figures/:figureKey/children',
    {
      schema: {
        tags,
        summary: '汇总数据对应的学生名单（全县/乡镇/学校行；记录审计，身份证号脱敏，超出上限只列前若干人）',
        params: figureParams,
        querystring: consolidatedDrillQuerySchema,
        response: { 200: drillDownSchema },
      },
    },
    (req) => consolidatedDrillDown(ctxOf(req), req.query, req.params.figureKey),
  );
  app.get(
    '/monthly-reports/consolidated/export.xlsx',
    { schema: { tags, summary: '导出乡镇/县月报汇总表（XLSX）', querystring: consolidatedQuery } },
    async (req, reply) => {
      const { buf, fileName } = await exportConsolidated(ctxOf(req), req.query);
      return sendXlsx(reply, buf, fileName);
    },
  );
  app.get(
    '/monthly-reports/quarterly/export.xlsx',
    { schema: { tags, summary: '导出季度汇总表（三个月并列，XLSX）', querystring: quarterlyQuery } },
    async (req, reply) => {
      const { buf, fileName } = await exportQuarterly(ctxOf(req), req.query);
      return sendXlsx(reply, buf, fileName);
    },
  );
  app.get(
    '/monthly-reports/school/:schoolId/:month',
    {
      schema: {
        tags,
        summary: '学校某月月报（未上报为实时计算，已上报为冻结数据；version 查看更正前的版本）',
        params: schoolMonth,
        querystring: versionQuery,
        response: { 200: monthlyReportSchema },
      },
    },
    (req) => svc.getReport(ctxOf(req), req.params.schoolId, req.params.month, req.query.version),
  );
  app.put(
    '/monthly-reports/school/:schoolId/:month/explanations',
    {
      schema: {
        tags,
        summary: '填写月报说明（备注、逐个学生的原因）',
        params: schoolMonth,
        body: explanationsBodySchema,
        response: { 200: monthlyReportSchema },
      },
    },
    (req) => svc.saveExplanations(ctxOf(req), req.params.schoolId, req.params.month, req.body),
  );
  app.post(
    '/monthly-reports/school/:schoolId/:month/submit',
    {
      schema: {
        tags,
        summary: '上报月报（冻结数据）',
        params: schoolMonth,
        body: submitBodySchema,
        response: { 200: monthlyReportSchema },
      },
    },
    (req) => svc.submit(ctxOf(req), req.params.schoolId, req.params.month),
  );
  app.post(
    '/monthly-reports/school/:schoolId/:month/corrections',
    {
      schema: {
        tags,
        summary: '更正已上报/已审核的月报（生成新版本）',
        params: schoolMonth,
        body: correctionBodySchema,
        response: { 200: monthlyReportSchema },
      },
    },
    (req) => svc.correct(ctxOf(req), req.params.schoolId, req.params.month, req.body.reason),
  );
  app.get(
    '/monthly-reports/school/:schoolId/:month/export.xlsx',
    { schema: { tags, summary: '导出学校月报表（XLSX，含签字栏）', params: schoolMonth } },
    async (req, reply) => {
      const { buf, fileName } = await exportSchoolReport(ctxOf(req), req.params.schoolId, req.params.month);
      return sendXlsx(reply, buf, fileName);
    },
  );
  app.post(
    '/monthly-reports/:id/review',
    {
      schema: {
        tags,
        summary: '审核月报（退回或通过）',
        params: reportParams,
        body: reviewBodySchema,
        response: { 200: monthlyReportSchema },
      },
    },
    (req) => svc.review(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/monthly-reports/unit/:unitId/:month',
    {
      schema: {
        tags,
        summary: '中心校的乡镇月报（状态、上报时冻结的汇总数、各校当前版本）',
        params: unitMonth,
        response: { 200: unitReportSchema },
      },
    },
    (req) => unitSvc.getUnitReport(ctxOf(req), req.params.unitId, req.params.month),
  );
  app.post(
    '/monthly-reports/unit/:unitId/:month/submit',
    {
      schema: {
        tags,
        summary: '中心校上报县教育局（各校均已审核通过；冻结汇总数）',
        params: unitMonth,
        body: submitBodySchema,
        response: { 200: unitReportSchema },
      },
    },
    (req) => unitSvc.submitUnitReport(ctxOf(req), req.params.unitId, req.params.month),
  );
  app.post(
    '/monthly-reports/unit-reports/:id/review',
    {
      schema: {
        tags,
        summary: '县教育局接收或退回乡镇月报',
        params: reportParams,
        body: reviewBodySchema,
        response: { 200: unitReportSchema },
      },
    },
    (req) => unitSvc.reviewUnitReport(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/monthly-reports/:id/figures/:figureKey/children',
    {
      schema: {
        tags,
        summary: '月报数据对应的学生名单（记录审计，身份证号脱敏）',
        params: drillParams,
        response: { 200: drillDownSchema },
      },
    },
    (req) => svc.drillDown(ctxOf(req), req.params.id, req.params.figureKey),
  );
};
