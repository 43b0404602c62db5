import type { BriefPreview, CaseListItem, Page } from '@notoneless/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { downloadFile } from '../../lib/download';

export const briefKeys = {
  preview: (month: string) => ['briefs', 'preview', month] as const,
  caseSearch: (q: string) => ['briefs', 'cases', q] as const,
};

export function useBriefPreview(month: string) {
  return useQuery({
    queryKey: briefKeys.preview(month),
    queryFn: ({ signal }) => api.get<BriefPreview>(`/api/briefs/${month}/preview`, undefined, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Cases to pick as 典型案例: the cases list API, searched by name / pinyin / ID number. */
export function useCaseSearch(q: string) {
  return useQuery({
    queryKey: briefKeys.caseSearch(q),
    queryFn: ({ signal }) =>
      api.get<Page<CaseListItem>>('/api/cases', { q: q || undefined, status: undefined, page: 1, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const downloadBrief = (month: string, caseIds: string[]) =>
  downloadFile(`/api/briefs/${month}.docx`, { caseIds: caseIds.join(',') || undefined }, `控辍保学简报-${month}.docx`);
