import { deferralBodySchema } from '@notoneless/shared';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Radio, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FormDrawer } from '../../components/form-drawer';
import { ApiError } from '../../lib/api';
import { applyServerError, parseForm, zodRules } from '../../lib/zod-form';
import { useSettings } from '../settings/api';
import { missingConditions, useApplyDeferral } from './api';
import { SingleAttachmentField } from './components/attachment-field';

type Props = { caseId: string; version: number; onDone: () => void };

const DATE = 'YYYY-MM-DD';
const day = (v: unknown) => (dayjs.isDayjs(v) ? v.format(DATE) : '');

const TYPE_OPTIONS = [
  { value: 'deferral', label: '延缓入学' },
  { value: 'suspension', label: '休学' },
];

/** Form values (dayjs, checkboxes) → deferralBodySchema; '' so the schema's own words are the messages. */
const toInput = (version: number) => (v: Record<string, unknown>) => ({
  type: v.type,
  health: v.health === true,
  reason: v.reason ?? '',
  fromDate: day(v.fromDate),
  toDate: day(v.toDate),
  courtRulingAttachmentId: v.health === true ? undefined : v.courtRulingAttachmentId,
  guardianDutyDone: v.health !== true && v.guardianDutyDone === true,
  childStillRefuses: v.health !== true && v.childStillRefuses === true,
  guardianApplicationAttachmentId: v.guardianApplicationAttachmentId,
  medicalCertificateAttachmentId: v.health === true ? v.medicalCertificateAttachmentId : undefined,
  version,
});

/**
 * 申请延缓入学/休学 (seed 002): the guardians' application with the conditions — ≥ N joint persuasions by the
 * departments or a court ruling, the guardians have done their legal duty, the child still refuses — or, when the
 * child's health does not permit study, a medical certificate. The server's rules decide; a refusal lists what is
 * missing. Then the county bureau verifies and the leading group agrees (two approval steps).
 */
export function DeferralApplyButton({ caseId, version, onDone }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>申请延缓入学/休学</Button>
      {open ? (
        <DeferralDrawer
          caseId={caseId}
          version={version}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            onDone();
          }}
        />
      ) : null}
    </>
  );
}

function DeferralDrawer({ caseId, version, onClose, onDone }: Props & { onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const apply = useApplyDeferral(caseId);
  const settings = useSettings();
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const health = Form.useWatch('health', form) === true;
  const convert = toInput(version);
  const rules = zodRules(form, deferralBodySchema, convert);
  const persuasions = settings.data?.settings.deferralJointPersuasions ?? 3;

  const submit = async () => {
    setError(null);
    setMissing([]);
    const input = await parseForm(form, deferralBodySchema, convert, setError);
    if (!input) return;
    if (input.toDate < input.fromDate) {
      form.setFields([{ name: 'toDate', errors: ['截止日期不能早于起始日期'] }]);
      return;
    }
    apply.mutate(input, {
      onSuccess: () => {
        message.success('申请已提交，等待县教育局核实');
        onDone();
      },
      onError: (e) => {
        if (e instanceof ApiError && e.status === 409) {
          setError(`${e.message}（个案已被他人更新，请关闭后刷新个案再申请）`);
          return;
        }
        const list = missingConditions(e);
        if (list.length > 0) {
          setMissing(list);
          return;
        }
        setError(applyServerError(form, e));
      },
    });
  };

  return (
    <FormDrawer
      open
      title="申请延缓入学/休学"
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={apply.isPending}
      submitText="提交申请"
      error={error}
    >
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title="不符合申请条件，尚缺："
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Typography.Paragraph type="secondary">
        须经相关部门联合劝返不少于 {persuasions}{' '}
        次或经法院判决，监护人已履行法定义务，学生仍拒绝返校的，由监护人申请，县教育局核实、县乡村振兴领导小组同意后方可延缓入学或休学；
        因身体状况不能学习的，凭医疗证明直接申请。批准后档案不销，继续劝返。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ type: 'deferral', health: false }}>
        <Form.Item name="type" label="申请类型" required rules={rules('type')}>
          <Radio.Group options={TYPE_OPTIONS} optionType="button" buttonStyle="solid" />
        </Form.Item>
        <Form.Item name="health" label="因身体状况不能学习" valuePropName="checked" extra="凭县级以上医疗机构证明，不需联合劝返等条件">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item name="reason" label="申请理由" required rules={rules('reason')}>
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder="如：经乡镇、村、学校三次联合劝返，学生仍拒绝返校，监护人申请休学一学期"
          />
        </Form.Item>
        <Form.Item name="fromDate" label="起始日期" required rules={rules('fromDate')}>
          <DatePicker inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="toDate" label="截止日期" required rules={rules('toDate')}>
          <DatePicker inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
        {health ? (
          <Form.Item name="medicalCertificateAttachmentId" label="医疗证明" required extra="扫描件或照片">
            <SingleAttachmentField caseId={caseId} buttonText="上传医疗证明" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="courtRulingAttachmentId" label="法院判决书（如有）" extra={`无判决的，须已记录 ${persuasions} 次以上联合劝返`}>
              <SingleAttachmentField caseId={caseId} buttonText="上传判决书" />
            </Form.Item>
            <Form.Item name="guardianDutyDone" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>监护人已履行送子女入学的法定义务</Checkbox>
            </Form.Item>
            <Form.Item name="childStillRefuses" valuePropName="checked">
              <Checkbox>经劝返，学生本人仍拒绝返校</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item name="guardianApplicationAttachmentId" label="监护人申请书" required extra="监护人签字的书面申请，扫描件或照片">
          <SingleAttachmentField caseId={caseId} buttonText="上传申请书" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
