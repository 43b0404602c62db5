import type { z } from 'zod';
import type { schoolCreateSchema, schoolQuerySchema, schoolUpdateSchema } from '@notoneless/shared';
import { uuidv7 } from 'uuidv7';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { offsetOf, pageResult } from '../../lib/paging';
import { authorize, canManageSchools, canReadOrg } from '../../policies/org.policy';
import { isUuid } from '../auth/auth.repository';
import { findDivision } from '../divisions/divisions.repository';
import { findUnitRow } from '../units/units.repository';
import { presentSchool, presentSchoolDetail } from './schools.presenter';
import * as repo from './schools.repository';

type Query = z.infer<typeof schoolQuerySchema>;
type CreateBody = z.infer<typeof schoolCreateSchema>;
type UpdateBody = Omit<z.infer<typeof schoolUpdateSchema>, 'villageCode'> & { villageCode?: string | null };

const MANAGE_ONLY = '只有县级管理员可以新建或修改学校';

export async function list(ctx: Ctx, q: Query) {
  authorize(canReadOrg(ctx.actor), '您的角色不能查看学校');
  if (q.unitId && !isUuid(q.unitId)) throw new AppError('VALIDATION', '管理单位编号格式不正确', { field: 'unitId' });
  const a = ctx.actor;
  const classSchools = await repo.classSchoolIds(ctx.db, a.countyCode, a.scope.classIds);
  const filter = { q: q.q, townshipCode: q.townshipCode, unitId: q.unitId, type: q.type, includeInactive: q.includeInactive };
  const { limit, offset } = offsetOf(q);
  const r = await repo.listSchools(ctx.db, a.scope, classSchools, filter, limit, offset);
  return pageResult(r.items.map(presentSchool), r.total, q);
}

/** A school outside the actor's scope answers exactly like one that does not exist. */
async function getVisible(ctx: Ctx, id: string): Promise<repo.SchoolRow> {
  const a = ctx.actor;
  if (!canReadOrg(a) || !isUuid(id)) throw notFound('学校');
  const classSchools = await repo.classSchoolIds(ctx.db, a.countyCode, a.scope.classIds);
  const r = await repo.findVisibleSchool(ctx.db, a.scope, classSchools, id);
  if (!r) throw notFound('学校');
  return r;
}

export async function detail(ctx: Ctx, id: string) {
  return presentSchoolDetail(ctx.actor, await getVisible(ctx, id));
}

/** The school sits in an active township of the county, and in one of that township's active villages if named. */
async function checkPlace(ctx: Ctx, townshipCode: string, villageCode: string | null): Promise<void> {
  const c = ctx.actor.countyCode;
  const t = await findDivision(ctx.db, c, townshipCode);
  if (!t || t.level !== 'township' || !t.active) {
    throw new AppError('VALIDATION', `乡镇 ${townshipCode} 不存在、已停用或不属于本县`, { field: 'townshipCode' });
  }
  if (villageCode === null) return;
  const v = await findDivision(ctx.db, c, villageCode);
  if (!v || v.level !== 'village' || !v.active)
    throw new AppError('VALIDATION', `村（社区）${villageCode} 不存在或已停用`, { field: 'villageCode' });
  if (v.parentCode !== townshipCode)
    throw new AppError('VALIDATION', `村（社区）「${v.name}」不属于「${t.name}」`, { field: 'villageCode' });
}

async function checkUnit(ctx: Ctx, unitId: string): Promise<void> {
  const u = isUuid(unitId) ? await findUnitRow(ctx.db, ctx.actor.countyCode, unitId) : null;
  if (!u) throw new AppError('VALIDATION', '管理单位不存在或不属于本县', { field: 'unitId' });
  if (!u.unit.active) throw new AppError('VALIDATION', `管理单位「${u.unit.name}」已停用`, { field: 'unitId' });
}

export async function create(ctx: Ctx, body: CreateBody) {
  authorize(canManageSchools(ctx.actor), MANAGE_ONLY);
  const c = ctx.actor.countyCode;
  await checkPlace(ctx, body.townshipCode, body.villageCode);
  await checkUnit(ctx, body.unitId);
  const dup = await repo.findSchoolByCode(ctx.db, c, body.code);
  if (dup) throw new AppError('CONFLICT', `学校标识码 ${body.code} 已被「${dup.name}」使用`, { field: 'code' });
  const id = uuidv7();
  await inTx(ctx, async (tx) => {
    await repo.insertSchool(tx, { countyCode: c, id, ...body });
    await audit(tx, ctx, { action: 'school.created', targetType: 'school', targetId: id, data: body });
  });
  return detail(ctx, id);
}

export async function update(ctx: Ctx, id: string, body: UpdateBody) {
  const before = await getVisible(ctx, id);
  authorize(canManageSchools(ctx.actor), MANAGE_ONLY);
  const s = before.school;
  const townshipCode = body.townshipCode ?? s.townshipCode;
  const villageCode = body.villageCode !== undefined ? body.villageCode : townshipCode === s.townshipCode ? s.villageCode : null;
  if (townshipCode !== s.townshipCode || villageCode !== s.villageCode) await checkPlace(ctx, townshipCode, villageCode);
  if (body.unitId !== undefined && body.unitId !== s.unitId) await checkUnit(ctx, body.unitId);
  const change = { ...body, townshipCode, villageCode };
  await inTx(ctx, async (tx) => {
    await repo.updateSchool(tx, ctx.actor.countyCode, id, change);
    await audit(tx, ctx, {
      action: 'school.updated',
      targetType: 'school',
      targetId: id,
      data: { before: presentSchool(before), change: body },
    });
  });
  return detail(ctx, id);
}
