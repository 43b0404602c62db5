import { medianDays } from '@notoneless/shared';
import type {
  AttendanceFact,
  CaseMonthFact,
  CaseYearFact,
  ChildFact,
  KeyGroupFact,
  OverdueKindFact,
  SchoolRow,
  SilentClass,
} from './dashboards.repository';

/**
 * Rolls the grains of the fact queries up to every school, township and the county. A child (and the child's cases)
 * counts in its school, and in a township when the household or the school is there — the same rule as the list pages'
 * `townshipCode` filter, so a figure and the list behind it agree. Daily reports count in the school's township.
 */

export type MonthData = { sus: number; drop: number; ret: number; enrolled: number; present: number; unexplained: number; days: number };
export type ItemList<T> = { count: number; items: T[] };

/** What one snapshot row holds for one unit (school, township or the county). */
export type UnitData = {
  /** 适龄儿童 by 台账 category */
  cat: Record<string, number>;
  register: number;
  graduates: number;
  openSuspected: number;
  openDropout: number;
  keyGroups: Record<string, { n: number; s: number; d: number }>;
  months: Record<string, MonthData>;
  yearDropouts: number;
  confirmed: number;
  confirmedReturned: number;
  returnedInYear: number;
  medianDays: number | null;
  overdue: number;
  overdueByKind: Record<string, number>;
  silentClasses: ItemList<{ classId: string; className: string; schoolName: string }>;
  lateReports: ItemList<{ schoolId: string; schoolName: string; status: string }>;
};

export const ITEM_CAP = 20;

const emptyUnit = (): UnitData & { returnDays: number[] } => ({
  cat: {},
  register: 0,
  graduates: 0,
  openSuspected: 0,
  openDropout: 0,
  keyGroups: {},
  months: {},
  yearDropouts: 0,
  confirmed: 0,
  confirmedReturned: 0,
  returnedInYear: 0,
  medianDays: null,
  overdue: 0,
  overdueByKind: {},
  silentClasses: { count: 0, items: [] },
  lateReports: { count: 0, items: [] },
  returnDays: [],
});

const emptyMonth = (): MonthData => ({ sus: 0, drop: 0, ret: 0, enrolled: 0, present: 0, unexplained: 0, days: 0 });

export type Facts = {
  children: ChildFact[];
  keyGroups: KeyGroupFact[];
  caseMonths: CaseMonthFact[];
  caseYear: CaseYearFact[];
  overdueKinds: OverdueKindFact[];
  attendance: AttendanceFact[];
  silent: SilentClass[];
  /** schools with their 月报 status; `late` decides whether a status counts as late */
  schools: SchoolRow[];
  lateReportsPastDue: boolean;
  townshipCodes: string[];
};

const add = (r: Record<string, number>, k: string, n: number) => {
  r[k] = (r[k] ?? 0) + n;
};
const push = <T>(l: ItemList<T>, item: T) => {
  l.count++;
  if (l.items.length < ITEM_CAP) l.items.push(item);
};

/** Every unit's data: 'county', 'township:<code>', 'school:<id>'. */
export function rollUp(f: Facts): Map<string, UnitData> {
  const units = new Map<string, ReturnType<typeof emptyUnit>>();
  const unit = (key: string) => {
    let u = units.get(key);
    if (!u) units.set(key, (u = emptyUnit()));
    return u;
  };
  unit('county');
  for (const t of f.townshipCodes) unit(`township:${t}`);
  const schoolTownship = new Map(f.schools.map((s) => [s.id, s.township_code]));
  for (const s of f.schools) if (s.active) unit(`school:${s.id}`);

  /** the units a grain counts in */
  const memo = new Map<string, ReturnType<typeof emptyUnit>[]>();
  const unitsOf = (sid: string | null, hh: string | null) => {
    const k = `${sid ?? ''}|${hh ?? ''}`;
    let r = memo.get(k);
    if (r) return r;
    r = [unit('county')];
    const st = sid ? schoolTownship.get(sid) : undefined;
    if (sid && st !== undefined) r.push(unit(`school:${sid}`));
    const ts = new Set([hh, st].filter((x): x is string => !!x));
    for (const t of ts) r.push(unit(`township:${t}`));
    memo.set(k, r);
    return r;
  };
  const month = (u: UnitData, m: string) => (u.months[m] ??= emptyMonth());

  for (const x of f.children)
    for (const u of unitsOf(x.sid, x.hh)) {
      if (x.eligible) add(u.cat, x.cat, x.n);
      if (x.register) u.register += x.n;
      if (x.graduated) u.graduates += x.n;
      if (x.open_s) u.openSuspected += x.n;
      if (x.open_d) u.openDropout += x.n;
    }
  for (const x of f.keyGroups)
    for (const u of unitsOf(x.sid, x.hh)) {
      const g = (u.keyGroups[x.grp] ??= { n: 0, s: 0, d: 0 });
      g.n += x.n;
      g.s += x.s;
      g.d += x.d;
    }
  for (const x of f.caseMonths) for (const u of unitsOf(x.sid, x.hh)) month(u, x.m)[x.kind] += x.n;
  for (const x of f.caseYear)
    for (const u of unitsOf(x.sid, x.hh)) {
      u.yearDropouts += x.year_dropouts;
      u.confirmed += x.confirmed;
      u.confirmedReturned += x.confirmed_returned;
      u.overdue += x.overdue;
      for (const d of x.return_days ?? []) u.returnDays.push(Number(d));
    }
  for (const x of f.overdueKinds) for (const u of unitsOf(x.sid, x.hh)) add(u.overdueByKind, x.kind, x.n);
  for (const x of f.attendance)
    for (const u of unitsOf(x.sid, null)) {
      const m = month(u, x.m);
      m.enrolled += x.enrolled;
      m.present += x.present;
      m.unexplained += x.unexplained;
      m.days = Math.max(m.days, x.days);
    }
  for (const x of f.silent)
    for (const u of unitsOf(x.sid, null))
      push(u.silentClasses, { classId: x.class_id, className: x.class_name, schoolName: x.school_name });
  if (f.lateReportsPastDue)
    for (const s of f.schools)
      if (s.active && s.report_status !== 'submitted' && s.report_status !== 'accepted')
        for (const u of unitsOf(s.id, null))
          push(u.lateReports, { schoolId: s.id, schoolName: s.name, status: s.report_status ?? 'not_started' });

  const out = new Map<string, UnitData>();
  for (const [k, u] of units) {
    const { returnDays, ...rest } = u;
    out.set(k, { ...rest, returnedInYear: returnDays.length, medianDays: medianDays(returnDays) });
  }
  return out;
}
