import type { Abilities, Page, Role, User, resetPasswordBodySchema, userCreateSchema, userUpdateSchema } from '@notoneless/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { SchemaOutput } from '../../lib/schema-types';

export type UserQuery = { q?: string; role?: Role; includeInactive?: boolean; page?: number; pageSize?: number };
export type UserDetail = User & { abilities?: Abilities };
export type UserCreateInput = SchemaOutput<typeof userCreateSchema>;
export type UserUpdateInput = SchemaOutput<typeof userUpdateSchema>;
export type ResetPasswordInput = SchemaOutput<typeof resetPasswordBodySchema>;

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserQuery) => ['users', 'list', query] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<User>>('/api/users', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: userKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<UserDetail>(`/api/users/${encodeURIComponent(id ?? '')}`, undefined, { signal }),
    enabled: Boolean(id),
  });
}

function useUserMutation<V>(fn: (input: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export const useCreateUser = () => useUserMutation((input: UserCreateInput) => api.post<User>('/api/users', input));

export const useUpdateUser = () =>
  useUserMutation(({ id, input }: { id: string; input: UserUpdateInput }) => api.patch<User>(userPath(id), input));

export const useResetPassword = () =>
  useUserMutation(({ id, input }: { id: string; input: ResetPasswordInput }) => api.post<unknown>(`${userPath(id)}/reset-password`, input));

export const useUnlockUser = () => useUserMutation((id: string) => api.post<unknown>(`${userPath(id)}/unlock`));
