import { DownloadOutlined } from '@ant-design/icons';
import type { BriefPreview } from '@notoneless/shared';
import { Alert, App, Button, Card, Descriptions, Flex, List, Spin, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { downloadBrief, useBriefPreview } from '../features/briefs/api';
import { CasePicker, MAX_BRIEF_CASES, type PickedCase } from '../features/briefs/components/case-picker';
import { RequireCan } from '../features/inbox/components/require-can';
import { MonthPicker } from '../features/monthly-reports/components/month-picker';
import { isMonth, monthLabel, previousMonth } from '../features/monthly-reports/month';
import { errorMessage } from '../lib/api';
import { formatDate } from '../lib/format';
import { useUrlFilters } from '../lib/use-url-filters';

const KEYS = ['month'] as const;

export function BriefPage() {
  return (
    <RequireCan can="reports.brief" what="控辍保学简报">
      <BriefView />
    </RequireCan>
  );
}

/** 《控辍保学简报》 (seed 003 分月编印): pick the month and the typical cases, check the figures, download the DOCX. */
function BriefView() {
  const { message } = App.useApp();
  const { filters, setFilters } = useUrlFilters(KEYS);
  const month = isMonth(filters.month) ? filters.month : previousMonth();
  const preview = useBriefPreview(month);
  const [picked, setPicked] = useState<PickedCase[]>([]);
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    setDownloading(true);
    try {
      await downloadBrief(
        month,
        picked.map((p) => p.id),
      );
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <PageHeader
        title="控辍保学简报"
        subtitle={`${monthLabel(month)} · 按月编印，可直接报送；典型案例中学生姓名以“张某某”形式出现`}
        extra={
          <>
            <MonthPicker value={month} onChange={(m) => setFilters({ month: m === previousMonth() ? undefined : m })} />
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              loading={downloading}
              disabled={!preview.data}
              onClick={() => void download()}
            >
              下载简报
            </Button>
          </>
        }
      />
      <Card size="small" title={`典型案例（可选，最多 ${MAX_BRIEF_CASES} 个）`} style={{ marginBottom: 16 }}>
        <CasePicker value={picked} onChange={setPicked} />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          简报按个案办理记录（核实、走访、送达通知书、联合劝返、复学等）自动概述每个案例，不引用记录中的文字，不含身份证号、住址和学校名称。
        </Typography.Paragraph>
      </Card>
      {preview.error ? <QueryError error={preview.error} onRetry={() => void preview.refetch()} /> : null}
      {preview.isPending ? <Spin /> : null}
      {preview.data ? <PreviewView p={preview.data} loading={preview.isFetching} /> : null}
    </>
  );
}

function PreviewView({ p, loading }: { p: BriefPreview; loading: boolean }) {
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={16}>
        {p.reported < p.schools ? (
          <Alert type="info" showIcon title={`${p.schools} 所学校中 ${p.reported} 所已上报本月月报；未上报学校按实时数据计入。`} />
        ) : null}
        <Card size="small" title={`一、本月基本情况（截至${formatDate(p.asOf)}）`}>
          <List
            size="small"
            dataSource={p.headline}
            renderItem={(h) => (
              <List.Item
                extra={
                  <Typography.Text type="secondary">
                    {h.change === null ? '' : h.change === '持平' ? '与上月持平' : `较上月 ${h.change}`}
                  </Typography.Text>
                }
              >
                <Flex wrap gap={8} style={{ minWidth: 0 }}>
                  <Typography.Text>{h.label}</Typography.Text>
                  <Typography.Text strong>{h.value}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title="二、主要指标">
          <Descriptions
            size="small"
            column={1}
            items={p.indicators.map((i) => ({
              key: i.key,
              label: i.label,
              children: (
                <span>
                  <Typography.Text strong>{i.value}</Typography.Text>
                  {i.basis ? <Typography.Text type="secondary"> {i.basis}</Typography.Text> : null}
                </span>
              ),
            }))}
          />
        </Card>
        <Card size="small" title="三、工作滞后的乡镇">
          {p.townshipsBehind.length ? (
            <List
              size="small"
              dataSource={p.townshipsBehind}
              renderItem={(t) => (
                <List.Item>
                  <Typography.Text strong>{t.name}</Typography.Text>：{t.issues.join('；')}
                </List.Item>
              )}
            />
          ) : (
            <Typography.Text type="secondary">本月各乡镇均按时上报，人籍差额均已说明原因，无逾期未办个案。</Typography.Text>
          )}
        </Card>
      </Flex>
    </Spin>
  );
}
