import { quarterMonths, shanghaiToday, type Consolidated } from '@notoneless/shared';
import { AppError } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { consolidateMonth } from './consolidation.service';
import { consolidatedXlsx, quarterlyXlsx, schoolReportXlsx } from './monthly-reports-export';
import * as repo from './monthly-reports.repository';
import { getReport, monthContext } from './monthly-reports.service';

/** The 月报 downloads (issue 7 item 3): each audited. They hold counts only, no child's personal data. */

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

export async function exportSchoolReport(ctx: Ctx, schoolId: string, month: string) {
  const report = await getReport(ctx, schoolId, month);
  const buf = await schoolReportXlsx(report, await repo.countyName(ctx.db, ctx.actor.countyCode));
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'monthly_report.exported',
      targetType: 'monthly_report',
      targetId: report.id ?? `${schoolId}_${month}`,
      data: { schoolId, month, version: report.version, status: report.status },
    }),
  );
  return { buf, fileName: `${report.unitName}${monthLabel(month)}控辍保学动态数据月报表.xlsx` };
}

export async function exportConsolidated(ctx: Ctx, q: { month?: string; townshipCode?: string }) {
  const c = await consolidateMonth(ctx, q);
  const buf = await consolidatedXlsx(c, { exportedBy: ctx.actor.displayName, today: shanghaiToday(ctx.now) });
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'monthly_reports.consolidated_exported',
      targetType: 'monthly_report_consolidation',
      targetId: `${c.month}:${q.townshipCode ?? c.level}`,
      data: { month: c.month, townshipCode: q.townshipCode ?? null, level: c.level, pending: c.pendingSchools.length },
    }),
  );
  return { buf, fileName: `${c.title}.xlsx` };
}

export async function exportQuarterly(ctx: Ctx, q: { quarter: string; townshipCode?: string }) {
  const mc = await monthContext(ctx);
  const months = quarterMonths(q.quarter).filter((m) => m <= mc.today.slice(0, 7));
  if (!months.length) throw new AppError('BAD_REQUEST', '该季度尚未开始');
  const tables: Consolidated[] = [];
  for (const month of months) tables.push(await consolidateMonth(ctx, { month, townshipCode: q.townshipCode }, mc));
  const unitName = tables[0].title.replace(/\d{4}年\d{1,2}月控辍保学动态数据汇总表$/, '');
  const buf = await quarterlyXlsx(q.quarter, tables, { unitName, exportedBy: ctx.actor.displayName, today: mc.today });
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'monthly_reports.consolidated_exported',
      targetType: 'monthly_report_consolidation',
      targetId: `${q.quarter}:${q.townshipCode ?? tables[0].level}`,
      data: { quarter: q.quarter, months, townshipCode: q.townshipCode ?? null },
    }),
  );
  const [y, n] = q.quarter.split('-Q');
  return { buf, fileName: `${unitName}${y}年第${n}季度控辍保学动态数据汇总表.xlsx` };
}
