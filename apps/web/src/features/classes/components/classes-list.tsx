import type { SchoolClass } from '@notoneless/shared';
import { QueryError } from '../../../components/query-error';
import { serverPagination } from '../../../lib/table';
import { useClasses, type ClassQuery } from '../api';
import { ClassesTable } from './classes-table';

type Props = {
  query: ClassQuery & { page: number; pageSize: number };
  onPage: (page: number, pageSize: number) => void;
  canManage: boolean;
  showSchool?: boolean;
  onEdit: (schoolClass: SchoolClass) => void;
};

/** Classes for a query, paged by the server. */
export function ClassesList({ query, onPage, canManage, showSchool, onEdit }: Props) {
  const result = useClasses(query);
  return (
    <>
      {result.error ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <ClassesTable
        classes={result.data?.items}
        loading={result.isFetching}
        pagination={serverPagination(query.page, query.pageSize, result.data?.total, onPage)}
        canManage={canManage}
        showSchool={showSchool}
        onEdit={onEdit}
      />
    </>
  );
}
