import type { z } from 'zod';
import {
  FINDING_CATEGORY_LABELS,
  FINDING_STATUS_LABELS,
  maskIdNumber,
  REGISTRY_KIND_LABELS,
  shanghaiToday,
  type findingQuerySchema,
  type FindingDto,
  type RegistryKindName,
} from '@notoneless/shared';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { offsetOf, pageResult } from '../../lib/paging';
import { buildXlsx } from '../../lib/xlsx';
import { findingVisible } from '../../policies/scope-sql';
import { authorize } from '../../policies/org.policy';
import { canDecideIdentity, canReadFindings, canReviewFindings } from '../../policies/reconciliation.policy';
import { countyName } from '../auth/auth.repository';
import { maskPreviewRow } from '../imports/imports.presenter';
import { openEntry, setChildStatus } from '../ledgers/ledger-entries';
import { CLOSE_REASONS, closeProblem, type CloseReason } from './findings.rules';
import { findingRefs, refOf, type Ref } from './finding-records';
import * as repo from './findings.repository';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findFinding>>>;

function present(r: Row): FindingDto {
  const f = r.f;
  return {
    id: f.id,
    category: f.category,
    categoryLabel: FINDING_CATEGORY_LABELS[f.category as keyof typeof FINDING_CATEGORY_LABELS] ?? f.category,
    status: f.status,
    statusLabel: FINDING_STATUS_LABELS[f.status],
    name: f.name,
    idNumberMasked: maskIdNumber(f.idNumber ?? ''),
    childId: f.childId,
    method: f.method,
    confidence: f.confidence,
    explanation: maskNumbersIn(f.explanation),
    schoolName: r.schoolName,
    townshipCode: f.townshipCode,
    villageCode: f.villageCode,
    keyGroups: f.keyGroups,
    firstRunId: f.firstRunId,
    lastRunId: f.lastRunId,
    closeReason: f.closeReason,
    closeEvidence: f.closeEvidence,
    ledgerEntryId: f.ledgerEntryId,
    updatedAt: f.updatedAt.toISOString(),
  };
}

/** 说明 names differing ID numbers (formats.md): on screen they are masked like every other ID. */
const maskNumbersIn = (s: string) => s.replace(/\d{6}\d{8}\d{3}[\dXx]/g, (m) => maskIdNumber(m));

export async function list(ctx: Ctx, q: z.infer<typeof findingQuerySchema>) {
  authorize(canReadFindings(ctx.actor), '您的角色不能查看比对结果');
  const { limit, offset } = offsetOf(q);
  const r = await repo.listFindings(ctx.db, ctx.actor.scope, q, limit, offset);
  return pageResult(r.items.map(present), r.total, q);
}

export async function counts(ctx: Ctx) {
  authorize(canReadFindings(ctx.actor), '您的角色不能查看比对结果');
  return repo.countsByCategory(ctx.db, ctx.actor.scope);
}

/** A finding the actor may see (404 otherwise, as if absent). */
export async function getVisibleFinding(ctx: Ctx, id: string) {
  authorize(canReadFindings(ctx.actor), '您的角色不能查看比对结果');
  const r = await repo.findFinding(ctx.db, ctx.actor.countyCode, id);
  if (!r || !findingVisible(ctx.actor.scope, r.f)) throw notFound('比对结果');
  return r;
}

const COMPARE: Record<string, string[]> = {
  姓名: ['姓名'],
  性别: ['性别'],
  出生日期: ['出生日期'],
  身份证号: ['公民身份号码', '身份证件号', '身份证号', '身份证号码', '证件号码'],
  学籍号: ['学籍号'],
};

async function recordViews(ctx: Ctx, refs: Ref[]) {
  return (await repo.recordsOf(ctx.db, ctx.actor.countyCode, refs)).map((x) => ({
    ref: refOf(x),
    kind: x.kind,
    kindLabel: REGISTRY_KIND_LABELS[x.kind as RegistryKindName] ?? x.kind,
    fileName: x.fileName,
    rowNo: x.rowNo,
    cells: maskPreviewRow(x.raw),
  }));
}

/** The records side by side, with the fields that differ between them named (issue 4, item 5); candidates to decide. */
export async function detail(ctx: Ctx, id: string) {
  const r = await getVisibleFinding(ctx, id);
  const { own, candidates: cands } = findingRefs(r.f.records);
  const records = await recordViews(ctx, own);
  const candidateViews = await recordViews(ctx, cands);
  const subjects = [...new Set(cands.map((c) => c.candidateOf!))].filter((ref) => records.some((x) => x.ref === ref));
  const candidates = subjects.map((ref) => ({
    ref,
    records: candidateViews.filter((v) => cands.some((c) => c.candidateOf === ref && refOf(c) === v.ref)),
  }));
  const differing = Object.entries(COMPARE)
    .filter(([, headers]) => {
      const values = records
        .map((rec) => headers.map((h) => rec.cells[h]).find((v) => v !== undefined && v !== ''))
        .filter((v) => v !== undefined);
      return new Set(values.map((v) => String(v).replace(/\s/g, '').toUpperCase())).size > 1;
    })
    .map(([label]) => label);
  await inTx(ctx, (tx) => audit(tx, ctx, { action: 'finding.viewed', targetType: 'finding', targetId: id, childId: r.f.childId }));
  const open = r.f.status === 'open';
  const review = canReviewFindings(ctx.actor);
  const identity = open && canDecideIdentity(ctx.actor);
  return {
    ...present(r),
    records,
    differing,
    candidates,
    abilities: {
      confirm: open && review && r.f.childId !== null,
      close: open && review,
      merge: identity && candidates.length > 0,
      split: identity && records.length >= 2,
    },
  };
}

