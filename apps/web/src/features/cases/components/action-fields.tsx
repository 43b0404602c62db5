import { useEffect } from 'react';
import {
  CONTACT_CHANNELS,
  DEPARTMENTS,
  DROPOUT_CAUSES,
  DROPOUT_KINDS,
  NOT_DROPOUT_EVIDENCE_HINTS,
  NOT_DROPOUT_REASONS,
  REFERRAL_SUBJECTS,
  RESUME_PLAN_KINDS,
  VISIT_RESULTS,
  VISITOR_KINDS,
  type CaseAction,
  type CaseDetail,
  type Department,
  type NotDropoutReason,
  forbiddenCloseMessage,
  forbiddenCloseWord,
} from '@notoneless/shared';
import { Alert, Checkbox, DatePicker, Form, Input, Radio, Select, type FormInstance, type FormRule } from 'antd';
import dayjs from 'dayjs';
import { todayInShanghai } from '../../../lib/format';
import { GRADE_OPTIONS } from '../../../lib/labels';
import { VERIFY_RESULT_LABELS } from '../labels';

type Rules = (path: string) => FormRule[];

/** Conditional requirements the server's rules check too (the schema has these fields optional). */
const need = (message: string): FormRule => ({ required: true, whitespace: true, message });
/** seed 003: a case is never closed by 劝退/开除/送回家 (the shared rule's words and message). */
const closeWords: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (typeof value === 'string' && forbiddenCloseWord(value)) throw new Error(forbiddenCloseMessage(value));
  },
};
type Props = { type: CaseAction; detail: CaseDetail; form: FormInstance; rules: Rules };

const options = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));
const full = { width: '100%' };
const TEXT_LABELS: Partial<Record<CaseAction, { label: string; placeholder: string }>> = {
  verify: { label: '核实情况', placeholder: '核实经过：何时、向谁了解、了解到什么' },
  home_visit: { label: '走访情况', placeholder: '家庭情况、不上学的原因、监护人和孩子的态度、下一步安排' },
  contact: { label: '联系情况', placeholder: '联系内容、对方态度' },
  notice_issued: { label: '说明', placeholder: '（可选）' },
  notice_delivered: { label: '说明', placeholder: '（可选）送达方式、监护人态度' },
  admonition: { label: '批评教育情况', placeholder: '时间、地点、参加人员、监护人表态' },
  correction_order: { label: '责令改正内容', placeholder: '责令监护人于期限内送子女返校就读' },
  joint_persuasion: { label: '劝返情况', placeholder: '劝返经过、家长和孩子的态度' },
  referral: { label: '转介说明', placeholder: '需要对方部门协助办理的事项和情况' },
  home_teaching_start: { label: '送教上门原因', placeholder: '如：重度残疾（残疾证等级），不能到校就读' },
  home_teaching_end: { label: '随班就读安排', placeholder: '入读学校、班级、随班就读的支持措施' },
  return: { label: '复学安排', placeholder: '复学日期、编入的年级班级、一对一帮扶的教师和措施' },
  follow_up: { label: '回访情况', placeholder: '在校表现、出勤、学习和心理状况' },
  relapse: { label: '再次缺学情况', placeholder: '自何时起未到校、已了解的原因' },
  closure_request: { label: '巩固情况与销号理由', placeholder: '巩固跟踪期间的出勤和表现' },
  closure_confirm: { label: '确认意见', placeholder: '（可选）' },
  closure_reject: { label: '退回理由', placeholder: '需补充的跟踪材料或需继续巩固的理由' },
  deferral_end: { label: '情况', placeholder: '延缓入学/休学期满的情况' },
  note: { label: '说明', placeholder: '情况说明' },
};
const OPTIONAL_TEXT: readonly CaseAction[] = ['notice_issued', 'notice_delivered', 'closure_confirm'];
/** actions that end or lead to ending a case: their words are checked against seed 003 */
const CLOSING: readonly CaseAction[] = ['verify', 'closure_request', 'closure_confirm'];

