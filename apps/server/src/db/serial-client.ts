/**
 * A node-postgres client that hands pg one query at a time. Repositories read in parallel (`Promise.all`), which on the
 * pool takes one connection per query; in a transaction all of them share one client, where pg 8 queues them itself
 * but warns that it will stop doing so in pg 9 ("Calling client.query() when the client is already executing a
 * query"). Here the client waits for the query before to settle (answered or failed, as pg's own queue did), so the
 * same code keeps working. Callback calls and submittables (COPY streams) go straight through: they are never issued
 * side by side with another query on one client.
 */
import pg from 'pg';

const base = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
/** The last query handed to pg on each client, settled (never rejects); absent when none is running. */
const tails = new WeakMap<pg.Client, Promise<void>>();
const ignore = () => undefined;

function passesThrough(args: unknown[]): boolean {
  const first = args[0] as { submit?: unknown } | null | undefined;
  return typeof args[args.length - 1] === 'function' || (typeof first === 'object' && typeof first?.submit === 'function');
}

export class SerialClient extends pg.Client {}

SerialClient.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
  if (passesThrough(args)) return base.apply(this, args);
  const before = tails.get(this);
  const run = before ? before.then(() => base.apply(this, args) as Promise<unknown>) : (base.apply(this, args) as Promise<unknown>);
  const tail = run.then(ignore, ignore);
  tails.set(this, tail);
  void tail.then(() => {
    if (tails.get(this) === tail) tails.delete(this);
  });
  return run;
} as pg.Client['query'];
