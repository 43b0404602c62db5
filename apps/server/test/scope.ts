import { describe } from 'vitest';

/**
 * Declares the scope tests of one route ('GET /api/children/:id'). route-coverage.int.test.ts reads these
 * declarations from every *.int.test.ts and fails when a route of the app has none.
 */
export function scopeCases(route: string, fn: () => void): void {
  describe(`scope of ${route}`, fn);
}
