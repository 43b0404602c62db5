import type { z } from 'zod';
import type { SchoolClass, classCreateSchema, classQuerySchema, classUpdateSchema } from '@notoneless/shared';
import { uuidv7 } from 'uuidv7';
import type { DbOrTx } from '../../db/client';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { offsetOf, pageResult } from '../../lib/paging';
import { authorize, canManageClassesOf, canReadOrg, classAbilities } from '../../policies/org.policy';
import { isUuid } from '../auth/auth.repository';
import { classSchoolIds, findVisibleSchool } from '../schools/schools.repository';
import { findUserInCounty } from '../users/users.repository';
import { setHeadTeacherGrant } from '../users/users.service';
import * as repo from './classes.repository';
import { gradeLabel } from './grade';

type Query = z.infer<typeof classQuerySchema>;
type CreateBody = z.infer<typeof classCreateSchema>;
type UpdateBody = Omit<z.infer<typeof classUpdateSchema>, 'headTeacherId'> & { headTeacherId?: string | null };

const present = (r: repo.ClassRow): SchoolClass => ({
  id: r.cls.id,
  schoolId: r.cls.schoolId,
  schoolName: r.schoolName,
  schoolYear: r.cls.schoolYear,
  grade: r.cls.grade,
  name: r.cls.name,
  headTeacherId: r.cls.headTeacherId,
  headTeacherName: r.headTeacherName,
  active: r.cls.active,
  studentCount: r.studentCount,
});

const presentDetail = (ctx: Ctx, r: repo.ClassRow) => ({ ...present(r), abilities: classAbilities(ctx.actor, r.cls.schoolId) });

const MANAGE_ONLY = '您不能管理该学校的班级';

export async function list(ctx: Ctx, q: Query) {
  authorize(canReadOrg(ctx.actor), '您的角色不能查看班级');
  if (q.schoolId && !isUuid(q.schoolId)) throw new AppError('VALIDATION', '学校编号格式不正确', { field: 'schoolId' });
  const { limit, offset } = offsetOf(q);
  const filter = { schoolId: q.schoolId, grade: q.grade, schoolYear: q.schoolYear, includeInactive: q.includeInactive };
  const r = await repo.listClasses(ctx.db, ctx.actor.scope, filter, limit, offset);
  return pageResult(r.items.map(present), r.total, q);
}

/** A class outside the actor's scope answers exactly like one that does not exist. */
async function getVisible(ctx: Ctx, id: string): Promise<repo.ClassRow> {
  const r = canReadOrg(ctx.actor) && isUuid(id) ? await repo.findVisibleClass(ctx.db, ctx.actor.scope, id) : null;
  if (!r) throw notFound('班级');
  return r;
}

export async function detail(ctx: Ctx, id: string) {
  return presentDetail(ctx, await getVisible(ctx, id));
}

/** The 班主任 is an active account of the county. */
async function checkHeadTeacher(ctx: Ctx, userId: string): Promise<void> {
  const u = await findUserInCounty(ctx.db, ctx.actor.countyCode, userId);
  if (!u || !u.active) throw new AppError('VALIDATION', '班主任账号不存在、已停用或不属于本县', { field: 'headTeacherId' });
}

async function checkUnique(ctx: Ctx, k: { schoolId: string; schoolYear: number; grade: number; name: string }, exceptId?: string) {
  if (await repo.findSameClass(ctx.db, ctx.actor.countyCode, k, exceptId)) {
    throw new AppError('CONFLICT', `该学校 ${k.schoolYear} 学年${gradeLabel(k.grade)}已有「${k.name}」`);
  }
}

/** A new 班主任 gets the grant on the class (so they see it), the one before loses it; both audited on the user. */
async function moveHeadTeacher(tx: DbOrTx, ctx: Ctx, classId: string, from: string | null, to: string | null) {
  if (from === to) return;
  if (from) await setHeadTeacherGrant(tx, ctx, from, classId, false);
  if (to) await setHeadTeacherGrant(tx, ctx, to, classId, true);
}

export async function create(ctx: Ctx, body: CreateBody) {
  const a = ctx.actor;
  const school =
    isUuid(body.schoolId) && canReadOrg(a)
      ? await findVisibleSchool(ctx.db, a.scope, await classSchoolIds(ctx.db, a.countyCode, a.scope.classIds), body.schoolId)
      : null;
  if (!school) throw notFound('学校');
  authorize(canManageClassesOf(a, body.schoolId), MANAGE_ONLY);
  if (!school.school.active) throw new AppError('VALIDATION', `学校「${school.school.name}」已停用，不能新建班级`, { field: 'schoolId' });
  if (body.headTeacherId) await checkHeadTeacher(ctx, body.headTeacherId);
  await checkUnique(ctx, body);
  const id = uuidv7();
  await inTx(ctx, async (tx) => {
    await repo.insertClass(tx, { countyCode: a.countyCode, id, ...body });
    await moveHeadTeacher(tx, ctx, id, null, body.headTeacherId);
    await audit(tx, ctx, { action: 'class.created', targetType: 'class', targetId: id, data: body });
  });
  return detail(ctx, id);
}

export async function update(ctx: Ctx, id: string, body: UpdateBody) {
  const before = await getVisible(ctx, id);
  const c = before.cls;
  authorize(canManageClassesOf(ctx.actor, c.schoolId), MANAGE_ONLY);
  const next = {
    schoolId: c.schoolId,
    schoolYear: body.schoolYear ?? c.schoolYear,
    grade: body.grade ?? c.grade,
    name: body.name ?? c.name,
  };
  if (next.schoolYear !== c.schoolYear || next.grade !== c.grade || next.name !== c.name) await checkUnique(ctx, next, id);
  const headTeacherId = body.headTeacherId !== undefined ? body.headTeacherId : c.headTeacherId;
  if (headTeacherId && headTeacherId !== c.headTeacherId) await checkHeadTeacher(ctx, headTeacherId);
  await inTx(ctx, async (tx) => {
    await repo.updateClass(tx, ctx.actor.countyCode, id, { ...body });
    await moveHeadTeacher(tx, ctx, id, c.headTeacherId, headTeacherId);
    await audit(tx, ctx, { action: 'class.updated', targetType: 'class', targetId: id, data: { before: present(before), change: body } });
  });
  return detail(ctx, id);
}
