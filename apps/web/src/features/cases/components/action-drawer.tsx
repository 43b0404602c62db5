import { CASE_ACTION_LABELS, caseActionBodySchema, type CaseAction, type CaseDetail } from '@notoneless/shared';
import { Alert, App, Button, DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useMe } from '../../../app/auth-context';
import { FormDrawer } from '../../../components/form-drawer';
import { ApiError } from '../../../lib/api';
import { formatDateTime, todayInShanghai } from '../../../lib/format';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { AttachmentUpload } from '../../attachments/components/attachment-upload';
import { isNetworkError, randomKey, uploadedIds, uploadPending, type LocalAttachment } from '../../attachments/local-attachments';
import { defaultActionValues } from '../action-defaults';
import { useCaseAction } from '../api';
import { deserializeValues, serializeValues, toActionInput, type FormValues } from '../offline/action-values';
import { loadDraft, removeDraft, saveDraft, worksOffline } from '../offline/drafts';
import { ActionFields } from './action-fields';

type Props = {
  detail: CaseDetail;
  type: CaseAction | undefined;
  onClose: () => void;
  /** 409: someone else changed the case first */
  onConflict: (message: string) => void;
};

export const OFFLINE_SAVED = '已离线保存，恢复网络后自动提交';
const CAMERA_ACTIONS: readonly CaseAction[] = ['home_visit', 'follow_up', 'joint_persuasion'];

/**
 * One action's form, built from caseActionBodySchema: the fields of its type plus 发生日期, 签名, photos and the case
 * version. Field work (入户走访 …) keeps a draft on the phone while typing and is queued when the network drops.
 * Render with a fresh `key` per opening.
 */
export function ActionDrawer({ detail, type, onClose, onConflict }: Props) {
  const open = type !== undefined;
  return open ? <ActionForm detail={detail} type={type} onClose={onClose} onConflict={onConflict} /> : null;
}

function ActionForm({ detail, type, onClose, onConflict }: Props & { type: CaseAction }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const offline = worksOffline(type);
  const [draft, setDraft] = useState(() => (offline ? loadDraft(me.id, detail.id, type) : null));
  const [clientKey] = useState(() => draft?.clientKey ?? `${type}-${randomKey(12)}`);
  const initialValues = useMemo(
    () => (draft ? deserializeValues(draft.values) : defaultActionValues(type, detail, me)),
    // the first render's values only: later changes belong to the form
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const action = useCaseAction(detail.id);
  const [error, setError] = useState<string | null>(draft?.error ?? null);
  const [sending, setSending] = useState(false);
  const label = CASE_ACTION_LABELS[type];
  const toInput = (values: FormValues) => toActionInput(type, values, detail.version, clientKey);
  const rules = zodRules(form, caseActionBodySchema, toInput);

  const keep = (queued: boolean, why?: string) => {
    if (!offline) return;
    saveDraft({
      userId: me.id,
      caseId: detail.id,
      childName: detail.name,
      type,
      clientKey,
      values: serializeValues(form.getFieldsValue(true)),
      version: detail.version,
      savedAt: new Date().toISOString(),
      queued,
      error: why,
    });
  };

  const discard = () => {
    removeDraft(me.id, detail.id, type);
    setDraft(null);
    setError(null);
    form.resetFields();
    form.setFieldsValue(defaultActionValues(type, detail, me));
  };

  const submit = async () => {
    setError(null);
    let attachments = (form.getFieldValue('attachments') as LocalAttachment[] | undefined) ?? [];
    if (attachments.some((a) => a.state === 'uploading')) {
      setError('照片正在上传，请稍候再提交');
      return;
    }
    const body = await parseForm(form, caseActionBodySchema, toInput, setError);
    if (!body) return;
    setSending(true);
    try {
      if (attachments.some((a) => a.state === 'pending')) {
        attachments = await uploadPending(attachments, detail.id);
        form.setFieldValue('attachments', attachments);
        keep(false);
      }
      if (attachments.some((a) => a.state === 'error')) {
        setError('有照片未能上传：请删除标红的照片后重新添加');
        return;
      }
      await action.mutateAsync({ ...body, attachmentIds: uploadedIds(attachments) });
      if (offline) removeDraft(me.id, detail.id, type);
      message.success(`已记录：${label}`);
      onClose();
    } catch (e) {
      if (isNetworkError(e) && offline) {
        keep(true);
        message.warning(OFFLINE_SAVED);
        onClose();
      } else if (e instanceof ApiError && e.status === 409) {
        onConflict('该个案已被他人更新');
      } else {
        setError(applyServerError(form, e));
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <FormDrawer
      open
      title={`${label}：${detail.name}`}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={sending}
      submitText="提交"
      error={error}
    >
      {draft ? (
        <Alert
          type={draft.queued ? 'warning' : 'info'}
          showIcon
          title={
            draft.queued
              ? `${OFFLINE_SAVED}（${formatDateTime(draft.savedAt)}）`
              : `已恢复上次未提交的内容（${formatDateTime(draft.savedAt)}）`
          }
          action={
            <Button size="small" onClick={discard}>
              清空重填
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onValuesChange={() => keep(draft?.queued ?? false)}>
        <Form.Item name="occurredOn" label="发生日期" required rules={rules('occurredOn')}>
          <DatePicker inputReadOnly style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(todayInShanghai()), 'day')} />
        </Form.Item>
        <ActionFields type={type} detail={detail} form={form} rules={rules} />
        <Form.Item name="attachments" label={CAMERA_ACTIONS.includes(type) ? '现场照片' : '附件（照片、扫描件）'}>
          <AttachmentUpload camera={CAMERA_ACTIONS.includes(type)} caseId={detail.id} />
        </Form.Item>
        <Form.Item name="signedBy" label="签名" rules={rules('signedBy')} extra="跟踪记录表的签名栏">
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
