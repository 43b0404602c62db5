import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTestApp } from '../test/test-app';

/** Every /api route of the app must have a scopeCases('METHOD /api/…') block in some *.int.test.ts (issue 2, item 5). */
function declaredScopeCases(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.int.test.ts')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/scopeCases\(\s*'([A-Z]+ \/api\/[^']*)'/g)) found.add(m[1]);
      }
    }
  };
  walk(path.dirname(new URL(import.meta.url).pathname));
  return found;
}

describe('route table coverage', () => {
  it('every API route has scope tests', async () => {
    const app = await getTestApp();
    const routes = app.routeList.filter((r) => !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThan(10);
    const declared = declaredScopeCases();
    const missing = routes.filter((r) => !declared.has(r));
    expect(missing, `routes without scopeCases(): ${missing.join(', ')}`).toEqual([]);
  });
});
