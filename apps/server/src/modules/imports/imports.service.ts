import type { Readable } from 'node:stream';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { shanghaiToday, type snapshotQuerySchema, type SnapshotDetail } from '@notoneless/shared';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { copyRows } from '../../db/copy';
import { linePrefix, RECORD_COLUMNS, RECORD_TABLES } from './record-rows';
import type { RosterSchool } from './roster-check';
import { readIntoSnapshot } from './stage-read';
import { offsetOf, pageResult } from '../../lib/paging';
import { hasRole } from '../../policies/actor';
import { authorize } from '../../policies/org.policy';
import { canImport, canManageSnapshot, canSeeSnapshot } from '../../policies/imports.policy';
import { countyName } from '../auth/auth.repository';
import { mapHeaders, type HeaderOverride, type RegistryKind } from './formats/columns';
import * as repo from './imports.repository';
import { mappingOf, presentDetail, presentSnapshot, storedMapping } from './imports.presenter';
import { DEFAULT_READ_LIMITS, formatBytes } from './readers/limits';
import { openTableStream } from './readers/table-stream';
import { removeUpload, saveUpload, uploadPath } from './upload-store';

export type UploadInput = { kind: RegistryKind; schoolId: string | null; fileName: string; stream: Readable };

/** Work started in the background, kept so that the command line and tests can wait for it. */
const running = new Map<string, Promise<void>>();
export const waitForImport = (id: string) => running.get(id) ?? Promise.resolve();
export function track(id: string, p: Promise<void>) {
  const tracked = p.finally(() => running.delete(id));
  running.set(id, tracked);
}

const fileOf = (ctx: Pick<Ctx, 'env'>, s: repo.SnapshotRow) => s.storageKey ?? uploadPath(ctx.env.dataDir, s.countyCode, s.id, s.fileName);

export async function scopeNameOf(ctx: Ctx, s: { scopeKind: string; scopeId: string }) {
  if (s.scopeKind === 'school') return (await repo.schoolOf(ctx.db, ctx.actor.countyCode, s.scopeId))?.name ?? '学校';
  return countyName(ctx.db, s.scopeId);
}

/** The school whose roster a snapshot is (its rows may be of that school only), or null for a county registry. */
async function rosterSchoolOf(ctx: Pick<Ctx, 'db'>, s: repo.SnapshotRow): Promise<RosterSchool | null> {
  if (s.scopeKind !== 'school') return null;
  const school = await repo.schoolOf(ctx.db, s.countyCode, s.scopeId);
  return school ? { code: school.code, name: school.name } : null;
}

export const overrideOf = (s: repo.SnapshotRow): HeaderOverride => Object.fromEntries(mappingOf(s).map((m) => [m.header, m.key]));

/**
 * Upload: save the file, refuse at once what cannot be a registry file (empty, header only, not CSV/XLSX, duplicated
 * headers, a missing 姓名 column with nothing to map to it, an identical file already in use), then read every row in
 * the background for the preview. Nothing is visible to comparisons until commit.
 */
export async function upload(ctx: Ctx, input: UploadInput): Promise<SnapshotDetail> {
  const c = ctx.actor.countyCode;
  authorize(
    canImport(ctx.actor, input.kind, input.schoolId),
    input.kind === 'roster' ? '只能导入本校的在校名册' : '只有县级管理员可以导入该类数据',
  );
  let scopeKind: 'county' | 'school' = 'county';
  let scopeId = c;
  if (input.schoolId) {
    if (input.kind !== 'roster') throw new AppError('VALIDATION', '只有在校名册按学校导入');
    const school = await repo.schoolOf(ctx.db, c, input.schoolId);
    if (!school) throw notFound('学校');
    scopeKind = 'school';
    scopeId = school.id;
  }
  const id = uuidv7();
  const file = uploadPath(ctx.env.dataDir, c, id, input.fileName);
  const { hash, size } = await saveUpload(input.stream, file, input.fileName, DEFAULT_READ_LIMITS.maxFileBytes);
  try {
    const same = await repo.findCommitted(ctx.db, c, input.kind, scopeId);
    if (same && same.fileHash === hash) {
      throw new AppError(
        'CONFLICT',
        `文件「${input.fileName}」与当前使用的版本（${shanghaiToday(same.committedAt ?? same.uploadedAt)} 导入的「${same.fileName}」）完全相同，无需重复导入`,
      );
    }
    const pre = await precheck(file, input.fileName, input.kind);
    await inTx(ctx, async (tx) => {
      await repo.insertSnapshot(tx, {
        countyCode: c,
        id,
        kind: input.kind,
        scopeKind,
        scopeId,
        fileName: input.fileName,
        fileHash: hash,
        sizeBytes: size,
        encoding: pre.encoding,
        storageKey: file,
        status: 'staged',
        uploadedBy: ctx.actor.userId,
        uploadedAt: ctx.now,
      });
      await audit(tx, ctx, {
        action: 'import.uploaded',
        targetType: 'snapshot',
        targetId: id,
        data: { kind: input.kind, fileName: input.fileName, size, hash },
      });
    });
  } catch (e) {
    removeUpload(file);
    if (e instanceof AppError && e.code === 'VALIDATION') {
      await inTx(ctx, (tx) =>
        audit(tx, ctx, {
          action: 'import.refused',
          targetType: 'snapshot',
          data: { kind: input.kind, fileName: input.fileName, reason: e.message },
        }),
      );
    }
    throw e;
  }
  const snap = (await repo.findSnapshot(ctx.db, c, id))!;
  track(id, stage(ctx, snap, {}));
  return detail(ctx, id);
}

