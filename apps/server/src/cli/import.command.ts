import fs from 'node:fs';
import path from 'node:path';
import { REGISTRY_KINDS, type RegistryKindName } from '@notoneless/shared';
import { loadEnv } from '../config/env';
import { DataDirLockedError, openDatabase } from '../db/client';
import { AppError } from '../http/app-error';
import type { Ctx } from '../http/context';
import { JobBoard } from '../lib/job-board';
import { buildScope } from '../policies/actor';
import { countyName } from '../modules/auth/auth.repository';
import { recoverImports, commit } from '../modules/imports/import-commit';
import * as repo from '../modules/imports/imports.repository';
import { detail, upload, waitForImport } from '../modules/imports/imports.service';
import { optionString, parseArgs } from './args';
import { progressPrinter } from './progress';
import { rows } from '../db/client';
import { sql } from 'drizzle-orm';
import pino from 'pino';

/**
 * `notoneless import --kind K FILE [--county CODE] [--school 学校标识码]`: the same importer as the web, into the
 * configured database (DATABASE_URL, or the PGlite folder under DATA_DIR, which must not be held by a running server).
 */
export async function runImport(argv: string[]): Promise<number> {
  const { positional, options } = parseArgs(argv);
  const kind = optionString(options, 'kind') as RegistryKindName | undefined;
  const file = positional[0];
  if (!kind || !REGISTRY_KINDS.includes(kind) || !file) {
    console.error('用法：npx notoneless import --kind hukou|xueji|roster|poverty|disability 文件 [--county 410182] [--school 学校标识码]');
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`错误：找不到文件「${file}」`);
    return 1;
  }
  const env = loadEnv();
  let database;
  try {
    database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`错误：${e.message}\n未导入任何数据。可在网页「数据比对 → 数据导入」上传该文件。`);
      return 3;
    }
    throw e;
  }
  try {
    await recoverImports(database);
    const counties = await rows<{ code: string }>(database.db, sql`select code from counties order by code`);
    const countyCode = optionString(options, 'county') ?? (counties.length === 1 ? counties[0].code : '410182');
    if (!counties.some((c) => c.code === countyCode)) {
      console.error(`错误：数据库中没有县（市、区）代码 ${countyCode}，请用 --county 指定`);
      return 1;
    }
    let schoolId: string | null = null;
    const schoolCode = optionString(options, 'school');
    if (schoolCode) {
      const [s] = await rows<{ id: string }>(
        database.db,
        sql`select id from schools where county_code = ${countyCode} and code = ${schoolCode}`,
      );
      if (!s) {
        console.error(`错误：本县没有学校标识码为 ${schoolCode} 的学校`);
        return 1;
      }
      schoolId = s.id;
    }
    const jobs = new JobBoard();
    const actor = {
      userId: '00000000-0000-7000-8000-000000000000',
      username: 'cli',
      displayName: '命令行导入',
      countyCode,
      grants: [{ role: 'county_admin' as const, scopeKind: 'county' as const, scopeId: countyCode }],
      approvalRights: [],
      scope: buildScope(countyCode, [{ role: 'county_admin', scopeKind: 'county', scopeId: countyCode }], { units: {}, townships: {} }),
      sessionId: 'cli',
      csrfToken: 'cli',
      mustChangePassword: false,
    };
    const ctx: Ctx = { actor, ip: 'cli', now: new Date(), db: database.db, database, env, jobs, log: pino({ level: 'error' }) };
    const fileName = path.basename(file);
    console.error(`导入 ${fileName} → ${await countyName(database.db, countyCode)}（${kind}）`);
    const staged = await upload(ctx, { kind, schoolId, fileName, stream: fs.createReadStream(file) });
    const stop = progressPrinter(jobs, staged.id, '读取');
    await waitForImport(staged.id);
    stop();
    const d = await detail(ctx, staged.id).catch((e: unknown) => {
      throw e instanceof AppError ? e : new Error(String(e));
    });
    for (const p of d.problems.slice(0, 50))
      console.error(`  ${fileName} 第 ${p.row} 行「${p.column}」${p.severity === 'rejected' ? '【未导入】' : ''}${p.message}`);
    if (d.problemsTotal > 50) console.error(`  …… 共 ${d.problemsTotal} 条问题`);
    if (d.missingColumns.length) {
      console.error(`错误：文件「${fileName}」缺少必需的列：${d.missingColumns.join('、')}。未导入任何数据。`);
      return 1;
    }
    const stopLoad = progressPrinter(jobs, staged.id, '写入');
    ctx.now = new Date();
    await commit(ctx, staged.id);
    await waitForImport(staged.id);
    stopLoad();
    const final = await repo.findSnapshot(database.db, countyCode, staged.id);
    if (final?.status !== 'committed') {
      console.error(`错误：${jobs.get(staged.id)?.message ?? '导入失败'}`);
      return 1;
    }
    const n = (x: number) => x.toLocaleString('en-US');
    console.error(
      `完成：共 ${n(d.rowCount)} 行，导入 ${n(d.acceptedCount)} 行，拒绝 ${n(d.rejectedCount)} 行，有警告 ${n(d.warningCount)} 行。`,
    );
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`错误：${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}
