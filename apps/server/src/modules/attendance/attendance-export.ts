import { sql } from 'drizzle-orm';
import {
  ABSENCE_ALERT_STATUS_LABELS,
  LEAVE_STATUS_LABELS,
  shanghaiToday,
  type AbsenceAlertStatus,
  type LeaveStatus,
} from '@notoneless/shared';
import { rows, type DbOrTx } from '../../db/client';
import { audit, inTx, type Ctx } from '../../http/context';
import { exportSubtitle, truncatedNote } from '../../lib/export-info';
import { buildXlsx, buildXlsxBook } from '../../lib/xlsx';
import { countyName } from '../auth/auth.repository';
import { gradeLabel } from '../classes/grade';
import { alertPage } from './absence-alerts.service';
import { computeOverview } from './attendance-overview.service';
import { leavePage, type LeaveQuery } from './leaves.service';
import { termStartList } from './term-start.service';

/**
 * XLSX exports of the daily-watch lists (product.md: every list exports to XLSX; IDs masked; audited): 出勤总览 (the
 * classes of the day and the children absent), 缺勤预警, 请假 and the term-start check (seed 001). Each sheet has the
 * county in its title, the exporter, the date and the filters applied in its subtitle.
 */

const EXPORT_LIMIT = 20_000;

/** "YYYY-MM-DD HH:mm" in Beijing time. */
const beijing = (isoTime: string | null) =>
  isoTime ? new Date(new Date(isoTime).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '';
const pct = (rate: number | null) => (rate === null ? '' : `${(rate * 100).toFixed(1)}%`);
const gradeOf = (g: number | null) => (g === null ? '' : gradeLabel(g));

/** The names of the places a filter names, for the subtitle (within the actor's county). */
async function placeFilters(db: DbOrTx, countyCode: string, q: { townshipCode?: string; schoolId?: string; classId?: string }) {
  const [township] = q.townshipCode
    ? await rows<{ name: string }>(db, sql`select name from divisions where county_code = ${countyCode} and code = ${q.townshipCode}`)
    : [];
  const [school] = q.schoolId
    ? await rows<{ name: string }>(db, sql`select name from schools where county_code = ${countyCode} and id = ${q.schoolId}`)
    : [];
  const [klass] = q.classId
    ? await rows<{ name: string; grade: number; schoolName: string }>(
        db,
        sql`select c.name, c.grade, s.name as "schoolName" from classes c
            join schools s on s.county_code = c.county_code and s.id = c.school_id
            where c.county_code = ${countyCode} and c.id = ${q.classId}`,
      )
    : [];
  return [
    q.townshipCode ? `乡镇：${township?.name ?? q.townshipCode}` : null,
    q.schoolId ? `学校：${school?.name ?? '（不在本县）'}` : null,
    q.classId ? `班级：${klass ? `${klass.schoolName}${gradeLabel(klass.grade)}${klass.name}` : '（不在本县）'}` : null,
  ];
}

/** 出勤总览 of a day: every class with its report and rate, and the children absent that day (IDs masked). */
export async function exportOverview(ctx: Ctx, q: { date?: string; townshipCode?: string; schoolId?: string }) {
  const o = await computeOverview(ctx, q);
  const today = shanghaiToday(ctx.now);
  const county = await countyName(ctx.db, ctx.actor.countyCode);
  const filters = [`日期：${o.date}${o.isSchoolDay ? '' : '（非上学日）'}`, ...(await placeFilters(ctx.db, ctx.actor.countyCode, q))];
  const notReported = new Map(o.notReported.map((c) => [c.classId, c]));
  const classRows = o.byClass.map((c) => [
    c.schoolName,
    gradeOf(c.grade),
    c.label,
    c.reported ? '已上报' : o.isSchoolDay ? (o.pastDueBy ? `未上报（${o.dueBy} 截止）` : '未上报') : '—',
    notReported.get(c.key)?.headTeacherName ?? '',
    c.enrolled,
    c.present,
    c.absent,
    c.unexplained,
    pct(c.rate),
  ]);
  classRows.push([
    '合计',
    '',
    '',
    `${o.totals.reported}/${o.totals.classes} 已上报`,
    '',
    o.totals.enrolled,
    o.totals.present,
    o.totals.absent,
    o.totals.unexplained,
    pct(o.totals.rate),
  ]);
  const absentRows = o.absentToday.map((a) => [
    a.name,
    a.gender,
    a.idNumberMasked,
    a.schoolName,
    gradeOf(a.grade),
    a.className,
    a.reason,
    a.contactResult ?? '',
    a.note ?? '',
  ]);
  const buf = await buildXlsxBook([
    {
      name: '班级出勤',
      title: `${county} 到校日报出勤总览（${o.date}）`,
      subtitle: exportSubtitle(ctx, today, { filters, count: `共 ${o.byClass.length} 个班级，出勤率 ${pct(o.totals.rate) || '—'}` }),
      columns: [
        { header: '学校', width: 24 },
        { header: '年级', width: 8 },
        { header: '班级', width: 12 },
        { header: '上报情况', width: 18 },
        { header: '未报班级班主任', width: 14 },
        { header: '应到', width: 8 },
        { header: '实到', width: 8 },
        { header: '缺勤', width: 8 },
        { header: '无故缺勤', width: 10 },
        { header: '出勤率', width: 10 },
      ],
      rows: classRows,
    },
    {
      name: '缺勤学生',
      title: `${county} ${o.date} 缺勤学生名单`,
      subtitle: exportSubtitle(ctx, today, { filters, count: `共 ${absentRows.length} 人`, note: '身份证号已脱敏' }),
      columns: [
        { header: '姓名', width: 10 },
        { header: '性别', width: 6 },
        { header: '身份证号', width: 22 },
        { header: '学校', width: 24 },
        { header: '年级', width: 8 },
        { header: '班级', width: 8 },
        { header: '缺勤原因', width: 10 },
        { header: '家长联系', width: 10 },
        { header: '备注', width: 24 },
      ],
      rows: absentRows,
    },
  ]);
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'attendance.overview_exported',
      targetType: 'attendance',
      data: {
        date: o.date,
        townshipCode: q.townshipCode ?? null,
        schoolId: q.schoolId ?? null,
        classes: classRows.length - 1,
        absent: absentRows.length,
        childIds: o.absentToday.map((a) => a.childId),
      },
    }),
  );
  return { buf, fileName: `出勤总览-${o.date}.xlsx` };
}