/** Refuse the file now when its header already says it cannot be imported. */
async function precheck(file: string, fileName: string, kind: RegistryKind) {
  const table = await openTableStream({ path: file }, fileName);
  try {
    const mapping = mapHeaders(kind, fileName, table.headers, { allowMissing: true });
    if (mapping.missingRequired.length && mapping.unknown.length === 0) mapHeaders(kind, fileName, table.headers);
    const first = await table.rows[Symbol.asyncIterator]().next();
    if (first.done) throw new AppError('VALIDATION', `文件「${fileName}」只有表头，没有数据行`);
    return { encoding: table.encoding };
  } finally {
    await table.close();
  }
}

/**
 * Read every row once: validate, store the problems, and COPY the accepted rows into the registry table under this
 * still-invisible snapshot (comparisons read committed snapshots only). The preview and the counts come from the
 * same pass; commit then only has to make the snapshot visible.
 */
async function stage(ctx: Ctx, s: repo.SnapshotRow, override: HeaderOverride) {
  const { jobs, database } = ctx;
  jobs.start(s.id, 'reading', s.sizeBytes);
  const file = fileOf(ctx, s);
  try {
    await repo.deleteRecords(ctx.db, s.countyCode, s.kind, s.id);
    await repo.updateSnapshot(ctx.db, s.countyCode, s.id, { rowCount: 0 });
    // each chunk is its own short COPY statement, so other users' requests interleave with a big import
    const summary = await readIntoSnapshot({
      database,
      table: RECORD_TABLES[s.kind],
      columns: RECORD_COLUMNS[s.kind],
      prefix: linePrefix(s.countyCode, s.id),
      path: file,
      kind: s.kind,
      fileName: s.fileName,
      asOf: shanghaiToday(ctx.now),
      override,
      school: await rosterSchoolOf(ctx, s),
      onProgress: (p) => jobs.progress(s.id, { rowsDone: p.rows, bytesDone: p.bytes }),
    });
    if (summary.mapping.missingRequired.length) await repo.deleteRecords(ctx.db, s.countyCode, s.kind, s.id);
    await repo.deleteProblems(ctx.db, s.countyCode, s.id);
    const rows = summary.problems.map((p, i) => [s.countyCode, s.id, i + 1, p.row, p.column, p.severity, p.message]);
    for (let i = 0; i < rows.length; i += 20_000) {
      await copyRows(
        ctx.database,
        'import_problems',
        ['county_code', 'snapshot_id', 'seq', 'row_no', 'column_name', 'severity', 'message'],
        rows.slice(i, i + 20_000),
      );
    }
    await repo.updateSnapshot(ctx.db, s.countyCode, s.id, {
      encoding: summary.encoding,
      columnMapping: storedMapping(summary.headers, summary.mapping),
      unknownColumns: summary.mapping.unknown,
      missingColumns: summary.mapping.missingRequired,
      preview: summary.preview,
      rowCount: summary.rowCount,
      acceptedCount: summary.accepted,
      rejectedCount: summary.rejected,
      warningCount: summary.warnings,
    });
    jobs.finish(s.id, 'done');
  } catch (e) {
    const message = e instanceof AppError ? e.message : `读取文件「${s.fileName}」时出错`;
    if (!(e instanceof AppError)) ctx.log.error({ err: e }, 'import staging failed');
    // refused whole: nothing stays stored (readIntoSnapshot returns only once no chunk is being copied)
    await repo.deleteRecords(ctx.db, s.countyCode, s.kind, s.id);
    await repo.deleteProblems(ctx.db, s.countyCode, s.id);
    await inTx(ctx, async (tx) => {
      await repo.deleteSnapshot(tx, s.countyCode, s.id);
      await audit(tx, ctx, {
        action: 'import.refused',
        targetType: 'snapshot',
        targetId: s.id,
        data: { kind: s.kind, fileName: s.fileName, reason: message },
      });
    });
    removeUpload(file);
    jobs.finish(s.id, 'failed', message);
  }
}

