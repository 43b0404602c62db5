import type { z } from 'zod';
import { UNIT_KIND_LABELS, type Unit, type UnitKind, type unitCreateSchema, type unitUpdateSchema } from '@notoneless/shared';
import { uuidv7 } from 'uuidv7';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { authorize, canManageUnits, canReadOrg } from '../../policies/org.policy';
import { findDivision } from '../divisions/divisions.repository';
import * as repo from './units.repository';

type CreateBody = z.infer<typeof unitCreateSchema>;
type UpdateBody = Omit<z.infer<typeof unitUpdateSchema>, 'townshipCode'> & { townshipCode?: string | null };

const present = (r: repo.UnitListRow): Unit => ({
  id: r.unit.id,
  kind: r.unit.kind,
  name: r.unit.name,
  townshipCode: r.unit.townshipCode,
  townshipName: r.townshipName,
  active: r.unit.active,
  schoolCount: r.schoolCount,
});

const MANAGE_ONLY = '只有县级管理员可以维护管理单位';

/** All units of the actor's county (a short list: one bureau, a 中心校 per township, a few 片区管理中心). */
export async function list(ctx: Ctx): Promise<Unit[]> {
  authorize(canReadOrg(ctx.actor), '您的角色不能查看管理单位');
  return (await repo.listUnits(ctx.db, ctx.actor.countyCode)).map(present);
}

async function getUnit(ctx: Ctx, id: string) {
  const r = await repo.findUnitRow(ctx.db, ctx.actor.countyCode, id);
  if (!r) throw notFound('管理单位');
  return r;
}

/** A 中心校 sits in one township (its scope covers the township); a 片区管理中心 may name one. */
async function checkTownship(ctx: Ctx, kind: UnitKind, townshipCode: string | null): Promise<void> {
  if (townshipCode === null) {
    if (kind === 'central_school') throw new AppError('VALIDATION', '乡镇中心校须选择所在乡镇', { field: 'townshipCode' });
    return;
  }
  const d = await findDivision(ctx.db, ctx.actor.countyCode, townshipCode);
  if (!d || d.level !== 'township' || !d.active) {
    throw new AppError('VALIDATION', `乡镇 ${townshipCode} 不存在、已停用或不属于本县`, { field: 'townshipCode' });
  }
}

async function checkName(ctx: Ctx, name: string, exceptId?: string): Promise<void> {
  if (await repo.findUnitByName(ctx.db, ctx.actor.countyCode, name, exceptId)) throw new AppError('CONFLICT', `管理单位「${name}」已存在`);
}

export async function create(ctx: Ctx, body: CreateBody): Promise<Unit> {
  authorize(canManageUnits(ctx.actor), MANAGE_ONLY);
  await checkTownship(ctx, body.kind, body.townshipCode);
  await checkName(ctx, body.name);
  const id = uuidv7();
  await inTx(ctx, async (tx) => {
    await repo.insertUnit(tx, { countyCode: ctx.actor.countyCode, id, kind: body.kind, name: body.name, townshipCode: body.townshipCode });
    await audit(tx, ctx, { action: 'unit.created', targetType: 'unit', targetId: id, data: body });
  });
  return present(await getUnit(ctx, id));
}

export async function update(ctx: Ctx, id: string, body: UpdateBody): Promise<Unit> {
  authorize(canManageUnits(ctx.actor), MANAGE_ONLY);
  const before = await getUnit(ctx, id);
  const u = before.unit;
  const kind = body.kind ?? u.kind;
  const townshipCode = body.townshipCode !== undefined ? body.townshipCode : u.townshipCode;
  if (u.kind === 'bureau') {
    if (body.active === false) throw new AppError('VALIDATION', `${UNIT_KIND_LABELS.bureau}不能停用`);
    if (kind !== u.kind || townshipCode !== u.townshipCode) throw new AppError('VALIDATION', `${UNIT_KIND_LABELS.bureau}只能修改名称`);
  } else if (kind !== u.kind || townshipCode !== u.townshipCode) {
    await checkTownship(ctx, kind, townshipCode);
  }
  if (body.name !== undefined && body.name !== u.name) await checkName(ctx, body.name, id);
  if (body.active === false && u.active) {
    const n = await repo.countActiveSchools(ctx.db, ctx.actor.countyCode, id);
    if (n > 0)
      throw new AppError('CONFLICT', `「${u.name}」下还有 ${n} 所在用学校，请先将这些学校划转到其他管理单位或停用后再停用该单位`, {
        activeSchools: n,
      });
  }
  await inTx(ctx, async (tx) => {
    await repo.updateUnit(tx, ctx.actor.countyCode, id, { ...body });
    await audit(tx, ctx, { action: 'unit.updated', targetType: 'unit', targetId: id, data: { before: present(before), change: body } });
  });
  return present(await getUnit(ctx, id));
}
