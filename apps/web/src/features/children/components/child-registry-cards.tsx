import { Card, Col, Empty, List, Table, Tag, Typography } from 'antd';
import type { ChildDetail } from '@notoneless/shared';
import { formatDate, formatDateTime } from '../../../lib/format';

type Props = { child: ChildDetail };

/** Where the child appears in the registries now in use, and what each import changed (issue 3, item 9). */
export function ChildRegistryCards({ child }: Props) {
  return (
    <>
      <Col xs={24} lg={12}>
        <Card size="small" title="登记数据中的记录">
          {child.registries.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前使用的登记数据中没有以该身份证号登记的记录" />
          ) : (
            <Table
              size="small"
              rowKey={(r) => `${r.kind}-${r.fileName}-${r.rowNo}`}
              pagination={false}
              scroll={{ x: true }}
              dataSource={child.registries}
              columns={[
                { title: '数据', dataIndex: 'kindLabel', render: (v: string) => <Tag>{v}</Tag> },
                { title: '文件', dataIndex: 'fileName' },
                { title: '行', dataIndex: 'rowNo', width: 60 },
                { title: '登记姓名', dataIndex: 'name' },
                { title: '导入日期', dataIndex: 'committedAt', render: (v: string | null) => formatDate(v) },
              ]}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title="身份信息变更记录">
          {child.identityHistory.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变更" />
          ) : (
            <List
              size="small"
              dataSource={child.identityHistory}
              renderItem={(h) => (
                <List.Item>
                  <div>
                    <Typography.Text strong>{h.fieldLabel}</Typography.Text>：{h.oldValue ?? '（空）'} → {h.newValue ?? '（空）'}
                    <br />
                    <Typography.Text type="secondary">
                      {formatDateTime(h.at)} · {h.sourceLabel}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
    </>
  );
}
