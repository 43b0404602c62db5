/**
 * The reconcile command's ahead-of-time bundle (bin/reconcile-bundle.mjs) must never run stale code: it is fresh only
 * while no source file that went into it is newer than the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module of the bin folder, no type declarations
import { BUNDLE_ENTRY, buildBundle, bundleIsFresh } from '../../bin/reconcile-bundle.mjs';

const source = path.resolve(import.meta.dirname, '../modules/reconciliation/engine/classify.ts');

describe('reconcile bundle', () => {
  it('is rebuilt when a source it holds changes', async () => {
    // Another test may be building it at this moment (it holds the lock): wait for that build.
    for (let i = 0; i < 300 && !(bundleIsFresh() as boolean); i++) {
      if (!((await buildBundle()) as boolean)) await new Promise((r) => setTimeout(r, 100));
    }
    expect(fs.existsSync(BUNDLE_ENTRY as string)).toBe(true);
    expect(bundleIsFresh()).toBe(true);
    const { atime, mtime } = fs.statSync(source);
    try {
      fs.utimesSync(source, atime, new Date(Date.now() + 60_000));
      expect(bundleIsFresh()).toBe(false);
    } finally {
      fs.utimesSync(source, atime, mtime);
    }
    expect(bundleIsFresh()).toBe(true);
  });
});
