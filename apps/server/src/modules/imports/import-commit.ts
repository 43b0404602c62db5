import { eligibleBirthRange, REGISTRY_KIND_LABELS, schoolYearOf, shanghaiToday } from '@notoneless/shared';
import type { Database } from '../../db/client';
import { AppError } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import type { JobBoard } from '../../lib/job-board';
import { authorize } from '../../policies/org.policy';
import { canManageSnapshot } from '../../policies/imports.policy';
import { insertAudit } from '../audit/audit.repository';
import { getCountySettings } from '../settings/settings.service';
import { dropFlagsOfKind, feedDisability, feedHukou, feedPoverty, feedXueji, type FeedParams } from './feed-children.repository';
import * as repo from './imports.repository';
import { detail, getVisible, track } from './imports.service';

/** Rows per feeding transaction (per lane). */
const FEED_CHUNK = 10_000;
/**
 * Connections feeding at once on PostgreSQL (the feed is the server's CPU; this machine class has two cores). PGlite
 * has one connection: one lane, and other users' requests run between its chunks.
 */
const POSTGRES_FEED_LANES = 2;

/** Let queued work (progress events, other users' requests) run between chunks: PGlite runs each query on this thread. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Commit a staged snapshot (issue 3, item 4). Its rows were copied in while staging, invisible; one short transaction
 * makes it the committed snapshot of its scope (the previous one becomes history), then the children registry is fed
 * in the background. A crash before the commit leaves the previous snapshot in use and this one absent.
 */
export async function commit(ctx: Ctx, id: string) {
  const s = await getVisible(ctx, id);
  authorize(canManageSnapshot(ctx.actor, s), '您不能确认这次导入');
  if (s.status !== 'staged' || ctx.jobs.isRunning(id)) throw new AppError('CONFLICT', '这次导入不在待确认状态（可能已被他人确认或取消）');
  if (((s.missingColumns as string[]) ?? []).length)
    throw new AppError('VALIDATION', `文件「${s.fileName}」还缺少必需的列，请先指定列对应`);
  if (s.acceptedCount === 0) throw new AppError('VALIDATION', `文件「${s.fileName}」没有可导入的行`);
  await inTx(ctx, async (tx) => {
    await repo.supersede(tx, s.countyCode, s.kind, s.scopeId, s.id, ctx.now);
    await repo.updateSnapshot(tx, s.countyCode, s.id, { status: 'committed', committedAt: ctx.now, committedBy: ctx.actor.userId });
    await audit(tx, ctx, {
      action: 'import.committed',
      targetType: 'snapshot',
      targetId: s.id,
      data: { kind: s.kind, fileName: s.fileName, rows: s.acceptedCount },
    });
  });
  ctx.jobs.start(s.id, 'feeding', s.sizeBytes, s.rowCount);
  track(
    id,
    feedSnapshot(ctx.database, ctx.jobs, { ...s, status: 'committed', committedAt: ctx.now }, ctx.now).then(
      () => ctx.jobs.finish(s.id, 'done'),
      (e: unknown) => {
        ctx.log.error({ err: e }, 'feeding children failed');
        ctx.jobs.finish(s.id, 'failed', '数据已导入，但更新儿童名册时出错；服务器重启时会自动重试');
      },
    ),
  );
  return detail(ctx, id);
}

/** Apply a committed snapshot to the children registry, in row ranges (issue 3, item 9). */
export async function feedSnapshot(
  database: Database,
  jobs: JobBoard | null,
  s: repo.SnapshotRow,
  now: Date,
  /** smaller ranges (tests) */
  chunkRows = FEED_CHUNK,
) {
  const db = database.db;
  const settings = await getCountySettings(db, s.countyCode);
  const year = schoolYearOf(shanghaiToday(now), settings);
  const range = eligibleBirthRange(year, settings);
  const source = `snapshot:${s.id}`;
  const base: Omit<FeedParams, 'fromRow' | 'toRow' | 'lane' | 'lanes'> = {
    countyCode: s.countyCode,
    snapshotId: s.id,
    source,
    sourceLabel: `${REGISTRY_KIND_LABELS[s.kind]}（${s.fileName}，${shanghaiToday(s.committedAt ?? now)} 导入）`,
    now,
    birthFrom: range.from,
    birthTo: range.to,
    schoolYear: year,
  };
  const feed = { hukou: feedHukou, xueji: feedXueji, poverty: feedPoverty, disability: feedDisability, roster: null }[s.kind];
  if (feed) {
    if (s.kind !== 'hukou') await dropFlagsOfKind(db, s.countyCode, s.kind, source);
    jobs?.progress(s.id, { phase: 'feeding', rowsDone: 0, rowsTotal: s.rowCount });
    const lanes = database.pglite ? 1 : POSTGRES_FEED_LANES;
    // each lane takes its IDs from ranges of chunkRows × lanes rows, in file order
    const span = chunkRows * lanes;
    const reached = new Array<number>(lanes).fill(0);
    const runLane = async (lane: number) => {
      for (let from = 1; from <= s.rowCount; from += span) {
        const to = from + span - 1;
        await db.transaction(async (tx) => feed(tx as unknown as typeof db, { ...base, fromRow: from, toRow: to, lane, lanes }));
        reached[lane] = Math.min(to, s.rowCount);
        jobs?.progress(s.id, { rowsDone: Math.min(...reached) });
        await breathe();
      }
    };
    await Promise.all(reached.map((_, lane) => runLane(lane)));
  }
  await repo.updateSnapshot(db, s.countyCode, s.id, { fedAt: now });
}

/**
 * At start-up: a snapshot cut off while its rows were being copied in is removed (rows deleted, status failed); a
 * committed snapshot not yet applied to the children is applied now.
 */
export async function recoverImports(database: Database, now = new Date(), countyCode?: string) {
  const db = database.db;
  const mine = (s: repo.SnapshotRow) => !countyCode || s.countyCode === countyCode;
  const cutOff = [
    ...(await repo.snapshotsByStatus(db, 'loading')),
    // staging writes the counts last: a staged snapshot without them was cut off while reading
    ...(await repo.snapshotsByStatus(db, 'staged')).filter((s) => s.rowCount === 0),
  ];
  for (const s of cutOff.filter(mine)) {
    await repo.deleteRecords(db, s.countyCode, s.kind, s.id);
    await repo.updateSnapshot(db, s.countyCode, s.id, { status: 'failed', message: '服务器在导入过程中重启，本次导入未生效，请重新上传' });
    await insertAudit(db, {
      countyCode: s.countyCode,
      at: now,
      actorId: null,
      actorName: '系统',
      ip: null,
      action: 'import.failed',
      targetType: 'snapshot',
      targetId: s.id,
      data: { reason: '服务器在导入过程中重启，本次导入未生效' },
    });
  }
  for (const s of (await repo.committedUnfed(db)).filter(mine)) await feedSnapshot(database, null, s, now);
}
