import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { REGISTRY_KIND_LABELS, type RegistryKindName, type Snapshot } from '@notoneless/shared';
import { App, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api';
import { formatDateTime, formatNumber, orDash } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { downloadTemplate, useSnapshots } from '../api';
import type { ImportTarget } from '../targets';

const KIND_HINTS: Record<RegistryKindName, string> = {
  hukou: '公安户籍登记的儿童（身份证号、出生日期、户籍地）',
  xueji: '学籍系统导出的学生学籍',
  roster: '各班本学期实际在校的学生名单',
  poverty: '脱贫户、监测户、低保户、特困供养人员名单',
  disability: '残联登记的残疾人（残疾证号、类别、等级）',
};

type Props = { targets: ImportTarget[]; onUpload: (target: ImportTarget) => void };

/** One card per registry the user looks after, with the version in use for comparisons. */
export function CurrentSnapshotCards({ targets, onUpload }: Props) {
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 24 }}>
      {targets.map((target) => (
        <Col key={`${target.kind}-${target.school?.id ?? 'county'}`} xs={24} md={12} xl={8}>
          <CurrentSnapshotCard target={target} onUpload={onUpload} />
        </Col>
      ))}
    </Row>
  );
}

function CurrentSnapshotCard({ target, onUpload }: { target: ImportTarget; onUpload: (target: ImportTarget) => void }) {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [downloading, setDownloading] = useState(false);
  // a school's roster: its own committed roster among the few it can see; a county kind: the latest committed one
  const query = useSnapshots({ kind: target.kind, status: 'committed', pageSize: target.school ? 50 : 1 });
  const items = query.data?.items ?? [];
  const current: Snapshot | undefined = target.school ? items.find((s) => s.scopeId === target.school?.id) : items[0];
  const others = !target.school && target.kind === 'roster' ? (query.data?.total ?? 0) : 0;
  const title = target.school ? `${REGISTRY_KIND_LABELS[target.kind]} · ${target.school.name}` : REGISTRY_KIND_LABELS[target.kind];

  const onTemplate = async () => {
    setDownloading(true);
    try {
      await downloadTemplate(target.kind);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card size="small" title={title} style={{ height: '100%' }} styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12 } }}>
      <Typography.Text type="secondary">{KIND_HINTS[target.kind]}</Typography.Text>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : current ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'file',
              label: '当前使用',
              children: (
                <Link to={`/imports/${current.id}`} style={{ wordBreak: 'break-all' }}>
                  {current.fileName}
                </Link>
              ),
            },
            { key: 'at', label: '导入时间', children: formatDateTime(current.committedAt ?? current.uploadedAt) },
            {
              key: 'rows',
              label: '行数',
              children: `${formatNumber(current.acceptedCount)} 行${current.rejectedCount ? `（拒绝 ${formatNumber(current.rejectedCount)} 行）` : ''}`,
            },
            { key: 'by', label: '导入人', children: orDash(current.uploadedByName) },
            ...(others > 1 ? [{ key: 'others', label: '在用名册', children: `共 ${formatNumber(others)} 份（全县及各校）` }] : []),
          ]}
        />
      ) : (
        <Typography.Text type="secondary" style={{ flex: 1 }}>
          尚未导入，比对时没有这份数据。
        </Typography.Text>
      )}
      <Flex gap={8} wrap vertical={isMobile} style={{ marginTop: 'auto' }}>
        {target.canUpload ? (
          <Button type="primary" icon={<UploadOutlined />} block={isMobile} onClick={() => onUpload(target)}>
            上传新文件
          </Button>
        ) : null}
        <Button icon={<DownloadOutlined />} block={isMobile} loading={downloading} onClick={() => void onTemplate()}>
          下载模板
        </Button>
      </Flex>
    </Card>
  );
}
