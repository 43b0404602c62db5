import { buildApp } from './app';
import { loadEnv } from './config/env';
import { openDatabase } from './db/client';
import { seedDemoIfEmpty } from './db/seed/demo';
import { recoverImports } from './modules/imports/import-commit';
import { recoverRuns } from './modules/reconciliation/run.service';
import { shiftableClock, testClockRoutes } from './http/test-clock';

const env = loadEnv();
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir });
await recoverImports(database);
await recoverRuns(database);
const accounts = env.SEED_DEMO === 'true' ? await seedDemoIfEmpty(database, { children: env.DEMO_CHILDREN }) : null;
const testClock = process.env.NOL_TEST_CLOCK === '1' && process.env.NODE_ENV !== 'production' ? shiftableClock() : null;
const app = await buildApp({
  database,
  env,
  clock: testClock?.clock ?? (() => new Date()),
  logger: true,
  extraRoutes: testClock ? testClockRoutes(testClock.shift) : undefined,
});
await app.listen({ port: env.PORT, host: env.HOST });

const url = `http://localhost:${env.PORT}`;
console.log(`\n一个都不能少 · 控辍保学动态管理平台 已启动：${url}`);
console.log(`数据库：${database.kind === 'pglite' ? `内嵌 PGlite（${env.dataDir}）` : 'PostgreSQL'}；接口文档：${url}/api/docs`);
if (accounts) {
  console.log(`\n演示账号（密码均为 ${accounts.password}）：`);
  for (const a of accounts.list) console.log(`  ${a.username.padEnd(22)} ${a.label}`);
}

// once: a second signal while shutting down (Ctrl-C twice, a supervisor's repeated TERM) waits for the first
let stopping: Promise<void> | null = null;
const stop = (signal: string) =>
  (stopping ??= (async () => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  })());
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
