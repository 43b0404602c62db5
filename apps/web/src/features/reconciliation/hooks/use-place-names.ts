import type { Division, Page } from '@notoneless/shared';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../../lib/api';
import { divisionKeys, useTownshipOptions, type DivisionQuery } from '../../divisions/api';

type Placed = { schoolName: string | null; townshipCode: string | null; villageCode: string | null };

/**
 * Where a finding belongs, in words: its school, else its household village (乡镇 · 村), else its township.
 * Loads the townships once and the villages of the townships in `findings`.
 */
export function usePlaceNames(findings: readonly Placed[] | undefined): (f: Placed) => string {
  const townships = useTownshipOptions();
  const townshipCodes = useMemo(
    () => [...new Set((findings ?? []).map((f) => f.villageCode?.slice(0, 9)).filter((c): c is string => Boolean(c)))].sort(),
    [findings],
  );
  const villages = useQueries({
    queries: townshipCodes.map((parentCode) => {
      const query: DivisionQuery = { level: 'village', parentCode, pageSize: 200 };
      return {
        queryKey: divisionKeys.list(query),
        queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Page<Division>>('/api/divisions', query, { signal }),
        staleTime: 300_000,
      };
    }),
  });
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const t of townships.options) map.set(t.value, t.label);
    for (const q of villages) for (const v of q.data?.items ?? []) map.set(v.code, v.name);
    return map;
  }, [townships.options, villages]);

  return (f) => {
    if (f.schoolName) return f.schoolName;
    const township = f.townshipCode ?? f.villageCode?.slice(0, 9) ?? null;
    const townshipName = township ? names.get(township) : undefined;
    if (f.villageCode) return [townshipName, names.get(f.villageCode) ?? f.villageCode].filter(Boolean).join(' · ');
    return townshipName ?? township ?? '—';
  };
}
