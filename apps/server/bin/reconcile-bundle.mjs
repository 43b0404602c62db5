// The reconcile command bundled ahead of time with esbuild (dist/reconcile/): the command and its read worker as plain
// JavaScript, third-party packages left to Node. Rebuilt when any source file that went into it changed (the bundle
// lists its inputs), so a checkout never runs stale code. Building takes a fraction of a second, once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(serverDir, 'dist', 'reconcile');
const manifest = path.join(outDir, 'inputs.json');
export const BUNDLE_ENTRY = path.join(outDir, 'reconcile-main.js');

/** True when the bundle exists and no input is newer than it. */
export function bundleIsFresh() {
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  } catch {
    return false;
  }
  const builtAt = inputs.builtAt;
  for (const file of inputs.files) {
    let st;
    try {
      st = fs.statSync(path.join(inputs.root, file));
    } catch {
      return false;
    }
    if (st.mtimeMs > builtAt) return false;
  }
  return fs.existsSync(BUNDLE_ENTRY);
}

/**
 * Bundle the command (workspace sources in, npm packages external). Only one process builds at a time (a lock
 * folder); a process that finds the lock taken gets false and runs from the sources instead.
 */
export async function buildBundle() {
  const lock = `${outDir}.lock`;
  try {
    if (Date.now() - fs.statSync(lock).mtimeMs > 60_000) fs.rmSync(lock, { recursive: true, force: true });
  } catch {
    // no lock
  }
  try {
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.mkdirSync(lock);
  } catch {
    return false;
  }
  try {
    await buildInto();
    return true;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

async function buildInto() {
  const { build } = await import('esbuild');
  const root = path.resolve(serverDir, '../..');
  const builtAt = Date.now();
  const tmp = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      'reconcile-main': path.join(serverDir, 'src/cli/reconcile-main.ts'),
      'read-worker': path.join(serverDir, 'src/modules/reconciliation/engine/read-worker.ts'),
    },
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    sourcemap: 'linked',
    logLevel: 'silent',
    plugins: [
      {
        name: 'npm-packages-external',
        setup(b) {
          // Bare imports other than the workspace's own packages stay imports of node_modules.
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@notoneless/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  const files = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'));
  fs.writeFileSync(path.join(tmp, 'inputs.json'), JSON.stringify({ root, builtAt, files }));
  // Swap in the new bundle whole: a command started meanwhile sees the old one or the new one, never half.
  const old = `${outDir}.old-${process.pid}`;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
  fs.renameSync(tmp, outDir);
  fs.rmSync(old, { recursive: true, force: true });
}
