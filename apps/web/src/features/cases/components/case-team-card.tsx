import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { CASE_TEAM_ROLES, caseTeamBodySchema, type CaseDetail } from '@notoneless/shared';
import { App, Button, Card, Empty, Flex, Form, Input, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { errorMessage } from '../../../lib/api';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useAddTeamMember, useRemoveTeamMember } from '../api';

const ROLE_OPTIONS = CASE_TEAM_ROLES.map((r) => ({ value: r, label: r }));
const toInput = (v: Record<string, unknown>) => ({
  ...v,
  phone: typeof v.phone === 'string' && v.phone.trim() ? v.phone : undefined,
});

/** 四包一: the named people answering for the case (乡镇干部、驻村工作人员、村干部、帮扶人, 班主任, 校领导). */
export function CaseTeamCard({ detail, canEdit }: { detail: CaseDetail; canEdit: boolean }) {
  const { message } = App.useApp();
  const remove = useRemoveTeamMember(detail.id);
  const [adding, setAdding] = useState(false);
  const missing = CASE_TEAM_ROLES.filter((r) => ['乡镇干部', '驻村工作人员', '村干部', '帮扶人'].includes(r)).filter(
    (r) => !detail.team.some((m) => m.role === r),
  );
  return (
    <Card
      size="small"
      title="包保责任人（四包一）"
      style={{ marginBottom: 16 }}
      extra={
        canEdit ? (
          <Button size="small" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
            添加
          </Button>
        ) : null
      }
    >
      {detail.team.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未指定包保责任人" />
      ) : (
        <List
          size="small"
          dataSource={detail.team}
          renderItem={(m) => (
            <List.Item
              key={m.id}
              actions={
                canEdit
                  ? [
                      <Popconfirm
                        key="remove"
                        title={`将 ${m.personName} 移出包保责任人？`}
                        okText="移出"
                        cancelText="取消"
                        onConfirm={() =>
                          remove.mutateAsync(m.id).then(
                            () => void message.success(`已移出 ${m.personName}`),
                            (e: unknown) => void message.error(errorMessage(e)),
                          )
                        }
                      >
                        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`移出${m.personName}`} />
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <Flex gap={8} align="center" wrap>
                <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                  {m.role}
                </Tag>
                <Typography.Text strong>{m.personName}</Typography.Text>
                {m.phoneMasked ? <Typography.Text type="secondary">{m.phoneMasked}</Typography.Text> : null}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {missing.length > 0 && detail.status !== 'closed' && detail.status !== 'not_dropout' ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          尚缺：{missing.join('、')}
        </Typography.Text>
      ) : null}
      {adding ? <AddMemberDrawer caseId={detail.id} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}

function AddMemberDrawer({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const add = useAddTeamMember(caseId);
  const [error, setError] = useState<string | null>(null);
  const rules = zodRules(form, caseTeamBodySchema, toInput);
  const submit = async () => {
    setError(null);
    const input = await parseForm(form, caseTeamBodySchema, toInput, setError);
    if (!input) return;
    add.mutate(input, {
      onSuccess: () => {
        message.success(`已添加 ${input.personName}`);
        onClose();
      },
      onError: (e) => setError(applyServerError(form, e)),
    });
  };
  return (
    <FormDrawer
      open
      title="添加包保责任人"
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={add.isPending}
      submitText="添加"
      error={error}
    >
      <Form form={form} layout="vertical" initialValues={{ role: '乡镇干部' }}>
        <Form.Item name="role" label="职责" required rules={rules('role')}>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item name="personName" label="姓名" required rules={rules('personName')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label="联系电话" rules={rules('phone')}>
          <Input maxLength={20} inputMode="tel" placeholder="手机或固定电话" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
