import { COUNTY_SETTING_LABELS, countySettingsSchema, type CountySettings } from '@notoneless/shared';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { applyServerError, parseForm, zodRules } from '../../../lib/zod-form';
import { useSaveSettings } from '../api';
import { DEADLINE_DAY_KIND_LABELS, SETTING_GROUPS, settingText, type OwnCardSetting } from '../setting-groups';

/** The settings of this form: all but those with their own card (the 历史入学人数 rows, cohorts-form.tsx). */
type FormSettings = Omit<CountySettings, OwnCardSetting>;
type Key = keyof FormSettings;
type Props = { settings: CountySettings; defaults: CountySettings; canEdit: boolean };
const formSchema = countySettingsSchema.omit({ cohorts: true });
const formValues = ({ cohorts: _cohorts, ...rest }: CountySettings): FormSettings => rest;

const DAY_KIND_OPTIONS = (['calendar', 'working'] as const).map((k) => ({ value: k, label: DEADLINE_DAY_KIND_LABELS[k] }));
const PLACEHOLDERS: Partial<Record<Key, string>> = { schoolYearStart: 'MM-DD，如 09-01', attendanceReportBy: 'HH:mm，如 09:00' };

type InputProps = {
  name: Key;
  disabled: boolean;
  /** injected by Form.Item */
  id?: string;
  value?: string | number;
  onChange?: (value: unknown) => void;
};

function SettingInput({ name, disabled, id, value, onChange }: InputProps) {
  if (name === 'deadlineDayKind') {
    return <Select id={id} options={DAY_KIND_OPTIONS} disabled={disabled} value={value} onChange={onChange} />;
  }
  if (name === 'schoolYearStart' || name === 'attendanceReportBy') {
    return (
      <Input
        id={id}
        placeholder={PLACEHOLDERS[name]}
        maxLength={5}
        disabled={disabled}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
      />
    );
  }
  return (
    <InputNumber
      id={id}
      precision={0}
      style={{ width: '100%' }}
      disabled={disabled}
      value={typeof value === 'number' ? value : null}
      onChange={(next) => onChange?.(next)}
    />
  );
}

/** County settings in sections; each field shows its default and can go back to it. */
export function CountySettingsForm({ settings, defaults, canEdit }: Props) {
  const [form] = Form.useForm<FormSettings>();
  const { message } = App.useApp();
  const save = useSaveSettings();
  const rules = zodRules(form, formSchema);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const values = await parseForm(form, formSchema, undefined, setError);
    if (!values) return;
    const changed: Partial<FormSettings> = {};
    for (const key of Object.keys(values) as Key[]) {
      if (values[key] !== settings[key]) Object.assign(changed, { [key]: values[key] });
    }
    if (Object.keys(changed).length === 0) {
      message.info('没有修改');
      return;
    }
    save.mutate(changed, {
      onSuccess: () => message.success('县级设置已保存'),
      onError: (e) => setError(applyServerError(form, e)),
    });
  };

  return (
    <Form form={form} layout="vertical" initialValues={formValues(settings)} disabled={!canEdit}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {SETTING_GROUPS.map((group) => (
        <Card key={group.title} size="small" title={group.title} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            {group.keys.map((key: Key) => (
              <Col key={key} xs={24} md={12} xl={8}>
                <Form.Item
                  name={key}
                  label={COUNTY_SETTING_LABELS[key]}
                  required={canEdit}
                  rules={rules(key)}
                  extra={
                    <Flex gap={8} align="center">
                      <span>默认：{settingText(defaults[key])}</span>
                      {canEdit ? (
                        <Button
                          type="link"
                          size="small"
                          style={{ padding: 0, height: 'auto' }}
                          onClick={() => form.setFieldValue(key, defaults[key])}
                        >
                          恢复默认
                        </Button>
                      ) : null}
                    </Flex>
                  }
                >
                  <SettingInput name={key} disabled={!canEdit} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
      ))}
      {canEdit ? (
        <Flex justify="flex-end" gap={8}>
          <Button onClick={() => form.resetFields()} disabled={save.isPending}>
            撤销修改
          </Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()}>
            保存设置
          </Button>
        </Flex>
      ) : null}
    </Form>
  );
}
