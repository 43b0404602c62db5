import type {
  eligibleRowSchema,
  KeyGroup,
  LedgerBalanceDto,
  LedgerEntryDto,
  LedgerKind,
  ledgerEntryCreateSchema,
  ledgerEntryDetailSchema,
  Page,
} from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import type { SchemaOutput } from '../../lib/schema-types';

export type EligibleRow = SchemaOutput<typeof eligibleRowSchema>;
export type LedgerEntryDetail = SchemaOutput<typeof ledgerEntryDetailSchema>;
export type LedgerEvent = LedgerEntryDetail['events'][number];
export type LedgerEntryCreateInput = SchemaOutput<typeof ledgerEntryCreateSchema>;
export type EntryState = 'open' | 'closed' | 'all';

/** The filters every ledger list shares (and its export). */
export type LedgerFilters = {
  townshipCode?: string;
  schoolId?: string;
  grade?: number;
  keyGroup?: KeyGroup;
  q?: string;
};
export type EligibleFilters = LedgerFilters & { category?: string };
export type EntryFilters = LedgerFilters & { state: EntryState };
type Paged<F> = F & { page: number; pageSize: number };

export const ledgerKeys = {
  all: ['ledgers'] as const,
  balance: (scope: { townshipCode?: string; schoolId?: string }) => ['ledgers', 'balance', scope] as const,
  eligible: (query: Paged<EligibleFilters>) => ['ledgers', 'eligible', query] as const,
  entries: (ledger: LedgerKind, query: Paged<EntryFilters>) => ['ledgers', 'entries', ledger, query] as const,
  entry: (id: string) => ['ledgers', 'entry', id] as const,
};

const entryPath = (id: string, rest = '') => `/api/ledgers/entries/${encodeURIComponent(id)}${rest}`;

/** 人账相符: the 适龄儿童台账's categories and whether they add up (for a township or school, or the whole scope). */
export function useLedgerBalance(scope: { townshipCode?: string; schoolId?: string }) {
  return useQuery({
    queryKey: ledgerKeys.balance(scope),
    queryFn: ({ signal }) => api.get<LedgerBalanceDto>('/api/ledgers/balance', scope, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEligible(query: Paged<EligibleFilters>) {
  return useQuery({
    queryKey: ledgerKeys.eligible(query),
    queryFn: ({ signal }) => api.get<Page<EligibleRow>>('/api/ledgers/eligible', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLedgerEntries(ledger: LedgerKind, query: Paged<EntryFilters>) {
  return useQuery({
    queryKey: ledgerKeys.entries(ledger, query),
    queryFn: ({ signal }) => api.get<Page<LedgerEntryDto>>(`/api/ledgers/${ledger}/entries`, query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLedgerEntry(id: string) {
  return useQuery({
    queryKey: ledgerKeys.entry(id),
    queryFn: ({ signal }) => api.get<LedgerEntryDetail>(entryPath(id), undefined, { signal }),
  });
}

/**
 * A ledger change moves the child between categories (and may set the child's status): every ledger view, the
 * children registry and the home numbers are stale afterwards. The answer (an entry with its history) is cached.
 */
function useEntryMutation<V>(fn: (vars: V) => Promise<LedgerEntryDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      queryClient.setQueryData(ledgerKeys.entry(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: ledgerKeys.all, predicate: (q) => q.queryKey[2] !== detail.id });
      void queryClient.invalidateQueries({ queryKey: ['children'] });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
    },
    onError: () => {
      // a conflict means the entry changed under us: show what it is now
      void queryClient.invalidateQueries({ queryKey: ledgerKeys.all });
    },
  });
}

/** 登记疑似辍学 (教师报告 / 摸排); 409 when the child is already in that ledger. */
export function useAddLedgerEntry() {
  return useEntryMutation((input: LedgerEntryCreateInput) => api.post<LedgerEntryDetail>('/api/ledgers/entries', input));
}

export type LedgerWhich = 'eligible' | LedgerKind;
const FILE_NAMES: Record<LedgerWhich, string> = {
  eligible: '适龄儿童台账.xlsx',
  suspected: '疑似辍学台账.xlsx',
  dropout: '辍学学生台账.xlsx',
};

/** A ledger as XLSX with the filters on screen (IDs masked by the server). */
export function exportLedger(which: LedgerWhich, filters: EligibleFilters | EntryFilters): Promise<void> {
  return downloadFile(`/api/ledgers/export/${which}`, filters, FILE_NAMES[which]);
}
