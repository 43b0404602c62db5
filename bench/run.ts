/**
 * `npm run bench`: every benchmark in turn, each in its own process, printing its figures.
 * Pass-through: `npm run bench -- --only imports` runs one; other arguments go to each benchmark.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : null;
const rest = onlyAt >= 0 ? args.filter((_, i) => i !== onlyAt && i !== onlyAt + 1) : args;
const benches = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.startsWith(only))
  .sort();
let failed = 0;
for (const b of benches) {
  console.log(`\n=== ${b} ===`);
  // the server's own V8 setting (package.json "start"): a larger young generation, see README "Performance"
  const r = spawnSync(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', path.join(here, b), ...rest], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
