import type { Me, Page, Unit } from '@notoneless/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { unitKeys } from '../../units/api';

/** Where this user's 「运行比对」 runs: the whole county, or their own township; `null` when they cannot run it. */
export type RunScope = { kind: 'county' } | { kind: 'township'; code: string; name: string };

/**
 * The county admin runs for the county; a township official for their township; a 中心校 (unit admin) for its
 * unit's township. The server decides again (403 otherwise).
 */
export function useRunScope(me: Me): { scope: RunScope | null; loading: boolean } {
  const canRun = me.can['reconciliation.run'] === true;
  const county = me.roles.some((r) => r.role === 'county_admin' && r.scopeKind === 'county');
  const township = me.roles.find((r) => r.role === 'township_official' && r.scopeKind === 'township');
  const unitGrant = me.roles.find((r) => r.role === 'unit_admin' && r.scopeKind === 'unit');
  const needUnits = canRun && !county && !township && unitGrant !== undefined;
  // the units list as features/units loads it (same key, same data), only when needed
  const units = useQuery({
    queryKey: unitKeys.list(),
    queryFn: async ({ signal }) => {
      const body = await api.get<Unit[] | Page<Unit>>('/api/units', undefined, { signal });
      return Array.isArray(body) ? body : body.items;
    },
    staleTime: 60_000,
    enabled: needUnits,
  });
  if (!canRun) return { scope: null, loading: false };
  if (county) return { scope: { kind: 'county' }, loading: false };
  if (township) return { scope: { kind: 'township', code: township.scopeId, name: township.scopeName }, loading: false };
  if (!unitGrant) return { scope: null, loading: false };
  const unit = units.data?.find((u) => u.id === unitGrant.scopeId);
  if (!unit?.townshipCode) return { scope: null, loading: units.isLoading };
  return { scope: { kind: 'township', code: unit.townshipCode, name: unit.townshipName ?? unit.name }, loading: false };
}
