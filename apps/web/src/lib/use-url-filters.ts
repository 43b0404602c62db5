import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { QueryValue } from './api';

export const DEFAULT_PAGE_SIZE = 20;

export type UrlFilters<K extends string> = {
  filters: Partial<Record<K, string>>;
  page: number;
  pageSize: number;
  /** Change some filters; the page goes back to 1. */
  setFilters: (patch: Partial<Record<K, QueryValue>>) => void;
  setPage: (page: number, pageSize: number) => void;
  reset: () => void;
};

/**
 * List filters and paging live in the URL query string, so every count can link to the list behind it.
 * `keys` should be a module-level constant.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]): UrlFilters<K> {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const result: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value !== null && value !== '') result[key] = value;
    }
    return result;
  }, [params, keys]);

  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE));

  const setFilters = useCallback(
    (patch: Partial<Record<K, QueryValue>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch) as [K, QueryValue][]) {
            if (value === undefined || value === null || value === '' || value === false) next.delete(key);
            else next.set(key, String(value));
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize: number) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('page', String(nextSize === pageSize ? nextPage : 1));
        if (nextSize === DEFAULT_PAGE_SIZE) next.delete('pageSize');
        else next.set('pageSize', String(nextSize));
        if (next.get('page') === '1') next.delete('page');
        return next;
      });
    },
    [setParams, pageSize],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { filters, page, pageSize, setFilters, setPage, reset };
}