/** The fields of one action type, from caseActionBodySchema; the common ones (date, signature, photos) are the drawer's. */
export function ActionFields({ type, detail, form, rules }: Props) {
  const text = TEXT_LABELS[type] ?? { label: '说明', placeholder: '' };
  return (
    <>
      <SpecificFields type={type} detail={detail} form={form} rules={rules} />
      <Form.Item
        name="text"
        label={text.label}
        required={!OPTIONAL_TEXT.includes(type)}
        rules={CLOSING.includes(type) ? [...rules('text'), closeWords] : rules('text')}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={text.placeholder} />
      </Form.Item>
    </>
  );
}

function SpecificFields({ type, detail, form, rules }: Props) {
  switch (type) {
    case 'verify':
      return <VerifyFields rules={rules} />;
    case 'home_visit':
      return (
        <>
          <Form.Item name="visitorKind" label="走访人" required rules={rules('visitorKind')}>
            <Radio.Group options={options(VISITOR_KINDS)} optionType="button" />
          </Form.Item>
          <Form.Item name="visitors" label="走访人员" required rules={rules('visitors')}>
            <Input maxLength={200} placeholder="如：班主任 李老师、村干部 王某" />
          </Form.Item>
          <Form.Item name="metWith" label="见到的人" required rules={rules('metWith')}>
            <Input maxLength={100} placeholder="如：父亲 张某" />
          </Form.Item>
          <Form.Item name="result" label="结果" required rules={rules('result')}>
            <Radio.Group options={options(VISIT_RESULTS)} />
          </Form.Item>
        </>
      );
    case 'contact':
      return (
        <>
          <Form.Item name="channel" label="方式" required rules={rules('channel')}>
            <Radio.Group options={options(CONTACT_CHANNELS)} optionType="button" />
          </Form.Item>
          <Form.Item name="contactWith" label="联系对象" required rules={rules('contactWith')}>
            <Input maxLength={100} placeholder="如：母亲 李某" />
          </Form.Item>
          <Form.Item name="result" label="结果" required rules={rules('result')}>
            <Radio.Group options={options(VISIT_RESULTS)} />
          </Form.Item>
        </>
      );
    case 'notice_issued':
      return (
        <Form.Item name="guardianName" label="监护人姓名" required rules={rules('guardianName')}>
          <Input maxLength={40} />
        </Form.Item>
      );
    case 'notice_delivered':
      return (
        <>
          <Alert
            type="info"
            showIcon
            title="返校期限自送达之日起计算（县级设置的天数），到期未返校的进入待办并逐级提醒"
            style={{ marginBottom: 16 }}
          />
          <Form.Item name="deliveredTo" label="签收人" required rules={rules('deliveredTo')}>
            <Input maxLength={40} placeholder="签收《劝返通知书》的监护人" />
          </Form.Item>
        </>
      );
    case 'correction_order':
      return (
        <Form.Item name="dueOn" label="改正期限" required rules={rules('dueOn')}>
          <DatePicker inputReadOnly style={full} disabledDate={(d) => d.isBefore(dayjs(todayInShanghai()), 'day')} />
        </Form.Item>
      );
    case 'joint_persuasion':
      return (
        <>
          <Form.Item name="participants" label="参加人员及单位" required rules={rules('participants')}>
            <Input.TextArea rows={2} maxLength={300} placeholder="如：乡镇干部 王某、驻村工作队 赵某、村干部 刘某、帮扶人 陈某" />
          </Form.Item>
          <Form.Item name="result" label="结果" required rules={rules('result')}>
            <Radio.Group options={options(VISIT_RESULTS)} />
          </Form.Item>
        </>
      );
    case 'referral':
      return (
        <>
          <Form.Item name="department" label="转介部门" required rules={rules('department')}>
            <Select
              style={full}
              options={options(DEPARTMENTS)}
              onChange={(department: Department) => form.setFieldValue('subject', REFERRAL_SUBJECTS[department])}
            />
          </Form.Item>
          <Form.Item name="subject" label="转介事项" required rules={rules('subject')}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      );
    case 'return':
      return <ReturnFields detail={detail} rules={rules} />;
    case 'follow_up':
      return (
        <Form.Item name="channel" label="回访方式" required rules={rules('channel')}>
          <Radio.Group options={options(['入户', '在校', '电话', '微信'])} optionType="button" />
        </Form.Item>
      );
    default:
      return null;
  }
}

