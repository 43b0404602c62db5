/**
 * A person's merge/split of identities (issue 4, item 5; data model: "a person's merge or split is a user decision
 * that later runs respect"). Made on a finding, between its records and the candidates it lists; stored with the two
 * records' stable keys (engine/record-key.ts) so that every later run finds them again; revoked, never deleted.
 */
import type { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import {
  IDENTITY_DECISION_LABELS,
  maskIdNumber,
  REGISTRY_KIND_LABELS,
  shanghaiToday,
  type identityDecisionInputSchema,
  type RegistryKindName,
} from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { childVisible } from '../../policies/actor';
import { authorize } from '../../policies/org.policy';
import { findingVisible } from '../../policies/scope-sql';
import { canDecideIdentity, canReadFindings } from '../../policies/reconciliation.policy';
import { findChild } from '../children/children.repository';
import { recordKey } from './engine/record-key';
import type { IdentityDecision } from './engine/types';
import { findingRefs, refOf } from './finding-records';
import { getVisibleFinding } from './findings.service';
import * as findingsRepo from './findings.repository';
import * as repo from './identity-decisions.repository';

type Side = { kindLabel: string; name: string; idNumberMasked: string; place: string };
/** identity_decisions.detail: what the person saw, and their name (the run's 说明 quotes it). */
type Detail = { left: Side; right: Side; decidedByName: string };
type Row = NonNullable<Awaited<ReturnType<typeof repo.findDecision>>>;

const kindLabel = (kind: string) => REGISTRY_KIND_LABELS[kind as RegistryKindName] ?? kind;

function sideOf(f: repo.RecordFacts): Side {
  const klass = [f.grade ? `${f.grade}年级` : '', f.className].join('');
  const where = f.schoolName || f.schoolCode ? `${f.schoolName || f.schoolCode}${klass ? ` ${klass}` : ''}` : f.divisionCode;
  return {
    kindLabel: kindLabel(f.kind),
    name: f.name,
    idNumberMasked: maskIdNumber(f.idNumber),
    place: [`${f.fileName} 第 ${f.ref.rowNo} 行`, where, f.birthDate ? `${f.birthDate} 出生` : ''].filter(Boolean).join(' · '),
  };
}

function present(ctx: Ctx, r: Row) {
  const d = r.d;
  const detail = d.detail as Detail;
  return {
    id: d.id,
    decision: d.decision,
    decisionLabel: IDENTITY_DECISION_LABELS[d.decision],
    left: detail.left,
    right: detail.right,
    findingId: d.findingId,
    reason: d.reason,
    decidedByName: r.decidedByName ?? '',
    decidedAt: d.decidedAt.toISOString(),
    revokedByName: r.revokedByName,
    revokedAt: d.revokedAt?.toISOString() ?? null,
    abilities: { revoke: d.revokedAt === null && canDecideIdentity(ctx.actor) },
  };
}

/** 合并为同一人 / 不是同一人: two records of a visible, open finding; a merge pairs one of its records with a candidate. */
export async function create(ctx: Ctx, findingId: string, v: z.infer<typeof identityDecisionInputSchema>) {
  const finding = await getVisibleFinding(ctx, findingId);
  authorize(canDecideIdentity(ctx.actor), '您的角色不能认定身份');
  if (finding.f.status !== 'open') throw new AppError('CONFLICT', '该比对结果已处理，不能再合并或拆分身份');
  if (v.left === v.right) throw new AppError('VALIDATION', '请选择两条不同的记录');
  const { own, candidates } = findingRefs(finding.f.records);
  const isOwn = (ref: string) => own.some((r) => refOf(r) === ref);
  const isCandidate = (ref: string) => candidates.some((r) => refOf(r) === ref);
  for (const ref of [v.left, v.right]) {
    if (!isOwn(ref) && !isCandidate(ref)) throw new AppError('VALIDATION', '所选记录不属于这条比对结果，请刷新后重新选择');
  }
  if (v.decision === 'merge' && isOwn(v.left) === isOwn(v.right)) {
    throw new AppError('VALIDATION', '合并须在本条结果的一条记录与一条候选记录之间进行');
  }
  if (v.decision === 'split' && !(isOwn(v.left) && isOwn(v.right))) throw new AppError('VALIDATION', '拆分须选择本条结果中的两条记录');
  const refs = [v.left, v.right].map((ref) => [...own, ...candidates].find((r) => refOf(r) === ref)!);
  const facts = await repo.recordFacts(ctx.db, ctx.actor.countyCode, refs);
  if (facts.length !== 2) throw new AppError('VALIDATION', '所选记录已不在当前数据中（可能已重新导入），请重新运行比对后再认定');
  const sides = facts.map((f) => ({ key: recordKey(f), side: sideOf(f) })).sort((a, b) => (a.key < b.key ? -1 : 1));
  if (sides[0].key === sides[1].key) {
    throw new AppError(
      'VALIDATION',
      v.decision === 'split'
        ? '两条记录的身份证号（或学籍号）相同，系统按同一人处理，无法拆分；请先更正错误的号码'
        : '两条记录的身份证号（或学籍号）相同，已是同一人',
    );
  }
  const existing = await repo.activeOnPair(ctx.db, ctx.actor.countyCode, sides[0].key, sides[1].key);
  if (existing) {
    throw new AppError('CONFLICT', `这两条记录已有人工认定「${IDENTITY_DECISION_LABELS[existing.decision]}」，如需改变请先撤销`);
  }
  const id = uuidv7();
  await inTx(ctx, async (tx) => {
    await repo.insertDecision(tx, {
      countyCode: ctx.actor.countyCode,
      id,
      decision: v.decision,
      leftKey: sides[0].key,
      rightKey: sides[1].key,
      detail: { left: sides[0].side, right: sides[1].side, decidedByName: ctx.actor.displayName } satisfies Detail,
      findingId,
      reason: v.reason,
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
    });
    await audit(tx, ctx, {
      action: v.decision === 'merge' ? 'identity.merged' : 'identity.split',
      targetType: 'identity_decision',
      targetId: id,
      childId: finding.f.childId,
      data: { findingId, reason: v.reason },
    });
  });
  return present(ctx, (await repo.findDecision(ctx.db, ctx.actor.countyCode, id))!);
}

/** The decisions made on a finding, or naming one of its records (made on another finding of the same child). */
export async function listForFinding(ctx: Ctx, findingId: string) {
  const finding = await getVisibleFinding(ctx, findingId);
  const facts = await repo.recordFacts(ctx.db, ctx.actor.countyCode, findingRefs(finding.f.records).own.slice(0, 20));
  const list = await repo.listDecisions(ctx.db, ctx.actor.countyCode, { findingIds: [findingId], keys: facts.map(recordKey) });
  return list.map((r) => present(ctx, r));
}

/** The decisions about a child: made on its findings, or naming its ID number. */
export async function listForChild(ctx: Ctx, childId: string) {
  authorize(canReadFindings(ctx.actor), '您的角色不能查看比对结果');
  const child = await findChild(ctx.db, ctx.actor.countyCode, childId);
  if (!child || !childVisible(ctx.actor.scope, child.child)) throw notFound('儿童');
  const idNumber = child.child.idNumber;
  const list = await repo.listDecisions(ctx.db, ctx.actor.countyCode, {
    findingIds: repo.findingsOfChild(ctx.actor.countyCode, childId),
    keys: idNumber ? [`id:${idNumber}`] : [],
  });
  return list.map((r) => present(ctx, r));
}

/** 撤销: later runs go back to what the evidence says. */
export async function revoke(ctx: Ctx, id: string, reason: string | undefined) {
  authorize(canReadFindings(ctx.actor), '您的角色不能查看比对结果');
  const r = await repo.findDecision(ctx.db, ctx.actor.countyCode, id);
  if (!r) throw notFound('身份认定');
  const finding = r.d.findingId ? await findingsRepo.findFinding(ctx.db, ctx.actor.countyCode, r.d.findingId) : null;
  const visible = finding ? findingVisible(ctx.actor.scope, finding.f) : ctx.actor.scope.county;
  if (!visible) throw notFound('身份认定');
  authorize(canDecideIdentity(ctx.actor), '您的角色不能撤销身份认定');
  await inTx(ctx, async (tx) => {
    const ok = await repo.revokeDecision(tx, ctx.actor.countyCode, id, ctx.actor.userId, ctx.now);
    if (!ok) throw new AppError('CONFLICT', '该认定已被撤销，请刷新后查看');
    await audit(tx, ctx, {
      action: 'identity.revoked',
      targetType: 'identity_decision',
      targetId: id,
      childId: finding?.f.childId ?? null,
      data: { decision: r.d.decision, reason: reason ?? null },
    });
  });
  return present(ctx, (await repo.findDecision(ctx.db, ctx.actor.countyCode, id))!);
}

/** The county's active decisions as the engine takes them, each with the sentence its findings' 说明 will carry. */
export async function decisionsForRun(db: DbOrTx, countyCode: string): Promise<IdentityDecision[]> {
  const list = await repo.activeDecisions(db, countyCode);
  return list.map((d) => {
    const detail = d.detail as Partial<Detail>;
    const what =
      detail.left && detail.right
        ? `${detail.left.kindLabel}「${detail.left.name}」与${detail.right.kindLabel}「${detail.right.name}」，`
        : '';
    const who = detail.decidedByName ? `${detail.decidedByName}于` : '';
    const date = shanghaiToday(d.decidedAt);
    return { decision: d.decision, left: d.leftKey, right: d.rightKey, note: `${who}${date}确认（${what}理由：${d.reason}）` };
  });
}
