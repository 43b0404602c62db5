import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { isCaseOpen, type CaseStatus, type caseTeamBodySchema } from '@notoneless/shared';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import type { Scope } from '../../policies/actor';
import { authorize } from '../../policies/org.policy';
import { canManageCaseTeam } from '../../policies/cases.policy';
import { presentMember } from './cases.presenter';
import * as records from './case-records.repository';
import { loadCaseInScope } from './cases.repository';

type Grant = { scopeKind: string; scopeId: string; classSchoolId: string | null };

/** A named user may join a case's team only if one of their grants lies within the actor's scope. */
export function grantWithin(scope: Scope, g: Grant): boolean {
  if (scope.county) return true;
  switch (g.scopeKind) {
    case 'school':
      return scope.schoolIds.includes(g.scopeId);
    case 'class':
      return scope.classIds.includes(g.scopeId) || (g.classSchoolId !== null && scope.schoolIds.includes(g.classSchoolId));
    case 'township':
      return scope.townshipCodes.includes(g.scopeId);
    case 'village':
      return scope.villageCodes.includes(g.scopeId) || scope.townshipCodes.some((t) => g.scopeId.startsWith(t));
    case 'unit':
      return scope.unitIds.includes(g.scopeId);
    default:
      return false;
  }
}

async function editableCase(ctx: Ctx, caseId: string) {
  const c = await loadCaseInScope(ctx.db, ctx, caseId);
  authorize(canManageCaseTeam(ctx.actor), '您的角色不能调整个案责任人');
  if (!isCaseOpen(c.status as CaseStatus)) throw new AppError('UNPROCESSABLE', '个案已结案，不能再调整责任人');
  return c;
}

/** 四包一 (seed 001): name the people who answer for this case (乡镇干部、驻村工作人员、村干部、帮扶人; 班主任、校领导). */
export async function addMember(ctx: Ctx, caseId: string, body: z.infer<typeof caseTeamBodySchema>) {
  const c = await editableCase(ctx, caseId);
  const county = ctx.actor.countyCode;
  if (body.userId) {
    const u = await records.userWithGrants(ctx.db, county, body.userId);
    if (!u || !u.active || !u.grants.some((g) => grantWithin(ctx.actor.scope, g))) throw notFound('用户');
  }
  const team = await records.teamOf(ctx.db, county, caseId);
  if (team.some((m) => m.personName === body.personName && m.role === body.role))
    throw new AppError('CONFLICT', `${body.personName}已是该个案的${body.role}`);
  const id = uuidv7();
  await inTx(ctx, async (tx) => {
    await records.insertTeamMember(tx, {
      countyCode: county,
      id,
      caseId,
      userId: body.userId ?? null,
      personName: body.personName,
      role: body.role,
      phone: body.phone ?? null,
      addedBy: ctx.actor.userId,
      addedAt: ctx.now,
    });
    await audit(tx, ctx, {
      action: 'case.team_changed',
      targetType: 'case',
      targetId: caseId,
      childId: c.childId,
      data: { added: { id, personName: body.personName, role: body.role, userId: body.userId ?? null } },
    });
  });
  return (await records.teamOf(ctx.db, county, caseId)).map(presentMember);
}

export async function removeMember(ctx: Ctx, caseId: string, memberId: string) {
  const c = await editableCase(ctx, caseId);
  const county = ctx.actor.countyCode;
  await inTx(ctx, async (tx) => {
    if (!(await records.removeTeamMember(tx, county, caseId, memberId, ctx.now))) throw notFound('责任人');
    await audit(tx, ctx, {
      action: 'case.team_changed',
      targetType: 'case',
      targetId: caseId,
      childId: c.childId,
      data: { removed: memberId },
    });
  });
  return (await records.teamOf(ctx.db, county, caseId)).map(presentMember);
}
