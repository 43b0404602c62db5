import { hasRole, type Actor } from './actor';
import { canListChildren } from './children.policy';

/** Ledgers are read by whoever may see the children in them (scope applies). */
export const canReadLedgers = canListChildren;

/** A teacher's report or a 摸排 puts a child in the 疑似辍学 ledger (issue 4; cases issue later). */
export const canAddLedgerEntry = (a: Actor) =>
  hasRole(a, 'county_admin', 'unit_admin', 'school_admin', 'head_teacher', 'township_official', 'village_official');

/** 认定辍学 and 动态销号: the school, the 中心校, the county (and the township for children of its area). */
export const canDecideLedger = (a: Actor) => hasRole(a, 'county_admin', 'unit_admin', 'school_admin', 'township_official');

export const canExportLedgers = (a: Actor) => hasRole(a, 'county_admin', 'unit_admin', 'school_admin', 'county_leader');
