import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  absenceAlertDecisionBodySchema,
  absenceAlertQuerySchema,
  absenceAlertSchema,
  attendanceOverviewQuerySchema,
  attendanceOverviewSchema,
  attendanceReportBodySchema,
  attendanceReportResultSchema,
  childAttendanceSchema,
  classDayQuerySchema,
  classDaySchema,
  leaveBodySchema,
  leaveCloseBodySchema,
  leaveQuerySchema,
  leaveSchema,
  leaveStepBodySchema,
  pageOf,
  termStartCasesBodySchema,
  termStartCasesResultSchema,
  termStartQuerySchema,
  termStartSchema,
} from '@notoneless/shared';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { sendXlsx } from '../../lib/xlsx';
import { exportAlerts, exportLeaves, exportOverview, exportTermStart } from './attendance-export';
import * as alerts from './absence-alerts.service';
import * as overview from './attendance-overview.service';
import * as reports from './attendance-reports.service';
import * as child from './child-attendance.service';
import * as leaves from './leaves.service';
import * as termStart from './term-start.service';

const classParams = z.object({ classId: z.string().uuid('班级编号格式不正确') });
const leaveParams = z.object({ id: z.string().uuid('请假编号格式不正确') });
const stepParams = leaveParams.extend({ index: z.coerce.number().int().min(0).max(10) });
const alertParams = z.object({ id: z.string().uuid('预警编号格式不正确') });
const childParams = z.object({ id: z.string().uuid('儿童编号格式不正确') });
const noPage = { page: true, pageSize: true } as const;

/** Daily watch (issue 6): 到校日报, overview, term start, 请假/销假, absence alerts, the child's attendance. */
export const attendanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['attendance'];
  app.get(
    '/attendance/classes/:classId/day',
    {
      schema: {
        tags,
        summary: '班级某日到校名单（在校名册）与日报',
        params: classParams,
        querystring: classDayQuerySchema,
        response: { 200: classDaySchema },
      },
    },
    (req) => reports.classDay(ctxOf(req), req.params.classId, req.query),
  );
  app.post(
    '/attendance/reports',
    {
      schema: {
        tags,
        summary: '提交到校日报（同班同日再次提交即修改；离线重发以 clientKey 去重）',
        body: attendanceReportBodySchema,
        response: { 200: attendanceReportResultSchema },
      },
    },
    (req) => reports.submitReport(ctxOf(req), req.body),
  );
  app.get(
    '/attendance/overview',
    {
      schema: {
        tags,
        summary: '到校情况汇总（未报班级、出勤率、今日缺勤）',
        querystring: attendanceOverviewQuerySchema,
        response: { 200: attendanceOverviewSchema },
      },
    },
    (req) => overview.overview(ctxOf(req), req.query),
  );
  app.get(
    '/attendance/term-start',
    { schema: { tags, summary: '开学第一天未报到学生核实名单', querystring: termStartQuerySchema, response: { 200: termStartSchema } } },
    (req) => termStart.termStart(ctxOf(req), req.query),
  );
  app.post(
    '/attendance/term-start/cases',
    {
      schema: {
        tags,
        summary: '第一周后仍未核实的学生转为疑似辍学个案',
        body: termStartCasesBodySchema,
        response: { 200: termStartCasesResultSchema },
      },
    },
    (req) => termStart.openTermStartCases(ctxOf(req), req.body),
  );
  app.get(
    '/attendance/overview/export',
    { schema: { tags, summary: '导出出勤总览（XLSX：班级出勤与缺勤学生，身份证号脱敏）', querystring: attendanceOverviewQuerySchema } },
    async (req, reply) => {
      const { buf, fileName } = await exportOverview(ctxOf(req), req.query);
      return sendXlsx(reply, buf, fileName);
    },
  );
  app.get(
    '/attendance/term-start/export',
    { schema: { tags, summary: '导出开学第一天未报到学生核实名单（XLSX）', querystring: termStartQuerySchema } },
    async (req, reply) => {
      const { buf, fileName } = await exportTermStart(ctxOf(req), req.query);
      return sendXlsx(reply, buf, fileName);
    },
  );
  app.get(
    '/leaves/export',
    { schema: { tags, summary: '导出请假列表（XLSX，电话脱敏）', querystring: leaveQuerySchema.omit(noPage) } },
    async (req, reply) => {
      const { buf, fileName } = await exportLeaves(ctxOf(req), req.query);
      return sendXlsx(reply, buf, fileName);
    },
  );
  app.get(
    '/absence-alerts/export',
    { schema: { tags, summary: '导出缺勤预警（XLSX）', querystring: absenceAlertQuerySchema.omit(noPage) } },
    async (req, reply) => {
      const { buf, fileName } = await exportAlerts(ctxOf(req), req.query);
      return sendXlsx(reply, buf, fileName);
    },
  );
  app.get(
    '/leaves',
    { schema: { tags, summary: '请假列表', querystring: leaveQuerySchema, response: { 200: pageOf(leaveSchema) } } },
    (req) => leaves.listLeaves(ctxOf(req), req.query),
  );
  app.post('/leaves', { schema: { tags, summary: '登记请假', body: leaveBodySchema, response: { 200: leaveSchema } } }, (req) =>
    leaves.createLeave(ctxOf(req), req.body),
  );
  app.get(
    '/leaves/:id',
    { schema: { tags, summary: '请假条（含安全提醒）', params: leaveParams, response: { 200: leaveSchema } } },
    (req) => leaves.getLeave(ctxOf(req), req.params.id),
  );
  app.post(
    '/leaves/:id/steps/:index',
    { schema: { tags, summary: '审批/备案请假的当前环节', params: stepParams, body: leaveStepBodySchema, response: { 200: leaveSchema } } },
    (req) => leaves.decideStep(ctxOf(req), req.params.id, req.params.index, req.body),
  );
  app.post(
    '/leaves/:id/close',
    { schema: { tags, summary: '销假', params: leaveParams, body: leaveCloseBodySchema, response: { 200: leaveSchema } } },
    (req) => leaves.closeLeave(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/absence-alerts',
    { schema: { tags, summary: '缺勤预警', querystring: absenceAlertQuerySchema, response: { 200: pageOf(absenceAlertSchema) } } },
    (req) => alerts.listAlerts(ctxOf(req), req.query),
  );
  app.post(
    '/absence-alerts/:id/decision',
    {
      schema: {
        tags,
        summary: '确认（建立疑似辍学个案）或排除缺勤预警',
        params: alertParams,
        body: absenceAlertDecisionBodySchema,
        response: { 200: absenceAlertSchema },
      },
    },
    (req) => alerts.decideAlert(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/children/:id/attendance',
    { schema: { tags, summary: '儿童出勤情况（本学期出勤率、连续缺勤）', params: childParams, response: { 200: childAttendanceSchema } } },
    (req) => child.childAttendance(ctxOf(req), req.params.id),
  );
};
