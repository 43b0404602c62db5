import { Pagination } from 'antd';

type Props = { total: number | undefined; page: number; pageSize: number; onChange: (page: number, pageSize: number) => void };

/** The pager under a list of cards (审批, 请假, 转介, 预警): shown only when there is more than one page. */
export function CardPager({ total, page, pageSize, onChange }: Props) {
  if (total === undefined || total <= pageSize) return null;
  return (
    <Pagination align="end" size="small" current={page} pageSize={pageSize} total={total} onChange={onChange} showSizeChanger={false} />
  );
}
