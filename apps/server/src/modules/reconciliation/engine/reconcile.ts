/**
 * 四查三比对, pure: registry records (with their row numbers) in; findings, the child each record belongs to and a
 * summary out. No IO, no database: the command line feeds it files, the platform feeds it snapshot rows.
 */
import { eligibleBirthRange, schoolYearOf } from '@notoneless/shared/rules/calendar';
import type { DisabilityRecord, HukouRecord, PovertyRecord, RosterRecord, XuejiRecord } from '../../imports/formats/records';
import type { Tables } from './all-records';
import { childLinks, indexChildren } from './children';
import { classifyChildren } from './classify';
import { findingsOf } from './explain';
import { emptyTable, ID_VALID, intToDate, dateToInt, type RecordTable } from './table';
import { tableFromRecords } from './from-records';
import { linkRecords, METHODS, type Ambiguity } from './link';
import {
  CATEGORY_CODES,
  type AgeSettings,
  type CategoryCode,
  type Finding,
  type MatchMethod,
  type ReconcileOptions,
  type ReconcileResult,
  type ResolvedChild,
} from './types';

export type ReconcileInput = {
  hukou: readonly HukouRecord[];
  xueji: readonly XuejiRecord[];
  roster: readonly RosterRecord[];
  poverty?: readonly PovertyRecord[];
  disability?: readonly DisabilityRecord[];
};

/** formats.md defaults (DEFAULT_COUNTY_SETTINGS): school year from 1 September, ages 6–15. */
export const DEFAULT_AGE_SETTINGS: AgeSettings = { schoolYearStart: '09-01', eligibleAgeFrom: 6, eligibleAgeTo: 15 };

export function reconcile(input: ReconcileInput, opts: ReconcileOptions): ReconcileResult {
  return reconcileTables(
    {
      hukou: tableFromRecords('hukou', input.hukou),
      xueji: tableFromRecords('xueji', input.xueji),
      roster: tableFromRecords('roster', input.roster),
      poverty: input.poverty ? tableFromRecords('poverty', input.poverty) : emptyTable('poverty'),
      disability: input.disability ? tableFromRecords('disability', input.disability) : emptyTable('disability'),
    },
    opts,
  );
}