/** 缺勤预警 with the status and place filters of the page. */
export async function exportAlerts(ctx: Ctx, q: { status?: AbsenceAlertStatus; classId?: string; schoolId?: string }) {
  const page = await alertPage(ctx, { ...q, page: 1, pageSize: EXPORT_LIMIT });
  const today = shanghaiToday(ctx.now);
  const filters = [
    q.status ? `状态：${ABSENCE_ALERT_STATUS_LABELS[q.status]}` : null,
    ...(await placeFilters(ctx.db, ctx.actor.countyCode, q)),
  ];
  const data = page.items.map((a) => [
    a.name,
    a.gender,
    a.schoolName ?? '',
    a.className ?? '',
    a.ruleLabel,
    a.streak,
    a.lastDate,
    a.label,
    a.statusLabel,
    a.decidedByName ?? '',
    beijing(a.decidedAt),
    a.reason ?? '',
    a.caseId ? '已建个案' : '',
    beijing(a.createdAt),
  ]);
  const buf = await buildXlsx('缺勤预警', {
    title: `${await countyName(ctx.db, ctx.actor.countyCode)} 缺勤预警`,
    subtitle: exportSubtitle(ctx, today, { filters, count: `共 ${data.length} 条${truncatedNote(page.total, data.length, '条')}` }),
    columns: [
      { header: '姓名', width: 10 },
      { header: '性别', width: 6 },
      { header: '学校', width: 24 },
      { header: '班级', width: 10 },
      { header: '预警规则', width: 16 },
      { header: '天数', width: 6 },
      { header: '截至日期', width: 12 },
      { header: '预警说明', width: 30 },
      { header: '状态', width: 16 },
      { header: '处理人', width: 10 },
      { header: '处理时间', width: 17 },
      { header: '排除理由', width: 24 },
      { header: '个案', width: 10 },
      { header: '预警时间', width: 17 },
    ],
    rows: data,
  });
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'absence_alerts.exported',
      targetType: 'absence_alert',
      data: { filter: q, rows: data.length, childIds: page.items.map((a) => a.childId) },
    }),
  );
  return { buf, fileName: `缺勤预警-${today}.xlsx` };
}

