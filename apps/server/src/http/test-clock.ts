import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from './context';

/**
 * A clock the browser journeys can move forward ("the deadline passes in the test clock", issue 5). Only built when the
 * server runs with NOL_TEST_CLOCK=1 (e2e/global-setup.ts); a production server has no such route.
 */
export function shiftableClock(): { clock: Clock; shift: (days: number | 'reset') => Date } {
  let offsetMs = 0;
  return {
    clock: () => new Date(Date.now() + offsetMs),
    shift: (days) => {
      offsetMs = days === 'reset' ? 0 : offsetMs + days * 86_400_000;
      return new Date(Date.now() + offsetMs);
    },
  };
}

export const testClockRoutes =
  (shift: (days: number | 'reset') => Date): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/test/clock',
      {
        schema: {
          hide: true,
          body: z.union([z.object({ days: z.number().int().min(0).max(3650) }), z.object({ reset: z.literal(true) })]),
          response: { 200: z.object({ now: z.string() }) },
        },
        config: { public: true },
      },
      async (req) => ({ now: shift('days' in req.body ? req.body.days : 'reset').toISOString() }),
    );
  };