function VerifyFields({ rules }: { rules: Rules }) {
  const result = Form.useWatch<string | undefined>('result');
  const reason = Form.useWatch<NotDropoutReason | undefined>('reason');
  return (
    <>
      <Form.Item name="result" label="核实结果" required rules={rules('result')}>
        <Radio.Group
          options={Object.entries(VERIFY_RESULT_LABELS).map(([value, label]) => ({ value, label }))}
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        />
      </Form.Item>
      {result === 'not_dropout' ? (
        <>
          <Form.Item name="reason" label="非辍学原因" required rules={[...rules('reason'), need('请选择非辍学原因')]}>
            <Select style={full} placeholder="请选择" options={options(NOT_DROPOUT_REASONS)} />
          </Form.Item>
          <Form.Item
            name="evidence"
            label="依据"
            required
            rules={[...rules('evidence'), need('请填写依据'), closeWords]}
            extra={reason ? `需提供：${NOT_DROPOUT_EVIDENCE_HINTS[reason]}，可拍照作为附件` : '选择原因后显示需要的依据'}
          >
            <Input.TextArea rows={2} maxLength={500} placeholder={reason ? NOT_DROPOUT_EVIDENCE_HINTS[reason] : ''} />
          </Form.Item>
        </>
      ) : null}
      {result === 'dropout' ? (
        <>
          <Form.Item
            name="dropoutKind"
            label="类别"
            required
            rules={[...rules('dropoutKind'), need('请选择辍学或失学')]}
            extra="辍学：曾入学后离校；失学：适龄未入学"
          >
            <Radio.Group options={options(DROPOUT_KINDS)} optionType="button" />
          </Form.Item>
          <Form.Item name="cause" label="辍学原因" required rules={[...rules('cause'), need('请选择辍学原因')]}>
            <Select style={full} placeholder="请选择" options={options(DROPOUT_CAUSES)} />
          </Form.Item>
        </>
      ) : null}
      {result === 'unreachable' ? (
        <Form.Item
          name="report"
          label="给教育局的书面报告"
          required
          rules={[...rules('report'), need('请填写给教育局的书面报告')]}
          extra="无法联系的，须书面报告县教育局（seed 001），个案保持在册继续查找"
        >
          <Input.TextArea rows={4} maxLength={2000} placeholder="已采取的联系方式、时间和结果" />
        </Form.Item>
      ) : null}
    </>
  );
}

function ReturnFields({ detail, rules }: { detail: CaseDetail; rules: Rules }) {
  const planKind = Form.useWatch<string | undefined>('planKind');
  const unwilling = Form.useWatch<boolean | undefined>('unwillingToStay');
  const suggestion = unwilling ? detail.resumeSuggestionIfUnwilling : detail.resumeSuggestion;
  const form = Form.useFormInstance();
  // the child's wish changes the suggested plan: follow it (the user may still choose otherwise, with a reason)
  useEffect(() => {
    if (unwilling === undefined || !suggestion) return;
    form.setFieldsValue({ planKind: suggestion.kind, grade: suggestion.grade ?? undefined });
  }, [unwilling, suggestion, form]);
  const changed = suggestion !== null && planKind !== undefined && planKind !== suggestion.kind;
  return (
    <>
      {suggestion ? (
        <Alert
          type="info"
          showIcon
          title={`建议方案：${suggestion.kind}${suggestion.grade ? `（${GRADE_OPTIONS[suggestion.grade - 1]?.label ?? ''}）` : ''}`}
          description={suggestion.why}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form.Item name="unwillingToStay" valuePropName="checked" extra="须由学生本人提出（seed 004：根据实际情况和本人意愿适当调整年级）">
        <Checkbox>学生本人不愿在原年级就读</Checkbox>
      </Form.Item>
      <Form.Item name="planKind" label="复学方案" required rules={rules('planKind')}>
        <Select style={full} options={options(RESUME_PLAN_KINDS)} />
      </Form.Item>
      {changed ? (
        <Form.Item
          name="planReason"
          label="不采用建议方案的理由"
          required
          rules={[...rules('planReason'), need('与建议方案不同，请填写理由')]}
          extra="如：本人意愿（须由学生本人提出）、家长意见、身体状况"
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      ) : null}
      <Form.Item name="grade" label="复学年级" rules={rules('grade')}>
        <Select allowClear style={full} options={GRADE_OPTIONS} placeholder="原年级" />
      </Form.Item>
    </>
  );
}
