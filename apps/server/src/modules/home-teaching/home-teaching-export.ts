import { CASE_STATUS_LABELS, maskIdNumber, shanghaiToday, weekOf, type CaseStatus } from '@notoneless/shared';
import { audit, inTx, type Ctx } from '../../http/context';
import { exportSubtitle } from '../../lib/export-info';
import { buildXlsx } from '../../lib/xlsx';
import { gradeLabel } from '../classes/grade';
import { authorize } from '../../policies/org.policy';
import { canSeeHomeTeaching } from '../../policies/home-teaching.policy';
import { countyName } from '../auth/auth.repository';
import { caseWeeks } from './home-teaching.service';
import * as repo from './home-teaching.repository';

export type HomeTeachingExportQuery = { week?: string; shortOnly?: boolean; school?: string };

/**
 * The 送教上门 list as XLSX (product.md; seed 004: 每周1次、每次2课时): every child taught at home in scope with the
 * week's sessions and hours against the county setting — or only those short of it — IDs masked; audited.
 */
export async function exportHomeTeaching(ctx: Ctx, q: HomeTeachingExportQuery) {
  authorize(canSeeHomeTeaching(ctx.actor), '您的角色不能查看送教上门');
  const county = ctx.actor.countyCode;
  const today = shanghaiToday(ctx.now);
  const week = weekOf(q.week ?? today);
  const all = await repo.casesInHomeTeaching(ctx.db, ctx.actor.scope);
  const list = q.school ? all.filter((c) => c.schoolName === q.school) : all;
  const weekOfCase = await caseWeeks(
    ctx,
    list.map((c) => c.caseId),
    week,
  );
  const shown = list.map((c) => ({ c, w: weekOfCase(c.caseId) })).filter((x) => !q.shortOnly || x.w.shortfall.length > 0);
  const data = shown.map(({ c, w }) => [
    c.childName,
    maskIdNumber(c.idNumber ?? ''),
    c.schoolName ?? '',
    c.grade ? gradeLabel(c.grade) : '',
    c.townshipName ?? '',
    c.villageName ?? '',
    CASE_STATUS_LABELS[c.status as CaseStatus] ?? c.status,
    w.sessions,
    w.hours,
    `${w.requiredSessions} 次 / ${w.requiredHours} 课时`,
    w.shortfall.length ? '未达标' : '已达标',
    w.shortfall.join('；'),
    c.lastTaughtOn ?? '',
    c.teacherName ?? '',
  ]);
  const filters = [`周次：${week.from} 至 ${week.to}`, q.shortOnly ? '仅本周未达标' : null, q.school ? `学校：${q.school}` : null];
  const buf = await buildXlsx('送教上门', {
    title: `${await countyName(ctx.db, county)} 送教上门名单`,
    subtitle: exportSubtitle(ctx, today, { filters, count: `共 ${data.length} 人`, note: '身份证号已脱敏' }),
    columns: [
      { header: '儿童', width: 10 },
      { header: '身份证号', width: 22 },
      { header: '学校', width: 24 },
      { header: '年级', width: 8 },
      { header: '户籍乡镇', width: 12 },
      { header: '户籍村（社区）', width: 14 },
      { header: '个案状态', width: 12 },
      { header: '本周送教次数', width: 12 },
      { header: '本周课时', width: 10 },
      { header: '要求', width: 16 },
      { header: '是否达标', width: 10 },
      { header: '不足之处', width: 40 },
      { header: '最近送教日期', width: 12 },
      { header: '送教教师', width: 10 },
    ],
    rows: data,
  });
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'home_teaching.exported',
      targetType: 'home_teaching',
      data: { weekFrom: week.from, shortOnly: !!q.shortOnly, school: q.school ?? null, rows: data.length },
    }),
  );
  return { buf, fileName: `送教上门-${week.from}.xlsx` };
}