/** The most frequent area code (first 6 digits) among the valid 户籍 ID numbers ('' when there is none). */
export function defaultCountyCode(hukou: RecordTable): string {
  const counts = new Map<string, number>();
  for (let i = 0; i < hukou.size; i++) {
    if (hukou.idState[i] !== ID_VALID) continue;
    const a = String(Math.floor(hukou.idKey[i] / 111_600_000)).padStart(6, '0'); // the area part of the key
    counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  let best = '';
  let most = 0;
  for (const [a, n] of counts) if (n > most || (n === most && a < best)) [best, most] = [a, n];
  return best;
}

export function reconcileTables(tables: Tables, opts: ReconcileOptions): ReconcileResult {
  const settings = opts.settings ?? DEFAULT_AGE_SETTINGS;
  const range = eligibleBirthRange(schoolYearOf(opts.asOf, settings), settings);
  const countyCode = opts.countyCode ?? defaultCountyCode(tables.hukou);
  const schoolYear = schoolYearOf(opts.asOf, settings);
  const linking = linkRecords(tables, {
    exactIdOnly: opts.exactIdOnly,
    schoolYear,
    schoolYearStart: settings.schoolYearStart,
    gradeOneAge: settings.eligibleAgeFrom,
    timings: opts.timings,
    decisions: opts.decisions,
  });
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    if (opts.timings) opts.timings[name] = Math.round(now - t);
    t = now;
  };
  const idx = indexChildren(linking);
  lap('children');
  const { all } = linking;

  const rosterSchools = new Set<string>();
  const roster = tables.roster;
  for (let i = 0; i < roster.size; i++) if (roster.school[i] >= 0) rosterSchools.add(roster.pool[roster.school[i]]);
  const facts = classifyChildren({
    all,
    idx,
    countyCode,
    eligibleFrom: dateToInt(range.from),
    eligibleTo: dateToInt(range.to),
    rosterSchools,
    mayBeRegistered: mayBeRegistered(linking),
  });
  lap('classify');

  const ambiguities = new Map<number, Ambiguity[]>();
  for (const a of linking.ambiguities) {
    const list = ambiguities.get(a.record);
    if (list) list.push(a);
    else ambiguities.set(a.record, [a]);
  }
  const byCategory = new Map<CategoryCode, Finding[]>(CATEGORY_CODES.map((c) => [c, []]));
  for (const f of facts)
    for (const finding of findingsOf({ all, idx, ambiguities, decisionNotes: linking.decisionNotes }, f))
      byCategory.get(finding.code)?.push(finding);
  const findings = CATEGORY_CODES.flatMap((c) => byCategory.get(c) ?? []);
  lap('findings');

  const counts = Object.fromEntries(CATEGORY_CODES.map((c) => [c, byCategory.get(c)?.length ?? 0])) as Record<CategoryCode, number>;
  const links: Partial<Record<MatchMethod, number>> = {};
  for (let e = 0; e < linking.clusters.edges; e++) {
    const m = METHODS[linking.clusters.edgeMethod[e]];
    links[m] = (links[m] ?? 0) + 1;
  }
  const xueji = tables.xueji;
  const missing = new Set<string>();
  for (let i = 0; i < xueji.size; i++) {
    const st = xueji.status[i];
    if ((st === 1 || st === 0) && xueji.homeTaught[i] === 0 && xueji.school[i] >= 0 && !rosterSchools.has(xueji.pool[xueji.school[i]])) {
      missing.add(xueji.pool[xueji.school[i]]);
    }
  }

  let linkCache: ReturnType<typeof childLinks> | null = null;
  let childCache: ResolvedChild[] | null = null;
  return {
    findings,
    get links() {
      return (linkCache ??= childLinks(linking, idx));
    },
    get children() {
      return (childCache ??= resolvedChildren(linking.all, idx));
    },
    summary: {
      counts,
      missingRosters: [...missing].sort(),
      asOf: opts.asOf,
      countyCode,
      eligibleBirthRange: range,
      children: idx.count,
      links,
      ambiguous: ambiguities.size,
      ...(linking.decisions ? { decisions: linking.decisions } : {}),
    },
  };
}

/**
 * Records left apart because several children fitted, when one of those children has a 户籍 record or a valid ID: the
 * record's child is probably registered (the finding lists who), so it is not reported as 无户籍. A namesake that only
 * shares the birth date (unconfirmed) does not make the child registered.
 */
function mayBeRegistered(linking: ReturnType<typeof linkRecords>): Uint8Array {
  const { all, clusters: c } = linking;
  const out = new Uint8Array(all.total);
  for (const a of linking.ambiguities) {
    if (a.by !== 'unconfirmed' && a.candidates.some((t) => c.hukouOf(c.find(t)) > 0 || c.validRepOf(c.find(t)) >= 0)) out[a.record] = 1;
  }
  return out;
}

function resolvedChildren(all: ReturnType<typeof linkRecords>['all'], idx: ReturnType<typeof indexChildren>): ResolvedChild[] {
  const out: ResolvedChild[] = [];
  for (let k = 0; k < idx.count; k++) {
    let best = -1;
    let named = -1;
    for (let m = idx.start[k]; m < idx.start[k + 1]; m++) {
      const g = idx.members[m];
      if (named < 0) named = g;
      if (best < 0 && all.idState[g] === ID_VALID) best = g;
    }
    const id = best >= 0 ? all.idOf(best) : '';
    const birth = intToDate(all.birth[named] || (best >= 0 ? all.birth[best] : 0));
    const gender = all.gender[named] === 1 ? '男' : all.gender[named] === 2 ? '女' : '';
    const school = all.text(named, 'school');
    out.push({ key: id || `${all.name[named]}|${birth}|${school}`, name: all.name[named], idNumber: id, birthDate: birth, gender });
  }
  return out;
}