/** Confirm into the 疑似辍学 or 辍学 ledger (the entry a case hangs on). */
export async function confirm(ctx: Ctx, id: string, v: { ledger: 'suspected' | 'dropout'; cause?: string; note?: string }) {
  await decideConfirm(ctx, id, v);
  return detail(ctx, id);
}

async function decideConfirm(ctx: Ctx, id: string, v: { ledger: 'suspected' | 'dropout'; cause?: string; note?: string }) {
  const r = await getVisibleFinding(ctx, id);
  authorize(canReviewFindings(ctx.actor), '您的角色不能处理比对结果');
  if (!r.f.childId)
    throw new AppError('VALIDATION', '该比对结果还没有对应到儿童名册中的儿童（身份证号无效或未登记），请先核实身份后再列入台账');
  if (v.ledger === 'dropout' && !v.cause) throw new AppError('VALIDATION', '认定辍学须选择辍学原因');
  await inTx(ctx, async (tx) => {
    const entryId = await openEntry(tx, ctx, {
      childId: r.f.childId!,
      ledger: v.ledger,
      source: 'finding',
      findingId: id,
      category: r.f.category,
      cause: v.cause,
      note: v.note,
    });
    const ok = await repo.decideFinding(tx, ctx.actor.countyCode, id, ['open'], {
      status: 'confirmed',
      ledgerEntryId: entryId,
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (!ok) throw new AppError('CONFLICT', '该比对结果已被他人处理，请刷新后查看');
    await audit(tx, ctx, {
      action: 'finding.confirmed',
      targetType: 'finding',
      targetId: id,
      childId: r.f.childId,
      data: { ledger: v.ledger, entryId },
    });
  });
  return detail(ctx, id);
}

/** Explain and close with a reason and its evidence; what verification found becomes the child's status. */
export async function close(ctx: Ctx, id: string, v: { reason: string; evidence: string }) {
  await decideClose(ctx, id, v);
  return detail(ctx, id);
}

async function decideClose(ctx: Ctx, id: string, v: { reason: string; evidence: string }) {
  const r = await getVisibleFinding(ctx, id);
  authorize(canReviewFindings(ctx.actor), '您的角色不能处理比对结果');
  const problem = closeProblem(v.reason, v.evidence);
  if (problem) throw new AppError('VALIDATION', problem);
  const status = CLOSE_REASONS[v.reason as CloseReason].childStatus;
  await inTx(ctx, async (tx) => {
    const ok = await repo.decideFinding(tx, ctx.actor.countyCode, id, ['open'], {
      status: 'closed',
      closeReason: v.reason,
      closeEvidence: v.evidence,
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (!ok) throw new AppError('CONFLICT', '该比对结果已被他人处理，请刷新后查看');
    if (status && r.f.childId) await setChildStatus(tx, ctx, r.f.childId, status);
    await audit(tx, ctx, {
      action: 'finding.closed',
      targetType: 'finding',
      targetId: id,
      childId: r.f.childId,
      data: { reason: v.reason },
    });
  });
  return detail(ctx, id);
}

/** Bulk actions: each finding decided on its own; the answer lists what was done and what was refused and why. */
export async function bulk(
  ctx: Ctx,
  v: {
    ids: string[];
    action: 'confirm' | 'close';
    confirm?: { ledger: 'suspected' | 'dropout'; cause?: string; note?: string };
    close?: { reason: string; evidence: string };
  },
) {
  if (v.action === 'confirm' && !v.confirm) throw new AppError('VALIDATION', '请选择列入哪本台账');
  if (v.action === 'close' && !v.close) throw new AppError('VALIDATION', '请填写核实结论和依据');
  const done: string[] = [];
  const refused: { id: string; message: string }[] = [];
  for (const id of v.ids) {
    try {
      if (v.action === 'confirm') await decideConfirm(ctx, id, v.confirm!);
      else await decideClose(ctx, id, v.close!);
      done.push(id);
    } catch (e) {
      refused.push({ id, message: e instanceof AppError ? e.message : '处理失败' });
    }
  }
  return { done, refused };
}

export async function exportXlsx(ctx: Ctx, q: z.infer<typeof findingQuerySchema>) {
  authorize(canReadFindings(ctx.actor), '您的角色不能导出比对结果');
  const r = await repo.listFindings(ctx.db, ctx.actor.scope, q, 200_000, 0);
  const today = shanghaiToday(ctx.now);
  const rows = r.items
    .map(present)
    .map((f) => [
      f.categoryLabel,
      f.statusLabel,
      f.name,
      f.idNumberMasked,
      f.schoolName,
      f.villageCode,
      f.method,
      f.confidence,
      f.explanation,
      f.keyGroups.join('、'),
      f.closeReason,
      f.closeEvidence,
    ]);
  const buf = await buildXlsx('比对结果', {
    title: `${await countyName(ctx.db, ctx.actor.countyCode)} 四查三比对结果`,
    subtitle: `导出人：${ctx.actor.displayName}　导出日期：${today}　共 ${rows.length} 条　身份证号已脱敏`,
    columns: [
      '类别',
      '状态',
      '姓名',
      '身份证号',
      '学校',
      '户籍村代码',
      '匹配方式',
      '置信度',
      '说明',
      '重点群体',
      '核实结论',
      '核实依据',
    ].map((header) => ({ header })),
    rows,
  });
  await inTx(ctx, (tx) =>
    audit(tx, ctx, { action: 'findings.exported', targetType: 'finding_list', data: { filter: q, rows: rows.length } }),
  );
  return { buf, fileName: `比对结果-${today}.xlsx` };
}
