import type { RegistryKindName } from '@notoneless/shared';
import { hasRole, type Actor } from './actor';

/**
 * Registry imports (issue 3, item 6): the county imports 户籍, 脱贫户, 残疾人 and 学籍 for the county (and may load a
 * county-wide roster); a school uploads its own 在校名册 (rows of other schools are rejected).
 */
export function canImport(a: Actor, kind: RegistryKindName, schoolId: string | null): boolean {
  if (hasRole(a, 'county_admin')) return true;
  return kind === 'roster' && schoolId !== null && a.grants.some((g) => g.role === 'school_admin' && g.scopeId === schoolId);
}

/** Who sees a snapshot: the county admin and leaders all of them; a school its own rosters. */
export function canSeeSnapshot(a: Actor, s: { scopeKind: string; scopeId: string }): boolean {
  if (hasRole(a, 'county_admin', 'county_leader')) return true;
  return s.scopeKind === 'school' && a.grants.some((g) => g.role === 'school_admin' && g.scopeId === s.scopeId);
}

export const canManageSnapshot = (a: Actor, s: { scopeKind: string; scopeId: string; uploadedBy: string | null }) =>
  hasRole(a, 'county_admin') || (canSeeSnapshot(a, s) && s.uploadedBy === a.userId);

/** The 数据比对 menu: whoever can import something. */
export const canOpenImports = (a: Actor) => hasRole(a, 'county_admin', 'county_leader', 'school_admin');
