import type { LeaveBody, LeaveDto, LeaveStatus, Page, leaveCloseBodySchema, leaveStepBodySchema } from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { SchemaOutput } from '../../lib/schema-types';

export type LeaveStepInput = SchemaOutput<typeof leaveStepBodySchema>;
export type LeaveCloseInput = SchemaOutput<typeof leaveCloseBodySchema>;
export type LeaveQuery = {
  status?: LeaveStatus | 'overdue';
  classId?: string;
  schoolId?: string;
  childId?: string;
  waitingForMe?: boolean;
  page: number;
  pageSize: number;
};

export const leaveKeys = {
  all: ['leaves'] as const,
  list: (query: LeaveQuery) => ['leaves', 'list', query] as const,
  detail: (id: string) => ['leaves', 'detail', id] as const,
};

const leavePath = (id: string, rest = '') => `/api/leaves/${encodeURIComponent(id)}${rest}`;

export function useLeaves(query: LeaveQuery) {
  return useQuery({
    queryKey: leaveKeys.list(query),
    queryFn: ({ signal }) =>
      api.get<Page<LeaveDto>>('/api/leaves', { ...query, waitingForMe: query.waitingForMe ? true : undefined }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLeave(id: string) {
  return useQuery({
    queryKey: leaveKeys.detail(id),
    queryFn: ({ signal }) => api.get<LeaveDto>(leavePath(id), undefined, { signal }),
  });
}

/** A leave changes the class list of its days (pre-marked 事假/病假), the child's attendance and the to-do list. */
function afterLeaveChange(queryClient: QueryClient, leave: LeaveDto) {
  queryClient.setQueryData(leaveKeys.detail(leave.id), leave);
  for (const key of ['leaves', 'attendance', 'inbox', 'home']) void queryClient.invalidateQueries({ queryKey: [key] });
}

export function useCreateLeave() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LeaveBody) => api.post<LeaveDto>('/api/leaves', body),
    onSuccess: (leave) => afterLeaveChange(queryClient, leave),
  });
}

/** Approve / refuse / file the current step (the server checks that it is the current one and whose it is). */
export function useDecideLeaveStep(leaveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ index, body }: { index: number; body: LeaveStepInput }) =>
      api.post<LeaveDto>(leavePath(leaveId, `/steps/${index}`), body),
    onSuccess: (leave) => afterLeaveChange(queryClient, leave),
  });
}

/** 销假: the day the child came back. */
export function useCloseLeave(leaveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LeaveCloseInput) => api.post<LeaveDto>(leavePath(leaveId, '/close'), body),
    onSuccess: (leave) => afterLeaveChange(queryClient, leave),
  });
}