/** 请假 with the page's filters; the guardian's phone masked. */
export async function exportLeaves(ctx: Ctx, q: Omit<LeaveQuery, 'page' | 'pageSize'>) {
  const page = await leavePage(ctx, { ...q, page: 1, pageSize: EXPORT_LIMIT });
  const today = shanghaiToday(ctx.now);
  const filters = [
    q.status === 'overdue' ? '状态：逾期未销假' : q.status ? `状态：${LEAVE_STATUS_LABELS[q.status as LeaveStatus]}` : null,
    q.waitingForMe ? '待我处理' : null,
    ...(await placeFilters(ctx.db, ctx.actor.countyCode, q)),
    q.childId ? '指定学生' : null,
  ];
  const data = page.items.map((l) => {
    const current = l.steps.find((s) => s.status === 'pending');
    return [
      l.name,
      l.gender,
      l.schoolName ?? '',
      l.className ?? '',
      l.kind,
      l.from,
      l.to,
      l.schoolDays,
      l.povertyGroup ? '是' : '',
      l.reason,
      l.guardianName,
      l.guardianPhoneMasked ?? '',
      l.overdueReturn ? '逾期未销假' : l.statusLabel,
      current ? current.label : '',
      l.steps.map((s) => `${s.label}：${s.statusLabel}${s.decidedByName ? `（${s.decidedByName}）` : ''}`).join('；'),
      l.closedOn ?? '',
      l.createdByName,
      beijing(l.createdAt),
    ];
  });
  const buf = await buildXlsx('请假', {
    title: `${await countyName(ctx.db, ctx.actor.countyCode)} 学生请假登记`,
    subtitle: exportSubtitle(ctx, today, {
      filters,
      count: `共 ${data.length} 条${truncatedNote(page.total, data.length, '条')}`,
      note: '电话已脱敏',
    }),
    columns: [
      { header: '姓名', width: 10 },
      { header: '性别', width: 6 },
      { header: '学校', width: 24 },
      { header: '班级', width: 10 },
      { header: '类型', width: 6 },
      { header: '开始日期', width: 12 },
      { header: '结束日期', width: 12 },
      { header: '上学日天数', width: 10 },
      { header: '脱贫户/监测户', width: 12 },
      { header: '事由', width: 24 },
      { header: '监护人', width: 10 },
      { header: '监护人电话', width: 14 },
      { header: '状态', width: 12 },
      { header: '当前环节', width: 16 },
      { header: '审批/备案', width: 40 },
      { header: '销假日期', width: 12 },
      { header: '登记人', width: 10 },
      { header: '登记时间', width: 17 },
    ],
    rows: data,
  });
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'leaves.exported',
      targetType: 'leave',
      data: { filter: q, rows: data.length, childIds: page.items.map((l) => l.childId) },
    }),
  );
  return { buf, fileName: `请假-${today}.xlsx` };
}

/** The term-start check (seed 001): the students not reported on the first day and the classes that did not report. */
export async function exportTermStart(ctx: Ctx, q: { townshipCode?: string; schoolId?: string; classId?: string }) {
  const t = await termStartList(ctx, q);
  const today = shanghaiToday(ctx.now);
  const county = await countyName(ctx.db, ctx.actor.countyCode);
  const filters = [t.termName ? `学期：${t.termName}` : null, ...(await placeFilters(ctx.db, ctx.actor.countyCode, q))];
  const period = t.firstDay ? `开学第一天 ${t.firstDay}，核实截止 ${t.verifyBy}${t.weekOver ? '（已过核实期）' : ''}` : '本学期尚未开学';
  const childRows = t.children.map((c) => [
    c.name,
    c.gender,
    c.schoolName,
    gradeOf(c.grade),
    c.className,
    c.firstDayReason,
    c.latestDate,
    c.latestReason ?? '到校',
    c.latestContactResult ?? '',
    c.latestNote ?? '',
    c.unexplained ? '仍未核实' : '已核实',
    c.caseId ? '已建个案' : '',
  ]);
  const classRows = t.unreportedClasses.map((c) => [
    c.schoolName,
    c.townshipName ?? '',
    gradeOf(c.grade),
    c.className,
    c.headTeacherName ?? '',
  ]);
  const buf = await buildXlsxBook([
    {
      name: '未报到学生',
      title: `${county} 开学第一天未报到学生核实名单`,
      subtitle: exportSubtitle(ctx, today, { filters: [...filters, period], count: `共 ${childRows.length} 人` }),
      columns: [
        { header: '姓名', width: 10 },
        { header: '性别', width: 6 },
        { header: '学校', width: 24 },
        { header: '年级', width: 8 },
        { header: '班级', width: 8 },
        { header: '第一天情况', width: 10 },
        { header: '最近上报日期', width: 12 },
        { header: '最近情况', width: 10 },
        { header: '家长联系', width: 10 },
        { header: '备注', width: 24 },
        { header: '核实结果', width: 10 },
        { header: '个案', width: 10 },
      ],
      rows: childRows,
    },
    {
      name: '第一天未上报班级',
      title: `${county} 开学第一天未上报到校日报的班级`,
      subtitle: exportSubtitle(ctx, today, { filters: [...filters, period], count: `共 ${classRows.length} 个班级` }),
      columns: [
        { header: '学校', width: 24 },
        { header: '乡镇', width: 12 },
        { header: '年级', width: 8 },
        { header: '班级', width: 8 },
        { header: '班主任', width: 10 },
      ],
      rows: classRows,
    },
  ]);
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'attendance.term_start_exported',
      targetType: 'attendance',
      data: { firstDay: t.firstDay, ...q, rows: childRows.length, childIds: t.children.map((c) => c.childId) },
    }),
  );
  return { buf, fileName: `开学报到核查-${t.firstDay ?? today}.xlsx` };
}
