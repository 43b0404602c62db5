import { Alert, Checkbox, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import type { FindingDetail, FindingRecord, IdentityDecisionInput } from '../api';

const ID_HEADERS = ['公民身份号码', '身份证件号', '身份证号', '身份证号码', '证件号码'];

/** One record in a line a teacher can compare: which file and row, name, birth date, masked ID, school and class. */
export function RecordLine({ record }: { record: FindingRecord }) {
  const c = record.cells;
  const id = ID_HEADERS.map((h) => c[h]).find((v) => v);
  const klass = [c['学校名称'] ?? c['学校标识码'], c['年级'] ? `${c['年级']}年级` : '', c['班级']].filter(Boolean).join(' ');
  const home = c['户籍地址'] || (c['户籍地区划代码'] ? `户籍地 ${c['户籍地区划代码']}` : '');
  const facts = [c['性别'], c['出生日期'], id ? `身份证号 ${id}` : '无身份证号', c['学籍号'] ? `学籍号 ${c['学籍号']}` : '', klass, home];
  return (
    <Flex vertical style={{ minWidth: 0 }}>
      <span>
        <Typography.Text strong>{c['姓名'] ?? '—'}</Typography.Text>（{record.kindLabel}）
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
        {facts.filter(Boolean).join(' · ')}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {record.fileName} 第 {record.rowNo} 行
      </Typography.Text>
    </Flex>
  );
}

type Props = {
  mode: 'merge' | 'split' | null;
  finding: FindingDetail;
  submitting: boolean;
  error: string | null;
  onClose: () => void;
  onSubmit: (input: IdentityDecisionInput) => void;
};

type Values = { subject?: string; candidate?: string; pair?: string[]; reason?: string };

/**
 * 「合并为同一人」: one of the finding's records and one of the candidates the engine listed for it;
 * 「不是同一人（拆分）」: two of the finding's records. Always with a reason; effective at the next run.
 */
export function IdentityModal({ mode, finding, submitting, error, onClose, onSubmit }: Props) {
  const [form] = Form.useForm<Values>();
  const subject = Form.useWatch('subject', form) ?? finding.candidates[0]?.ref;
  const group = finding.candidates.find((c) => c.ref === subject);
  const recordOf = (ref: string) => finding.records.find((r) => r.ref === ref);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !mode) return;
    const reason = (v.reason ?? '').trim();
    if (mode === 'merge') onSubmit({ decision: 'merge', left: v.subject ?? subject ?? '', right: v.candidate ?? '', reason });
    else onSubmit({ decision: 'split', left: v.pair?.[0] ?? '', right: v.pair?.[1] ?? '', reason });
  };

  return (
    <Modal
      open={mode !== null}
      title={mode === 'merge' ? `合并为同一人：${finding.name}` : `不是同一人（拆分）：${finding.name}`}
      okText={mode === 'merge' ? '确认合并' : '确认拆分'}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {mode === 'merge'
          ? '系统发现多个可能的人选，没有自动认定。请核对后选择与本条记录是同一人的那一条。'
          : '请选择被系统错误地认定为同一人的两条记录。'}
        认定在下次运行比对时生效，之后每次比对都会遵循，可随时撤销。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          subject: finding.candidates[0]?.ref,
          pair: finding.records.length === 2 ? finding.records.map((r) => r.ref) : [],
        }}
      >
        {mode === 'merge' ? (
          <>
            <Form.Item name="subject" label="本条记录" hidden={finding.candidates.length < 2}>
              <Radio.Group onChange={() => form.setFieldValue('candidate', undefined)}>
                <Flex vertical gap={8}>
                  {finding.candidates.map((c) => {
                    const r = recordOf(c.ref);
                    return (
                      <Radio key={c.ref} value={c.ref}>
                        {r ? <RecordLine record={r} /> : c.ref}
                      </Radio>
                    );
                  })}
                </Flex>
              </Radio.Group>
            </Form.Item>
            {finding.candidates.length < 2 && subject && recordOf(subject) ? (
              <Form.Item label="本条记录">
                <RecordLine record={recordOf(subject)!} />
              </Form.Item>
            ) : null}
            <Form.Item name="candidate" label="与以下哪一条是同一人" rules={[{ required: true, message: '请选择候选记录' }]}>
              <Radio.Group>
                <Flex vertical gap={8}>
                  {(group?.records ?? []).map((r) => (
                    <Radio key={r.ref} value={r.ref}>
                      <RecordLine record={r} />
                    </Radio>
                  ))}
                </Flex>
              </Radio.Group>
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="pair"
            label="不是同一人的两条记录"
            rules={[
              {
                validator: async (_, value: string[] | undefined) => {
                  if (!value || value.length !== 2) throw new Error('请选择两条记录');
                },
              },
            ]}
          >
            <Checkbox.Group style={{ width: '100%' }}>
              <Flex vertical gap={8}>
                {finding.records.map((r) => (
                  <Checkbox key={r.ref} value={r.ref}>
                    <RecordLine record={r} />
                  </Checkbox>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label="理由"
          required
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if ((value ?? '').trim().length < 2) throw new Error('请填写理由（至少 2 个字），例如：家访核实、核对户口簿');
              },
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="例如：家访核实，核对了户口簿和学生证" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
