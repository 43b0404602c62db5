import {
  shanghaiToday,
  termStartWindow,
  type AbsenceReason,
  type ContactResult,
  type TermStartCasesResult,
  type TermStartDto,
} from '@notoneless/shared';
import { AppError } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { canOpenTermStartCases, canSeeTermStart, schoolsAdministered } from '../../policies/attendance.policy';
import { authorize } from '../../policies/org.policy';
import { openCaseFromAttendance } from '../cases/case-open';
import { getSchoolCalendar } from '../settings/settings.service';
import * as repo from './attendance-views.repository';

/**
 * Term start (seed 001: "开学第一天未报到的学生，学校要逐一登记、核实，第一周内完成"; issue 6, item 4): every student not
 * reported present on the first school day is listed with what the reports of the week say since; once the week is
 * over, what is still unexplained (无故缺勤 on the latest report) becomes 疑似辍学 cases in one action.
 */
type Query = repo.TermStartFilter;

async function compute(ctx: Ctx, q: Query) {
  const today = shanghaiToday(ctx.now);
  const cal = await getSchoolCalendar(ctx.db, ctx.actor.countyCode);
  const w = termStartWindow(today, cal);
  if (!w || today < w.firstDay) return { w: null, children: [], unreported: [] };
  const until = today < w.verifyBy ? today : w.verifyBy;
  const [children, unreported] = await Promise.all([
    repo.termStartChildren(ctx.db, ctx.actor.scope, { firstDay: w.firstDay, until, ...q }),
    repo.classesWithoutReport(ctx.db, ctx.actor.scope, w.firstDay, q),
  ]);
  return { w, children, unreported };
}

/** The term-start list as the page shows it (not audited: termStart and the export audit what they show). */
export async function termStartList(ctx: Ctx, q: Query): Promise<TermStartDto> {
  authorize(canSeeTermStart(ctx.actor), '您的角色不能查看开学报到情况');
  const { w, children, unreported } = await compute(ctx, q);
  return {
    termName: w?.term.name ?? null,
    firstDay: w?.firstDay ?? null,
    verifyBy: w?.verifyBy ?? null,
    weekOver: w?.weekOver ?? false,
    children: children.map((c) => ({
      childId: c.childId,
      name: c.name,
      gender: c.gender,
      classId: c.classId,
      className: c.className,
      grade: c.grade,
      schoolName: c.schoolName,
      firstDayReason: c.firstDayReason as AbsenceReason,
      latestDate: c.latestDate,
      latestReason: c.latestReason as AbsenceReason | null,
      latestContactResult: c.latestContactResult as ContactResult | null,
      latestNote: c.latestNote,
      unexplained: c.latestReason === '无故缺勤',
      caseId: c.caseId,
    })),
    unreportedClasses: unreported,
    abilities: { openCases: !!w?.weekOver && canOpenTermStartCases(ctx.actor) },
  };
}

export async function termStart(ctx: Ctx, q: Query): Promise<TermStartDto> {
  const dto = await termStartList(ctx, q);
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'attendance.term_start_viewed',
      targetType: 'attendance',
      data: { firstDay: dto.firstDay, shown: dto.children.length, ...q },
    }),
  );
  return dto;
}

/** After the first week: each student still unexplained gets a 疑似辍学 case (or a note on the open one). */
export async function openTermStartCases(ctx: Ctx, body: { schoolId?: string }): Promise<TermStartCasesResult> {
  authorize(canOpenTermStartCases(ctx.actor), '开学未报到学生由学校核实并转为个案');
  const { w, children } = await compute(ctx, body);
  if (!w) throw new AppError('UNPROCESSABLE', '本学期尚未开学（校历中没有已开始的学期）');
  if (!w.weekOver) throw new AppError('UNPROCESSABLE', `开学第一周核实期至 ${w.verifyBy}，期满后才能将仍未核实的学生转为疑似辍学个案`);
  const mine = new Set(schoolsAdministered(ctx.actor));
  const todo = children.filter((c) => c.latestReason === '无故缺勤' && mine.has(c.schoolId));
  return inTx(ctx, async (tx) => {
    let opened = 0;
    let noted = 0;
    const cases: TermStartCasesResult['cases'] = [];
    for (const c of todo) {
      const r = await openCaseFromAttendance(tx, ctx, {
        childId: c.childId,
        reportedOn: shanghaiToday(ctx.now),
        text: `开学第一天（${w.firstDay}）未报到，至第一周结束（${w.verifyBy}）仍无故缺勤、原因未核实`,
        data: { termStart: w.firstDay },
      });
      if (r.created) opened++;
      else noted++;
      cases.push({ childId: c.childId, name: c.name, className: c.className, caseId: r.caseId, created: r.created });
    }
    await audit(tx, ctx, {
      action: 'attendance.term_start_cases',
      targetType: 'attendance',
      data: { firstDay: w.firstDay, opened, noted, childIds: todo.map((c) => c.childId) },
    });
    return { opened, noted, cases };
  });
}
