import { shanghaiToday } from '@notoneless/shared';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { hasRole } from '../../policies/actor';
import { authorize } from '../../policies/org.policy';
import { canPrintEnrollmentNotices } from '../../policies/case-documents.policy';
import { renderDocument, type DocumentFormat, type EnrollmentNoticeData } from '../documents/index';
import { getCountySettings } from '../settings/settings.service';
import * as repo from './enrollment-notices.repository';
import { gradeOneBirthRange, reportWindow, schoolFor, termOf } from './enrollment-notices.rules';

/** The township the batch is for: any (or the whole county) for county staff; their own for a 中心校 or township. */
function townshipOf(ctx: Ctx, requested: string | undefined): string | null {
  const { scope } = ctx.actor;
  if (scope.county && hasRole(ctx.actor, 'county_admin')) return requested ?? null;
  if (requested) {
    if (!scope.townshipCodes.includes(requested)) throw notFound('乡镇');
    return requested;
  }
  if (scope.townshipCodes.length === 1) return scope.townshipCodes[0];
  throw new AppError('VALIDATION', '请选择要生成入学通知书的乡镇', { field: 'townshipCode' });
}

/**
 * 入学通知书 in one batch (seed 001: 「在通知书中加入有关法律规定和违法追责说明」) for every child of the coming grade-1
 * cohort whose household is in the township (or the county), one page each; audited as an export of personal data.
 */
export async function enrollmentNotices(ctx: Ctx, q: { townshipCode?: string; schoolYear: number; format: DocumentFormat }) {
  authorize(canPrintEnrollmentNotices(ctx.actor), '只有县教育局、中心校和乡镇可以生成入学通知书');
  const county = ctx.actor.countyCode;
  const township = townshipOf(ctx, q.townshipCode);
  const unitIds = hasRole(ctx.actor, 'unit_admin') ? ctx.actor.scope.unitIds : [];
  const [settings, names, schools] = await Promise.all([
    getCountySettings(ctx.db, county),
    repo.names(ctx.db, county, township, unitIds),
    repo.primarySchools(ctx.db, county),
  ]);
  if (township && !names.township) throw notFound('乡镇');
  const birth = gradeOneBirthRange(q.schoolYear, settings);
  const cohort = await repo.cohort(ctx.db, county, township, birth.from, birth.to);
  const where = township ? names.township : names.county;
  if (!cohort.length)
    throw new AppError('UNPROCESSABLE', `${where}没有${q.schoolYear}学年应入一年级的适龄儿童（出生于 ${birth.from} 至 ${birth.to}）`);
  const unit = names.units.find((u) => u.townshipCode === township) ?? names.units[0];
  const issuer =
    !township || (ctx.actor.scope.county && hasRole(ctx.actor, 'county_admin'))
      ? `${names.county}教育局`
      : unit
        ? unit.name
        : `${names.township}人民政府`;
  const report = reportWindow(q.schoolYear, settings);
  const data: EnrollmentNoticeData = {
    issuer,
    issueDate: shanghaiToday(ctx.now),
    term: termOf(q.schoolYear, settings),
    children: cohort.map((c) => ({
      guardianName: c.guardianName ?? '',
      childName: c.name,
      gender: c.gender,
      birthDate: c.birthDate ?? birth.from,
      school: schoolFor(c, schools),
      grade: '一年级',
      reportFrom: report.from,
      reportTo: report.to,
      materials: '户口簿、儿童预防接种证',
    })),
  };
  const body =
    q.format === 'docx' ? await renderDocument('enrollment-notice', data, 'docx') : renderDocument('enrollment-notice', data, 'html');
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'enrollment_notices.exported',
      targetType: 'enrollment_notices',
      targetId: township ?? county,
      data: { townshipCode: township, schoolYear: q.schoolYear, format: q.format, children: cohort.length },
    }),
  );
  return { body, fileName: `入学通知书-${where}-${q.schoolYear}.${q.format}`, count: cohort.length };
}
