import type { ApprovalRight, Role, ScopeKind } from '@notoneless/shared';

export type Grant = { role: Role; scopeKind: ScopeKind; scopeId: string };

/**
 * What an actor may see, already expanded to ids (county ⊃ unit/township ⊃ school ⊃ class, plus village).
 * Children are visible when any of these covers them; see childVisible() and the SQL in policies/scope-sql.ts.
 */
export type Scope = {
  countyCode: string;
  /** the whole county */
  county: boolean;
  /** schools whose children, classes and data the actor sees (school, unit and township grants) */
  schoolIds: string[];
  /** classes of head teachers */
  classIds: string[];
  /** townships whose household-registered children the actor sees (township grants, 中心校 of the township) */
  townshipCodes: string[];
  /** villages whose household-registered children the actor sees */
  villageCodes: string[];
  /** management units the actor administers */
  unitIds: string[];
  /** departments a liaison speaks for */
  departments: string[];
};

export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  countyCode: string;
  grants: Grant[];
  approvalRights: ApprovalRight[];
  scope: Scope;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
};

export const hasRole = (actor: Actor, ...roles: Role[]) => actor.grants.some((g) => roles.includes(g.role));

/** Facts about what a unit/township/class grant expands to, loaded by the access repository. */
export type ScopeExpansion = {
  /** unit id → its schools and (for a 中心校) its township */
  units: Record<string, { schoolIds: string[]; townshipCode: string | null }>;
  /** township code → schools located in it */
  townships: Record<string, string[]>;
};

/** Pure: grants + expansion facts → the actor's scope. */
export function buildScope(countyCode: string, grants: Grant[], exp: ScopeExpansion): Scope {
  const s: Scope = {
    countyCode,
    county: false,
    schoolIds: [],
    classIds: [],
    townshipCodes: [],
    villageCodes: [],
    unitIds: [],
    departments: [],
  };
  for (const g of grants) {
    switch (g.scopeKind) {
      case 'county':
        if (g.scopeId === countyCode) s.county = true;
        break;
      case 'unit': {
        s.unitIds.push(g.scopeId);
        const u = exp.units[g.scopeId];
        if (u) {
          s.schoolIds.push(...u.schoolIds);
          if (u.townshipCode) s.townshipCodes.push(u.townshipCode);
        }
        break;
      }
      case 'township':
        s.townshipCodes.push(g.scopeId);
        s.schoolIds.push(...(exp.townships[g.scopeId] ?? []));
        break;
      case 'school':
        s.schoolIds.push(g.scopeId);
        break;
      case 'class':
        s.classIds.push(g.scopeId);
        break;
      case 'village':
        s.villageCodes.push(g.scopeId);
        break;
      case 'department':
        s.departments.push(g.scopeId);
        break;
    }
  }
  const uniq = (a: string[]) => [...new Set(a)];
  return {
    ...s,
    schoolIds: uniq(s.schoolIds),
    classIds: uniq(s.classIds),
    townshipCodes: uniq(s.townshipCodes),
    villageCodes: uniq(s.villageCodes),
    unitIds: uniq(s.unitIds),
    departments: uniq(s.departments),
  };
}

/** The facts about a child that scope decisions need. */
export type ChildPlacement = {
  countyCode: string;
  schoolId: string | null;
  classId: string | null;
  householdTownshipCode: string | null;
  householdVillageCode: string | null;
};

/** Pure twin of the SQL predicate in scope-sql.ts (tests check they agree). */
export function childVisible(scope: Scope, c: ChildPlacement): boolean {
  if (c.countyCode !== scope.countyCode) return false;
  if (scope.county) return true;
  return (
    (c.schoolId !== null && scope.schoolIds.includes(c.schoolId)) ||
    (c.classId !== null && scope.classIds.includes(c.classId)) ||
    (c.householdTownshipCode !== null && scope.townshipCodes.includes(c.householdTownshipCode)) ||
    (c.householdVillageCode !== null && scope.villageCodes.includes(c.householdVillageCode))
  );
}
