import { and, eq } from 'drizzle-orm';
import type { CaseActionBody } from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import { children, classes, schools } from '../../db/schema/index';
import { AppError, notFound } from '../../http/app-error';
import type { Ctx } from '../../http/context';
import { findChild } from '../children/children.repository';
import { resumeSuggestionFor } from './case-resume';
import type { CaseRow } from './cases.repository';

type ReturnBody = Extract<CaseActionBody, { type: 'return' }>;

export type Placement = {
  /** the case's jurisdiction after the return */
  caseFields: Partial<Pick<CaseRow, 'schoolId' | 'classId' | 'townshipCode'>>;
  /** recorded on the event: the suggestion and where the child went */
  eventData: Record<string, unknown>;
  /** move the child (school, class, grade) as the registry would */
  apply: (tx: DbOrTx) => Promise<void>;
};

/**
 * 复学 with a 复学方案 (seed 004): a plan that differs from the suggested one needs its reason; the child may go back to
 * another school, class or grade — within the actor's scope (a school out of scope answers 404, as if absent).
 */
export async function placementOnReturn(tx: DbOrTx, ctx: Ctx, c: CaseRow, body: ReturnBody): Promise<Placement> {
  const county = ctx.actor.countyCode;
  const child = await findChild(tx, county, c.childId);
  if (!child) throw notFound('儿童');
  const suggestion = await resumeSuggestionFor(
    tx,
    county,
    ctx.now,
    c,
    {
      birthDate: child.child.birthDate,
      grade: child.child.grade,
      idNumber: child.child.idNumber,
      keyGroups: child.keyGroups ?? [],
    },
    body.unwillingToStay ?? null,
  );
  if (body.planKind !== suggestion.kind && !body.planReason?.trim())
    throw new AppError('UNPROCESSABLE', `复学方案「${body.planKind}」与建议的「${suggestion.kind}」不同，请填写理由（planReason）`);

  const scope = ctx.actor.scope;
  let schoolId = body.schoolId ?? child.child.schoolId;
  let townshipCode = c.townshipCode;
  if (body.schoolId) {
    const [s] = await tx
      .select({ id: schools.id, townshipCode: schools.townshipCode })
      .from(schools)
      .where(and(eq(schools.countyCode, county), eq(schools.id, body.schoolId)));
    if (!s || !(scope.county || scope.schoolIds.includes(s.id))) throw notFound('学校');
    townshipCode = s.townshipCode;
  }
  let classId = body.classId ?? (body.schoolId && body.schoolId !== child.child.schoolId ? null : child.child.classId);
  let grade = body.grade ?? child.child.grade;
  if (body.classId) {
    const [k] = await tx
      .select({ id: classes.id, schoolId: classes.schoolId, grade: classes.grade })
      .from(classes)
      .where(and(eq(classes.countyCode, county), eq(classes.id, body.classId)));
    const visible = k && (scope.county || scope.schoolIds.includes(k.schoolId) || scope.classIds.includes(k.id));
    if (!k || !visible) throw notFound('班级');
    if (body.schoolId && k.schoolId !== body.schoolId) throw new AppError('UNPROCESSABLE', '所选班级不属于所选学校');
    if (k.schoolId !== schoolId) {
      const [s] = await tx
        .select({ townshipCode: schools.townshipCode })
        .from(schools)
        .where(and(eq(schools.countyCode, county), eq(schools.id, k.schoolId)));
      townshipCode = s?.townshipCode ?? townshipCode;
    }
    schoolId = k.schoolId;
    classId = k.id;
    if (body.grade && body.grade !== k.grade) throw new AppError('UNPROCESSABLE', `所选班级是 ${k.grade} 年级，与填写的年级不一致`);
    grade = k.grade;
  }
  const moved = schoolId !== child.child.schoolId || classId !== child.child.classId || grade !== child.child.grade;
  return {
    caseFields: { schoolId, classId, townshipCode },
    eventData: {
      suggestion,
      placement: {
        schoolId,
        classId,
        grade,
        moved,
        from: { schoolId: child.child.schoolId, classId: child.child.classId, grade: child.child.grade },
      },
    },
    apply: async (db) => {
      if (!moved) return;
      await db
        .update(children)
        .set({ schoolId, classId, grade, updatedAt: ctx.now })
        .where(and(eq(children.countyCode, county), eq(children.id, c.childId)));
    },
  };
}
