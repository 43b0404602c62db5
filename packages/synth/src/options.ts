/** Defaults and validation of SynthOptions. */
import type { SynthOptions } from './types';

export type ResolvedOptions = Required<SynthOptions> & {
  /** Year Y in which the school year of asOf began (1 September; formats.md). */
  schoolYear: number;
};

export const DEFAULT_OPTIONS: Required<SynthOptions> = {
  seed: 1,
  countyCode: '410182',
  countyName: '荥阳市',
  children: 20000,
  townships: 14,
  villagesPerTownship: 18,
  asOf: '2026-10-15',
};

/** Children per school (about one school per 330 children, minimum 6). */
export const CHILDREN_PER_SCHOOL = 330;
export const MIN_SCHOOLS = 6;

export function resolveOptions(opts: SynthOptions = {}): ResolvedOptions {
  const o: Required<SynthOptions> = { ...DEFAULT_OPTIONS };
  for (const [k, v] of Object.entries(opts)) {
    if (v !== undefined) Object.assign(o, { [k]: v });
  }
  if (!/^\d{6}$/.test(o.countyCode)) throw new RangeError(`countyCode must be 6 digits: ${o.countyCode}`);
  if (!Number.isInteger(o.seed)) throw new RangeError(`seed must be an integer: ${o.seed}`);
  if (!Number.isInteger(o.children) || o.children < 0) throw new RangeError(`children must be ≥ 0: ${o.children}`);
  if (!Number.isInteger(o.townships) || o.townships < 1 || o.townships > 99) {
    throw new RangeError(`townships must be 1..99: ${o.townships}`);
  }
  if (!Number.isInteger(o.villagesPerTownship) || o.villagesPerTownship < 1 || o.villagesPerTownship > 400) {
    throw new RangeError(`villagesPerTownship must be 1..400: ${o.villagesPerTownship}`);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(o.asOf);
  if (!m) throw new RangeError(`asOf must be YYYY-MM-DD: ${o.asOf}`);
  const year = Number(m[1]);
  const schoolYear = Number(m[2]) >= 9 ? year : year - 1;
  return { ...o, schoolYear };
}
