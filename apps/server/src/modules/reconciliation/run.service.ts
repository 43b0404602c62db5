import { and, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { shanghaiToday } from '@notoneless/shared';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { children, childKeyGroups, findings, reconciliationRuns, schools } from '../../db/schema/index';
import { offsetOf, pageResult } from '../../lib/paging';
import { authorize } from '../../policies/org.policy';
import { canRunReconciliation, canSeeRuns } from '../../policies/reconciliation.policy';
import { getCountySettings } from '../settings/settings.service';
import { reconcileTables } from './engine/reconcile';
import type { Finding, RegistryKind } from './engine/types';
import { diffFindings, FINDING_CATEGORIES, fingerprint, type FindingCategory } from './findings.rules';
import * as batch from './findings-batch.repository';
import * as repo from './findings.repository';
import { refOf } from './finding-records';
import { loadPlatformInput, originOf, type PlatformInput } from './platform-input';

const running = new Map<string, Promise<void>>();
export const waitForRun = (id: string) => running.get(id) ?? Promise.resolve();
const breathe = () => new Promise<void>((r) => setImmediate(r));

export type RunScope = { kind: 'county' | 'township'; id: string };

/** Start 四查三比对 on the newest committed snapshots, in the background with progress (issue 4, item 4). */
export async function startRun(ctx: Ctx, townshipCode: string | null) {
  const c = ctx.actor.countyCode;
  const scope: RunScope = townshipCode ? { kind: 'township', id: townshipCode } : { kind: 'county', id: c };
  authorize(canRunReconciliation(ctx.actor, scope), townshipCode ? '只能对本乡镇运行比对' : '只有县级管理员可以对全县运行比对');
  if (await repo.runningRun(ctx.db, c)) throw new AppError('CONFLICT', '已有一次比对正在运行，请等待其完成');
  const id = uuidv7();
  await inTx(ctx, async (tx) => {
    await repo.insertRun(tx, {
      countyCode: c,
      id,
      scopeKind: scope.kind,
      scopeId: scope.id,
      inputs: {},
      status: 'running',
      startedBy: ctx.actor.userId,
      startedAt: ctx.now,
    });
    await audit(tx, ctx, { action: 'reconciliation.started', targetType: 'reconciliation_run', targetId: id, data: { scope } });
  });
  const p = execute(ctx, id, scope).finally(() => running.delete(id));
  running.set(id, p);
  return runDetail(ctx, id);
}

async function execute(ctx: Ctx, runId: string, scope: RunScope) {
  const { jobs } = ctx;
  const c = ctx.actor.countyCode;
  const t0 = Date.now();
  jobs.start(runId, 'reading', 0);
  try {
    const input = await loadPlatformInput(ctx.database, c);
    const tLoaded = Date.now();
    const total = Object.values(input.tables).reduce((n, t) => n + t.size, 0);
    jobs.progress(runId, { phase: 'loading', rowsDone: total, rowsTotal: total });
    await breathe();
    const settings = await getCountySettings(ctx.db, c);
    const result = reconcileTables(input.tables, { asOf: shanghaiToday(ctx.now), countyCode: c, settings, decisions: input.decisions });
    const keys = result.children.map((ch) => ch.key);
    const tLinked = Date.now();
    jobs.progress(runId, { phase: 'feeding', rowsDone: 0, rowsTotal: result.findings.length });
    await breathe();
    const summary = await save(ctx, runId, scope, input, result.findings, keys);
    await inTx(ctx, async (tx) => {
      await repo.updateRun(tx, c, runId, {
        status: 'done',
        finishedAt: new Date(),
        inputs: input.snapshots,
        summary: {
          ...summary,
          missingRosters: result.summary.missingRosters,
          children: result.summary.children,
          ambiguous: result.summary.ambiguous,
          ...(result.summary.decisions ? { decisions: result.summary.decisions } : {}),
          ms: Date.now() - t0,
          /** where the time went: reading the snapshots, the engine, storing and diffing the findings */
          phases: { load: tLoaded - t0, engine: tLinked - tLoaded, save: Date.now() - tLinked },
        },
      });
      await audit(tx, ctx, { action: 'reconciliation.finished', targetType: 'reconciliation_run', targetId: runId, data: summary });
    });
    jobs.finish(runId, 'done');
  } catch (e) {
    ctx.log.error({ err: e }, 'reconciliation failed');
    const message = e instanceof AppError ? e.message : '比对运行出错，请联系管理员';
    await repo.updateRun(ctx.db, c, runId, { status: 'failed', finishedAt: new Date(), message });
    jobs.finish(runId, 'failed', message);
  }
}

type Fresh = {
  fingerprint: string;
  category: FindingCategory;
  name: string;
  idNumber: string | null;
  records: { kind: string; snapshotId: string; rowNo: number; candidateOf?: string }[];
  method: string;
  confidence: number;
  explanation: string;
  townshipCode: string | null;
  villageCode: string | null;
  schoolId: string | null;
  childId: string | null;
  keyGroups: string[];
};

async function save(ctx: Ctx, runId: string, scope: RunScope, input: PlatformInput, found: Finding[], childKeys: string[]) {
  const c = ctx.actor.countyCode;
  const schoolRows = await ctx.db
    .select({ id: schools.id, code: schools.code, township: schools.townshipCode })
    .from(schools)
    .where(eq(schools.countyCode, c));
  const schoolByCode = new Map(schoolRows.map((s) => [s.code, s]));
  const ids = [...new Set(found.map((f) => f.idNumber).filter(Boolean))];
  const childByIdNumber = new Map<string, string>();
  const groups = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 5000) {
    const part = ids.slice(i, i + 5000);
    const rows = await ctx.db
      .select({ id: children.id, idNumber: children.idNumber })
      .from(children)
      .where(and(eq(children.countyCode, c), inArray(children.idNumber, part)));
    for (const r of rows) if (r.idNumber) childByIdNumber.set(r.idNumber, r.id);
  }
  const childIds = [...childByIdNumber.values()];
  for (let i = 0; i < childIds.length; i += 5000) {
    const part = childIds.slice(i, i + 5000);
    const rows = await ctx.db
      .select({ childId: childKeyGroups.childId, group: childKeyGroups.group })
      .from(childKeyGroups)
      .where(and(eq(childKeyGroups.countyCode, c), inArray(childKeyGroups.childId, part)));
    for (const r of rows) groups.set(r.childId, [...new Set([...(groups.get(r.childId) ?? []), r.group])]);
  }
  const fresh: Fresh[] = found.map((f) => {
    const category = f.code as FindingCategory;
    const household = FINDING_CATEGORIES[category].assignTo === 'household';
    const school = f.schoolCode ? schoolByCode.get(f.schoolCode) : undefined;
    const village = f.villageCode && f.villageCode.length === 12 ? f.villageCode : null;
    const township = f.villageCode && f.villageCode.length >= 9 ? f.villageCode.slice(0, 9) : null;
    const childId = f.idNumber ? (childByIdNumber.get(f.idNumber) ?? null) : null;
    const at = (r: { kind: RegistryKind; row: number }) => ({ kind: r.kind, ...originOf(input, r.kind, r.row) });
    const records: { kind: string; snapshotId: string; rowNo: number; candidateOf?: string }[] = (
      Object.keys(f.rows) as RegistryKind[]
    ).flatMap((kind) => f.rows[kind].map((row) => at({ kind, row })));
    // the candidates of a record the engine left apart: for a person's merge (findingRefs reads them back)
    for (const a of f.candidates) for (const t of a.candidates) records.push({ ...at(t), candidateOf: refOf(at(a.record)) });
    const useSchool = !household && school;
    return {
      fingerprint: fingerprint(category, childKeys[f.child] ?? `${f.name}|${f.idNumber}`),
      category,
      name: f.name,
      idNumber: f.idNumber || null,
      records,
      method: f.method,
      confidence: f.confidence,
      explanation: f.note,
      townshipCode: useSchool ? null : (township ?? school?.township ?? null),
      villageCode: useSchool ? null : village,
      schoolId: useSchool ? school.id : null,
      childId,
      keyGroups: [...new Set([...(childId ? (groups.get(childId) ?? []) : []), ...(category === 'POVERTY_DROPOUT' ? ['脱贫户'] : [])])],
    };
  });
  const areaSchools = new Set(schoolRows.filter((s) => s.township === scope.id).map((s) => s.id));
  const inArea = (f: { townshipCode: string | null; schoolId: string | null }) =>
    scope.kind === 'county' || f.townshipCode === scope.id || (f.schoolId !== null && areaSchools.has(f.schoolId));
  const mine = fresh.filter(inArea);
  const existingAll = await ctx.db
    .select({
      id: findings.id,
      fingerprint: findings.fingerprint,
      status: findings.status,
      townshipCode: findings.townshipCode,
      schoolId: findings.schoolId,
    })
    .from(findings)
    .where(eq(findings.countyCode, c));
  const existing = existingAll.filter(inArea).map((e) => ({ id: e.id, fingerprint: e.fingerprint, status: e.status }));
  const diff = diffFindings(existing, mine);
  const now = ctx.now;
  await inTx(ctx, async (tx) => {
    const created = diff.create.map((f) => ({ ...f, id: uuidv7() }));
    await batch.insertFindingsBatch(tx, c, runId, now, created);
    await batch.refreshFindingsBatch(tx, c, runId, now, diff.refresh);
    await repo.resolveFindings(tx, c, diff.resolve, runId, now);
  });
  const counts = Object.fromEntries(Object.keys(FINDING_CATEGORIES).map((k) => [k, mine.filter((f) => f.category === k).length]));
  return { counts, new: diff.create.length, stillOpen: diff.refresh.length, resolved: diff.resolve.length };
}

