#!/usr/bin/env node
// The `notoneless` command line (import, reconcile, seed). Runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
