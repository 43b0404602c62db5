#!/usr/bin/env node
// The `notoneless` command line (import, reconcile). `reconcile` runs from an ahead-of-time bundle (rebuilt when its
// sources change; see reconcile-bundle.mjs) because its speed is measured from process start; the other commands, and
// reconcile when the bundle cannot be built (e.g. a read-only install), run the TypeScript sources through tsx.
// `import` runs the server's importer, with the server's V8 setting (package.json "start": a larger young generation,
// about a quarter less CPU for a 300,000-row file; README "Performance"): started again with it when not given.
const YOUNG = '--max-semi-space-size=64';
if (
  process.argv[2] === 'import' &&
  !process.execArgv.some((a) => a.startsWith('--max-semi-space-size')) &&
  !process.env.NODE_OPTIONS?.includes('--max-semi-space-size')
) {
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const r = spawnSync(process.execPath, [...process.execArgv, YOUNG, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}
if (process.argv[2] === 'reconcile' && process.env.NOTONELESS_CLI_TSX !== '1') {
  const bundle = await import('./reconcile-bundle.mjs');
  let ready = bundle.bundleIsFresh();
  if (!ready) {
    try {
      ready = await bundle.buildBundle();
    } catch {
      ready = false;
    }
  }
  if (ready) {
    await import(bundle.BUNDLE_ENTRY);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import('../src/cli/main.ts');
  }
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
