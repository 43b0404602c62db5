import { PrinterOutlined } from '@ant-design/icons';
import type { LeaveDto } from '@notoneless/shared';
import { Button, Descriptions, Modal, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../../lib/format';

type Props = { leave: LeaveDto; onClose: () => void };

/** Printing shows only the slip (the rest of the page is hidden for the printer). */
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  .leave-slip, .leave-slip * { visibility: visible !important; }
  .leave-slip { position: fixed; left: 0; top: 0; width: 100%; padding: 24px; }
}`;

/** 请假条: the leave, its approvals and the safety reminder (seed 002: 安全提醒到位), printable on A4. */
export function LeaveSlip({ leave, onClose }: Props) {
  return (
    <Modal
      open
      title="请假条"
      onCancel={onClose}
      width={640}
      footer={[
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
        <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>,
      ]}
    >
      <style>{PRINT_CSS}</style>
      <div className="leave-slip">
        <Typography.Title level={4} style={{ textAlign: 'center' }}>
          学生请假条
        </Typography.Title>
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            { key: 'name', label: '学生', children: `${leave.name}（${leave.gender}）` },
            { key: 'class', label: '学校班级', children: [leave.schoolName, leave.className].filter(Boolean).join(' ') || '—' },
            { key: 'kind', label: '请假类型', children: leave.kind },
            {
              key: 'days',
              label: '请假时间',
              children: `${formatDate(leave.from)} 至 ${formatDate(leave.to)}（${leave.schoolDays} 个上学日）`,
            },
            { key: 'reason', label: '请假事由', children: leave.reason },
            {
              key: 'guardian',
              label: '监护人',
              children: `${leave.guardianName}${leave.guardianPhoneMasked ? `　${leave.guardianPhoneMasked}` : ''}`,
            },
            ...leave.steps.map((s) => ({
              key: `step-${s.index}`,
              label: s.label,
              children: `${s.statusLabel}${s.decidedByName ? `　${s.decidedByName}` : ''}${s.decidedAt ? `　${formatDateTime(s.decidedAt)}` : ''}${
                s.comment ? `　${s.comment}` : ''
              }`,
            })),
            { key: 'closed', label: '销假', children: leave.closedOn ? `${formatDate(leave.closedOn)} 返校销假` : '未销假' },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Typography.Text strong>安全提醒：</Typography.Text>
          {leave.safetyReminder}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginTop: 32 }}>
          {'监护人签字：＿＿＿＿＿＿\u3000\u3000\u3000班主任签字：＿＿＿＿＿＿'}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          登记人 {leave.createdByName} · {formatDateTime(leave.createdAt)}
        </Typography.Text>
      </div>
    </Modal>
  );
}
