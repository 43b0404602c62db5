import type { AbsenceAlertDto } from '@notoneless/shared';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/api';
import { useDecideAlert } from '../api';

type Props = { alert: AbsenceAlertDto; decision: 'confirm' | 'dismiss'; onClose: () => void };

/** Confirm (a 疑似辍学 case opens, and its page opens) or dismiss with a reason. */
export function AlertDecisionModal({ alert, decision, onClose }: Props) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const decide = useDecideAlert();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirm = decision === 'confirm';
  const ok = () => {
    if (!confirm && !text.trim()) {
      setError('请填写排除理由');
      return;
    }
    decide.mutate(
      {
        id: alert.id,
        body: confirm ? { decision: 'confirm', text: text.trim() || undefined } : { decision: 'dismiss', reason: text.trim() },
      },
      {
        onSuccess: (a) => {
          onClose();
          if (confirm && a.caseId) {
            message.success(`已确认 ${a.name} 为疑似辍学，个案已建立`);
            void navigate(`/cases/${a.caseId}`);
          } else message.success(confirm ? '已确认' : '已排除该预警');
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };
  return (
    <Modal
      open
      title={confirm ? `确认疑似辍学：${alert.name}` : `排除预警：${alert.name}`}
      okText={confirm ? '确认并建立个案' : '排除'}
      okButtonProps={{ danger: confirm }}
      cancelText="取消"
      onOk={ok}
      onCancel={onClose}
      confirmLoading={decide.isPending}
    >
      <Typography.Paragraph>
        {alert.label}（最近一次 {alert.lastDate}）。
        {confirm
          ? '确认后将建立疑似辍学个案，列入疑似辍学台账，按个案流程开展劝返。'
          : '请写明排除的理由（如：已核实为病假，补办请假手续）。'}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={confirm ? '情况说明' : '排除理由'} required={!confirm}>
          <Input.TextArea
            rows={3}
            maxLength={confirm ? 2000 : 500}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={confirm ? '选填：家长联系情况、已采取的措施' : '必填'}
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