export async function runDetail(ctx: Ctx, id: string) {
  authorize(canSeeRuns(ctx.actor), '您的角色不能查看比对记录');
  const r = await repo.findRun(ctx.db, ctx.actor.countyCode, id);
  if (!r) throw notFound('比对记录');
  return presentRun(r, ctx.jobs.get(id));
}

export async function listRuns(ctx: Ctx, q: { page: number; pageSize: number }) {
  authorize(canSeeRuns(ctx.actor), '您的角色不能查看比对记录');
  const r = await repo.listRuns(ctx.db, ctx.actor.countyCode, offsetOf(q).limit, offsetOf(q).offset);
  return pageResult(
    r.items.map((x) => presentRun(x, null)),
    r.total,
    q,
  );
}

function presentRun(r: repo.RunRow, job: ReturnType<Ctx['jobs']['get']>) {
  return {
    id: r.id,
    scopeKind: r.scopeKind,
    scopeId: r.scopeId,
    status: r.status,
    summary: r.summary as Record<string, unknown>,
    inputs: r.inputs as Record<string, string[]>,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    message: r.message,
    job,
  };
}

/** At start-up: a run cut off by a restart is marked failed, so that new runs are not blocked. */
export async function recoverRuns(database: { db: Ctx['db'] }) {
  await database.db
    .update(reconciliationRuns)
    .set({ status: 'failed', finishedAt: new Date(), message: '服务器在比对过程中重启，本次比对未完成，请重新运行' })
    .where(eq(reconciliationRuns.status, 'running'));
}
