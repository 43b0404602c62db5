import { CheckOutlined, DownloadOutlined, EditOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import type { MonthlyReport } from '@notoneless/shared';
import { Alert, App, Button, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { exportReport, useCorrectReport, useReviewReport, useSubmitReport } from '../api';
import { monthLabel } from '../month';
import { ReviewDecisionModal, type ReviewDecision } from './review-decision-modal';
import { SubmitReportModal } from './submit-report-modal';

type Dialog = 'submit' | 'return' | 'accept' | 'correct' | null;

/** What this user may do with the report now (`report.can`): 上报, 退回 / 审核通过, 更正, 导出. */
export function ReportActions({ report }: { report: MonthlyReport }) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [exporting, setExporting] = useState(false);
  const schoolId = report.schoolId ?? '';
  const can = report.can;

  const onExport = async () => {
    setExporting(true);
    try {
      await exportReport(schoolId, report.month, report.unitName);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Flex gap={8} wrap data-testid="report-actions" style={{ marginBottom: 16 }}>
        {can.submit ? (
          <Button type="primary" icon={<SendOutlined />} onClick={() => setDialog('submit')}>
            上报
          </Button>
        ) : null}
        {can.review ? (
          <>
            <Button type="primary" icon={<CheckOutlined />} onClick={() => setDialog('accept')}>
              审核通过
            </Button>
            <Button danger icon={<RollbackOutlined />} onClick={() => setDialog('return')}>
              退回
            </Button>
          </>
        ) : null}
        {can.correct ? (
          <Button icon={<EditOutlined />} onClick={() => setDialog('correct')}>
            更正
          </Button>
        ) : null}
        {can.export ? (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
            导出月报表
          </Button>
        ) : null}
      </Flex>
      {dialog === 'submit' ? <SubmitModal report={report} onClose={() => setDialog(null)} /> : null}
      {dialog === 'return' || dialog === 'accept' ? (
        <ReviewModal report={report} decision={dialog} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'correct' ? <CorrectModal report={report} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

type ModalProps = { report: MonthlyReport; onClose: () => void };

function SubmitModal({ report, onClose }: ModalProps) {
  const submit = useSubmitReport(report.schoolId ?? '', report.month);
  const unexplained = report.figures.unexplained.count;
  return (
    <SubmitReportModal
      title={`上报${monthLabel(report.month)}月报`}
      note="上报后数据冻结，之后的数据变化不再改变本月报；如需修改，须经退回或填写理由更正（生成新版本）。"
      done="已上报，数据已冻结"
      pending={submit.isPending}
      send={() => submit.mutateAsync()}
      onClose={onClose}
    >
      <Typography.Paragraph>
        {report.unitName}：在籍 {report.figures.enrolled.count} 人，在校 {report.figures.attending.count} 人，人籍差额 {report.figures.gap}{' '}
        人。
      </Typography.Paragraph>
      {unexplained > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`仍有 ${unexplained} 名学生未说明，上报后将在月报中列出姓名。`}
          style={{ marginBottom: 12 }}
        />
      ) : null}
    </SubmitReportModal>
  );
}

function ReviewModal({ report, decision, onClose }: ModalProps & { decision: ReviewDecision }) {
  const review = useReviewReport(report.schoolId ?? '', report.month);
  return (
    <ReviewDecisionModal
      decision={decision}
      subject={`${report.unitName} ${monthLabel(report.month)}月报（第 ${report.version} 版）`}
      accept={{ title: '审核通过', ok: '审核通过', done: '已审核通过', commentLabel: '审核意见', placeholder: '审核意见（可不填）' }}
      returnTitle="退回月报"
      returnDone="已退回学校"
      returnPlaceholder="退回原因（必填），如：七年级在校人数与到校日报不符，请核对"
      pending={review.isPending}
      send={(body) => review.mutateAsync({ id: report.id ?? '', body })}
      onClose={onClose}
    />
  );
}

function CorrectModal({ report, onClose }: ModalProps) {
  const { message } = App.useApp();
  const correct = useCorrectReport(report.schoolId ?? '', report.month);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open
      title="更正月报"
      okText="生成更正版本"
      cancelText="取消"
      confirmLoading={correct.isPending}
      onCancel={onClose}
      onOk={async () => {
        setError(null);
        if (reason.trim().length < 2) {
          setError('请写明更正原因');
          return;
        }
        try {
          await correct.mutateAsync({ reason: reason.trim() });
          message.success('已生成更正版本，请核对后重新上报');
          onClose();
        } catch (e) {
          setError(errorMessage(e));
        }
      }}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">
        更正将生成第 {report.version + 1} 版：数据按平台当前数据重新计算，原版本保留可查。
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="更正原因"
        rows={3}
        maxLength={1000}
        placeholder="更正原因（必填），如：10月28日转入学生学籍补录"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}