async function getVisible(ctx: Ctx, id: string) {
  const s = await repo.findSnapshot(ctx.db, ctx.actor.countyCode, id);
  if (!s || !canSeeSnapshot(ctx.actor, s)) throw notFound('导入记录');
  return s;
}

export async function detail(ctx: Ctx, id: string): Promise<SnapshotDetail> {
  const s = await repo.findSnapshot(ctx.db, ctx.actor.countyCode, id);
  const job =
    ctx.jobs.get(id) ??
    (s?.status === 'failed' && s.message
      ? {
          phase: 'failed' as const,
          rowsDone: 0,
          rowsTotal: null,
          bytesDone: 0,
          bytesTotal: 0,
          rowsPerSecond: 0,
          secondsLeft: 0,
          message: s.message,
        }
      : null);
  if (!s && job?.phase === 'failed') throw new AppError('VALIDATION', job.message ?? '文件被拒绝，未导入任何数据', { refused: true });
  if (!s || !canSeeSnapshot(ctx.actor, s)) throw notFound('导入记录');
  const [problems, total, uploadedByName, scopeName] = await Promise.all([
    repo.problemsOf(ctx.db, s.countyCode, s.id, 200),
    repo.countProblems(ctx.db, s.countyCode, s.id),
    repo.userName(ctx.db, s.uploadedBy),
    scopeNameOf(ctx, s),
  ]);
  const manage = canManageSnapshot(ctx.actor, s);
  const busy = ctx.jobs.isRunning(id);
  const missing = ((s.missingColumns as string[]) ?? []).length > 0;
  return presentDetail(presentSnapshot(s, scopeName, uploadedByName), s, problems, total, job, {
    commit: manage && !busy && s.status === 'staged' && !missing && s.acceptedCount > 0,
    remap: manage && !busy && s.status === 'staged',
    cancel: manage && !busy && s.status === 'staged',
    downloadProblems: total > 0 && (s.status === 'staged' || s.status === 'committed' || s.status === 'superseded'),
  });
}

export async function list(ctx: Ctx, q: z.infer<typeof snapshotQuerySchema>) {
  const a = ctx.actor;
  const schoolIds = hasRole(a, 'county_admin', 'county_leader')
    ? null
    : a.grants.filter((g) => g.role === 'school_admin').map((g) => g.scopeId);
  const r = await repo.listSnapshots(ctx.db, { countyCode: a.countyCode, kind: q.kind, status: q.status, schoolIds, ...offsetOf(q) });
  const names = new Map<string, string>();
  const items = [];
  for (const { s, uploadedByName } of r.items) {
    const key = `${s.scopeKind}:${s.scopeId}`;
    if (!names.has(key)) names.set(key, await scopeNameOf(ctx, s));
    items.push(presentSnapshot(s, names.get(key)!, uploadedByName));
  }
  return pageResult(items, r.total, q);
}

export async function remap(ctx: Ctx, id: string, overrides: Record<string, string | null>) {
  const s = await getVisible(ctx, id);
  authorize(canManageSnapshot(ctx.actor, s), '您不能修改这次导入');
  if (s.status !== 'staged' || ctx.jobs.isRunning(id)) throw new AppError('CONFLICT', '这次导入已不在待确认状态，不能再调整列对应');
  const override = { ...overrideOf(s), ...overrides } as HeaderOverride;
  mapHeaders(s.kind, s.fileName, Object.keys(override), { override, allowMissing: true });
  await inTx(ctx, (tx) => audit(tx, ctx, { action: 'import.remapped', targetType: 'snapshot', targetId: id, data: { overrides } }));
  const p = stage(ctx, s, override);
  track(id, p);
  await p;
  return detail(ctx, id);
}

export async function cancel(ctx: Ctx, id: string) {
  const s = await getVisible(ctx, id);
  authorize(canManageSnapshot(ctx.actor, s), '您不能取消这次导入');
  if (s.status !== 'staged' || ctx.jobs.isRunning(id)) throw new AppError('CONFLICT', '只能取消待确认的导入');
  await inTx(ctx, async (tx) => {
    await repo.deleteProblems(tx, s.countyCode, id);
    await repo.deleteRecords(tx, s.countyCode, s.kind, id);
    await repo.updateSnapshot(tx, s.countyCode, id, { status: 'cancelled', storageKey: null });
    await audit(tx, ctx, { action: 'import.cancelled', targetType: 'snapshot', targetId: id, data: { fileName: s.fileName } });
  });
  removeUpload(fileOf(ctx, s));
  return detail(ctx, id);
}

export { getVisible, fileOf, formatBytes };
