/**
 * Dates as 'YYYY-MM-DD' strings, and "today" in Asia/Shanghai (product.md: Beijing time for every deadline and "today").
 * China has no daylight saving time: Beijing time is always UTC+8.
 */
export type IsoDate = string;

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export function shanghaiToday(now: Date): IsoDate {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since midnight in Beijing time. */
export function shanghaiMinutes(now: Date): number {
  const d = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

const toUtc = (d: IsoDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export function addCalendarDays(d: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(d) + n * 86_400_000);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(d: IsoDate): number {
  return new Date(toUtc(d)).getUTCDay();
}

export function isValidIsoDate(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  return fromUtc(toUtc(d)) === d;
}
