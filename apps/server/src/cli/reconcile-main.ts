/**
 * `notoneless reconcile` as its own entry point. bin/notoneless.mjs runs it from an ahead-of-time bundle
 * (bin/reconcile-bundle.mjs) so that the command does not pay for compiling TypeScript at every start; the bundle holds
 * only the command line and the engine (no database, no server).
 */
import { runReconcile } from './reconcile.command';

let code = 1;
try {
  code = await runReconcile(process.argv.slice(3));
} catch (e) {
  console.error(`错误：${(e as Error).message}`);
}
process.exit(code);
