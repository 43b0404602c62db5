import type { SnapshotDetail } from '@notoneless/shared';
import { Card, Col, Descriptions, Row, Statistic } from 'antd';
import { formatDateTime, formatNumber, orDash } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { encodingLabel, sizeText } from '../labels';

const number = (value: number | string) => formatNumber(Number(value));

/** How the file was read and what it holds: rows, importable, rejected, with warnings. */
export function ImportSummary({ detail }: { detail: SnapshotDetail }) {
  const isMobile = useIsMobile();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={isMobile ? 1 : 3}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'encoding', label: '文件编码', children: encodingLabel(detail.encoding) },
          { key: 'size', label: '文件大小', children: sizeText(detail.sizeBytes) },
          { key: 'scope', label: '范围', children: detail.scopeName },
          { key: 'by', label: '上传人', children: orDash(detail.uploadedByName) },
          { key: 'at', label: '上传时间', children: formatDateTime(detail.uploadedAt) },
          ...(detail.committedAt ? [{ key: 'committed', label: '导入时间', children: formatDateTime(detail.committedAt) }] : []),
        ]}
      />
      <Row gutter={[12, 12]}>
        <Col xs={12} sm={6}>
          <Statistic title="总行数" value={detail.rowCount} formatter={number} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title="可导入" value={detail.acceptedCount} formatter={number} styles={{ content: { color: '#389e0d' } }} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            title="拒绝"
            value={detail.rejectedCount}
            formatter={number}
            styles={{ content: detail.rejectedCount ? { color: '#cf1322' } : {} }}
          />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            title="有警告"
            value={detail.warningCount}
            formatter={number}
            styles={{ content: detail.warningCount ? { color: '#d46b08' } : {} }}
          />
        </Col>
      </Row>
    </Card>
  );
}
