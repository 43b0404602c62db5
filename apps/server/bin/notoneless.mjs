#!/usr/bin/env node
// The `notoneless` command line (import, reconcile). `reconcile` runs from an ahead-of-time bundle (rebuilt when its
// sources change; see reconcile-bundle.mjs) because its speed is measured from process start; the other commands, and
// reconcile when the bundle cannot be built (e.g. a read-only install), run the TypeScript sources through tsx.
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
