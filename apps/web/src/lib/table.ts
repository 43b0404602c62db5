import type { TablePaginationConfig } from 'antd';
import { formatNumber } from './format';

/** Pagination bound to the API's { page, pageSize, total }. */
export function serverPagination(
  page: number,
  pageSize: number,
  total: number | undefined,
  onChange: (page: number, pageSize: number) => void,
): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (count) => `共 ${formatNumber(count)} 条`,
    onChange,
    responsive: true,
    size: 'small',
  };
}
