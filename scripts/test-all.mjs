#!/usr/bin/env node
// The README's test command: unit, integration (PGlite, and PostgreSQL when TEST_DATABASE_URL is set) and browser
// journeys, each through Vitest with a JSON report; ends with one line "N passed, N failed" (the totals of all suites).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, '.tmp', 'test-reports');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const suites = [
  { name: 'unit', project: 'unit', env: {} },
  { name: 'integration (PGlite)', project: 'int', env: { TEST_DB: 'pglite' } },
];
if (process.env.TEST_DATABASE_URL) suites.push({ name: 'integration (PostgreSQL)', project: 'int', env: { TEST_DB: 'postgres' } });
if (process.env.SKIP_E2E !== '1') suites.push({ name: 'browser journeys (Chromium)', project: 'e2e', env: {} });

let passed = 0;
let failed = 0;
let crashed = false;
for (const [i, s] of suites.entries()) {
  const report = path.join(out, `${i}-${s.project}.json`);
  console.log(`\n▶ ${s.name}`);
  const r = spawnSync(
    'npx',
    ['vitest', 'run', '--project', s.project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...s.env },
    },
  );
  if (!fs.existsSync(report)) {
    console.error(`✖ ${s.name}: Vitest wrote no report (exit ${r.status})`);
    crashed = true;
    failed++;
    continue;
  }
  const j = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
  if (j.numTotalTests === 0) {
    console.error(`✖ ${s.name}: no tests ran`);
    crashed = true;
  }
  if (r.status !== 0 && j.numFailedTests === 0) {
    console.error(`✖ ${s.name}: Vitest exited ${r.status} (a suite failed to load?)`);
    crashed = true;
    failed++;
  }
  console.log(`  ${s.name}: ${j.numPassedTests} passed, ${j.numFailedTests} failed`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || crashed ? 1 : 0);
