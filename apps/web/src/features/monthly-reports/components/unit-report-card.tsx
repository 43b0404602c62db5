import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import type { UnitReport } from '@notoneless/shared';
import { Alert, Button, Card, Flex, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../../lib/api';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useReviewUnitReport, useSubmitUnitReport, useUnitReport } from '../api';
import { monthLabel } from '../month';
import { type ReviewDecision, ReviewDecisionModal } from './review-decision-modal';
import { SubmitReportModal } from './submit-report-modal';
import { UnitReportTag } from './unit-report-tag';

/**
 * 乡镇月报: the 中心校's own report of its township to the county (上报县教育局) — its status and time, the sums frozen on
 * submission, the schools whose report is not accepted yet, and the actions this user has (`can`): the 中心校 submits,
 * the county accepts (接收) or returns. A unit the user may not see (404) shows nothing.
 */
export function UnitReportCard({ unitId, month }: { unitId: string; month: string }) {
  const query = useUnitReport(unitId, month);
  const [dialog, setDialog] = useState<'submit' | 'accept' | 'return' | null>(null);
  const r = query.data;
  if (query.error) {
    if (query.error instanceof ApiError && query.error.status === 404) return null;
    return <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 12 }} />;
  }
  if (!r) return <Card size="small" loading style={{ marginBottom: 12 }} />;
  const can = r.can;
  return (
    <Card
      size="small"
      data-testid="unit-report-card"
      title={`${r.unitName} · ${monthLabel(month)}乡镇月报（上报县教育局）`}
      extra={<UnitReportTag report={r} withTime={false} />}
      style={{ marginBottom: 12 }}
      styles={{ header: { paddingBlock: 8 }, title: { whiteSpace: 'normal' } }}
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" data-testid="unit-report-state">
          {r.status === 'not_submitted'
            ? '尚未上报。各校月报均审核通过后，由中心校一键上报（按各校上报的冻结数据汇总，无需重新填写）。'
            : `第 ${r.version} 版 · ${r.submittedByName ?? '—'} 于 ${formatDateTime(r.submittedAt)} 上报` +
              (r.reviewedAt && r.status !== 'submitted'
                ? ` · ${r.reviewedByName ?? '—'} 于 ${formatDateTime(r.reviewedAt)} ${r.status === 'accepted' ? '接收' : '退回'}`
                : '')}
        </Typography.Text>
        {r.status === 'returned' && r.reviewComment ? (
          <Alert
            type="error"
            showIcon
            title={`县教育局退回：${r.reviewComment}`}
            description="可退回或更正有关学校的月报，审核通过后重新上报。"
          />
        ) : null}
        {r.outdated ? (
          <Alert
            type="warning"
            showIcon
            title="上报后有学校更正了月报，需重新上报"
            description="更正的学校月报审核通过后，请重新上报县教育局。"
          />
        ) : null}
        {r.correctionReason ? <Alert type="info" showIcon title={`第 ${r.version} 版为重新上报：${r.correctionReason}`} /> : null}
        {r.figures ? (
          <Flex gap={24} wrap data-testid="unit-report-figures">
            {(
              [
                ['学校', r.schools.length],
                ['在籍', r.figures.enrolled.count],
                ['在校', r.figures.attending.count],
                ['人籍差额', r.figures.gap],
              ] as const
            ).map(([label, value]) => (
              <Statistic key={label} title={label} value={formatNumber(value)} styles={{ content: { fontSize: 18 } }} />
            ))}
          </Flex>
        ) : null}
        {can.prepare && r.notAccepted.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            data-testid="unit-report-waiting"
            title={`还有 ${r.notAccepted.length} 所学校的月报未审核通过，全部通过后才能上报`}
            description={
              <Flex gap={6} wrap>
                {r.notAccepted.map((s) => (
                  <Link key={s.schoolId} to={`/reports/monthly/school/${s.schoolId}/${month}`}>
                    <Tag style={{ marginInlineEnd: 0, cursor: 'pointer' }}>
                      {s.schoolName} · {s.statusLabel}
                    </Tag>
                  </Link>
                ))}
              </Flex>
            }
          />
        ) : null}
        {can.prepare || can.review ? (
          <Flex gap={8} wrap data-testid="unit-report-actions">
            {can.prepare ? (
              <Button type="primary" icon={<SendOutlined />} disabled={!can.submit} onClick={() => setDialog('submit')}>
                上报县教育局
              </Button>
            ) : null}
            {can.review ? (
              <>
                <Button type="primary" icon={<CheckOutlined />} disabled={r.outdated} onClick={() => setDialog('accept')}>
                  接收
                </Button>
                <Button danger icon={<RollbackOutlined />} onClick={() => setDialog('return')}>
                  退回
                </Button>
              </>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
      {dialog === 'submit' ? <SubmitUnitModal report={r} onClose={() => setDialog(null)} /> : null}
      {dialog === 'accept' || dialog === 'return' ? <ReviewUnitModal report={r} decision={dialog} onClose={() => setDialog(null)} /> : null}
    </Card>
  );
}

type ModalProps = { report: UnitReport; onClose: () => void };

function SubmitUnitModal({ report, onClose }: ModalProps) {
  const submit = useSubmitUnitReport(report.unitId, report.month);
  return (
    <SubmitReportModal
      title={`上报${monthLabel(report.month)}乡镇月报`}
      note="上报后汇总数据冻结；学校之后更正月报的，需在其重新审核通过后再次上报。"
      done="已上报县教育局"
      pending={submit.isPending}
      send={() => submit.mutateAsync()}
      onClose={onClose}
    >
      <Typography.Paragraph>
        {report.unitName}：{report.schools.length} 所学校的月报均已审核通过，将按各校上报的冻结数据汇总后上报县教育局。
      </Typography.Paragraph>
    </SubmitReportModal>
  );
}

function ReviewUnitModal({ report, decision, onClose }: ModalProps & { decision: ReviewDecision }) {
  const review = useReviewUnitReport(report.unitId, report.month);
  return (
    <ReviewDecisionModal
      decision={decision}
      subject={`${report.unitName} ${monthLabel(report.month)}乡镇月报（第 ${report.version} 版）`}
      accept={{ title: '接收乡镇月报', ok: '确认接收', done: '已接收', commentLabel: '接收意见', placeholder: '意见（可不填）' }}
      returnTitle="退回乡镇月报"
      returnDone="已退回中心校"
      returnPlaceholder="退回原因（必填），如：请核对某校差额原因后重新上报"
      pending={review.isPending}
      send={(body) => review.mutateAsync({ id: report.id ?? '', body })}
      onClose={onClose}
    />
  );
}
