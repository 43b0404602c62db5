import { PlusOutlined } from '@ant-design/icons';
import { ROLES, ROLE_LABELS, type User } from '@notoneless/shared';
import { Button, Checkbox, Select } from 'antd';
import { useMe } from '../app/auth-context';
import { FilterBar } from '../components/filter-bar';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { SearchInput } from '../components/search-input';
import { useUsers } from '../features/users/api';
import { ResetPasswordModal } from '../features/users/components/reset-password-modal';
import { UserFormDrawer } from '../features/users/components/user-form-drawer';
import { UsersTable } from '../features/users/components/users-table';
import { canManage } from '../lib/abilities';
import { oneOf } from '../lib/select';
import { serverPagination } from '../lib/table';
import { useEditor } from '../lib/use-editor';
import { useUrlFilters } from '../lib/use-url-filters';

const FILTER_KEYS = ['q', 'role', 'includeInactive'] as const;
const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function UsersPage() {
  const me = useMe();
  const manage = canManage(me, 'users');
  const { filters, page, pageSize, setFilters, setPage, reset } = useUrlFilters(FILTER_KEYS);
  const editor = useEditor<string | null>();
  const resetter = useEditor<User>();
  const query = useUsers({
    q: filters.q,
    role: oneOf(ROLES, filters.role),
    includeInactive: filters.includeInactive === 'true' || undefined,
    page,
    pageSize,
  });

  return (
    <>
      <PageHeader
        title="用户"
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.open(null)}>
              新增用户
            </Button>
          ) : null
        }
      />
      <FilterBar onReset={reset}>
        <SearchInput value={filters.q} placeholder="姓名、用户名或手机号" onSearch={(q) => setFilters({ q })} />
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder="全部角色"
          options={ROLE_OPTIONS}
          value={filters.role}
          onChange={(role?: string) => setFilters({ role })}
        />
        <Checkbox checked={filters.includeInactive === 'true'} onChange={(e) => setFilters({ includeInactive: e.target.checked })}>
          显示已停用
        </Checkbox>
      </FilterBar>
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <UsersTable
        users={query.data?.items}
        loading={query.isFetching}
        pagination={serverPagination(page, pageSize, query.data?.total, setPage)}
        canManage={manage}
        meId={me.id}
        onEdit={(user) => editor.open(user.id)}
        onResetPassword={resetter.open}
      />
      <UserFormDrawer key={editor.key} userId={editor.target} onClose={editor.close} />
      <ResetPasswordModal key={`reset-${resetter.key}`} user={resetter.target ?? null} onClose={resetter.close} />
    </>
  );
}
