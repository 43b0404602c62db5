import { shanghaiToday, type HomeSummary } from '@notoneless/shared';
import type { Ctx } from '../../http/context';
import { hasRole } from '../../policies/actor';
import { auditActionLabel } from '../audit/audit-actions';
import { scopeNameOf, scopeNames } from '../users/scope-names.repository';
import * as repo from './home.repository';

/** The home page's "my scope at a glance": real numbers from the database for the actor's own jurisdiction. */
export async function summary(ctx: Ctx): Promise<HomeSummary> {
  const a = ctx.actor;
  const classSchools = await repo.classSchoolIds(ctx.db, a.countyCode, a.scope.classIds);
  const [counts, keyGroups, byTownship, byGrade, names, recent] = await Promise.all([
    repo.scopeCounts(ctx.db, a.scope, classSchools),
    repo.keyGroupCounts(ctx.db, a.scope),
    repo.childrenByTownship(ctx.db, a.scope),
    repo.childrenByGrade(ctx.db, a.scope),
    scopeNames(ctx.db, a.countyCode, a.grants),
    repo.recentActivity(ctx.db, a.countyCode, hasRole(a, 'county_admin', 'county_leader') ? null : a.userId),
  ]);
  return {
    scopeLabel: a.grants.map((g) => scopeNameOf(names, g)).join('、'),
    today: shanghaiToday(ctx.now),
    counts,
    keyGroups,
    byTownship,
    byGrade,
    recentActivity: recent.map((r) => ({ at: r.at.toISOString(), actorName: r.actorName, actionLabel: auditActionLabel(r.action) })),
  };
}
