import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Descriptions, Flex, Typography, theme } from 'antd';
import { attachmentUrl } from '../../attachments/api';
import type { ApprovalItem } from '../api';
import { APPLICATION_FIELDS, CONDITION_FIELDS, DOCUMENT_FIELDS } from '../labels';

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** What was applied for: the fields, the conditions of seed 002 met or not, and the attached documents. */
export function ApprovalApplication({ approval }: { approval: ApprovalItem }) {
  const { token } = theme.useToken();
  const data = approval.data;
  const fields = APPLICATION_FIELDS.filter((f) => data[f.key] !== undefined && data[f.key] !== null && data[f.key] !== '');
  const long = fields.filter((f) => f.key === 'reason' || f.key === 'text');
  const short = fields.filter((f) => !long.includes(f));
  const health = data.health === true;
  const persuasions = typeof data.jointPersuasions === 'number' ? data.jointPersuasions : null;
  const required = typeof data.requiredJointPersuasions === 'number' ? data.requiredJointPersuasions : null;
  const conditions = health ? [] : CONDITION_FIELDS.filter((c) => c.key in data);
  const documents = DOCUMENT_FIELDS.filter((d) => isId(data[d.key]));
  const mark = (ok: boolean) =>
    ok ? <CheckCircleFilled style={{ color: token.colorSuccess }} /> : <CloseCircleFilled style={{ color: token.colorError }} />;

  return (
    <Flex vertical gap={8}>
      {short.length > 0 ? (
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} bordered={false}>
          {short.map((f) => (
            <Descriptions.Item key={f.key} label={f.label}>
              {f.render ? f.render(data[f.key]) : String(data[f.key])}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : null}
      {long.map((f) => (
        <Typography.Paragraph key={f.key} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">{f.label}：</Typography.Text>
          {String(data[f.key])}
        </Typography.Paragraph>
      ))}
      {conditions.length > 0 || (persuasions !== null && !health) ? (
        <Flex wrap gap={12}>
          {persuasions !== null && !health ? (
            <span>
              {mark(required === null || persuasions >= required || typeof data.courtRulingAttachmentId === 'string')} 联合劝返{' '}
              {persuasions} 次{required !== null ? `（须满 ${required} 次或有法院判决）` : ''}
            </span>
          ) : null}
          {conditions.map((c) => (
            <span key={c.key}>
              {mark(data[c.key] === true)} {c.label}
            </span>
          ))}
        </Flex>
      ) : null}
      {documents.length > 0 ? (
        <Flex wrap gap={12}>
          {documents.map((d) => (
            <Typography.Link key={d.key} href={attachmentUrl(String(data[d.key]))} target="_blank" rel="noreferrer">
              {d.label}
            </Typography.Link>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}
