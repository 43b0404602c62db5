import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { disclosureContentSchema, type DisclosureContent } from '@notoneless/shared';
import { Alert, Button, Card, Flex, Form, Input, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { zodRules } from '../../../lib/zod-form';

/** What a county starts from (seed 001: 年度任务、工作做法、责任主体 and a hotline). */
export function emptyContent(countyName: string, yearLabel: string): DisclosureContent {
  return {
    title: `${countyName}${yearLabel}义务教育控辍保学工作信息公开`,
    intro: '',
    tasks: [''],
    measures: [],
    bodies: [],
    contacts: [],
    supervision: '',
  };
}

function ListCard({
  title,
  onAdd,
  addLabel,
  canEdit,
  children,
}: {
  title: string;
  onAdd: () => void;
  addLabel: string;
  canEdit: boolean;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 16 }}
      extra={
        canEdit ? (
          <Button size="small" icon={<PlusOutlined />} onClick={onAdd}>
            {addLabel}
          </Button>
        ) : null
      }
    >
      {children}
    </Card>
  );
}

const Remove = ({ onClick, canEdit }: { onClick: () => void; canEdit: boolean }) =>
  canEdit ? <Button type="text" danger aria-label="删除" icon={<DeleteOutlined />} onClick={onClick} /> : null;

/** The 信息公开 content: title, 导语, 年度任务, 工作措施, 责任主体, 联系方式, 监督说明. */
export function DisclosureForm({
  form,
  initial,
  canEdit,
  error,
}: {
  form: FormInstance;
  initial: DisclosureContent;
  canEdit: boolean;
  error: string | null;
}) {
  const rules = zodRules(form, disclosureContentSchema);
  return (
    <Form form={form} layout="vertical" initialValues={initial} disabled={!canEdit}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Card size="small" title="标题与导语" style={{ marginBottom: 16 }}>
        <Form.Item label="标题" name="title" rules={rules('title')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item label="导语" name="intro" rules={rules('intro')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      </Card>

      <Form.List name="tasks">
        {(fields, { add, remove }) => (
          <ListCard title="年度任务" addLabel="添加任务" canEdit={canEdit} onAdd={() => add('')}>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item
                  name={field.name}
                  rules={rules(['tasks', i])}
                  style={{ flex: 1, marginBottom: 12 }}
                  aria-label={`年度任务${i + 1}`}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} placeholder={`任务 ${i + 1}`} />
                </Form.Item>
                <Remove canEdit={canEdit} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            {fields.length === 0 ? <Alert type="warning" showIcon title="请至少填写一项年度任务" /> : null}
          </ListCard>
        )}
      </Form.List>

      <Form.List name="measures">
        {(fields, { add, remove }) => (
          <ListCard title="工作措施" addLabel="添加措施" canEdit={canEdit} onAdd={() => add({ title: '', text: '' })}>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                type="inner"
                style={{ marginBottom: 12 }}
                extra={<Remove canEdit={canEdit} onClick={() => remove(field.name)} />}
                title={`措施 ${i + 1}`}
              >
                <Form.Item label="名称" name={[field.name, 'title']} rules={rules(['measures', i, 'title'])}>
                  <Input maxLength={60} placeholder="如：四包一联合劝返" />
                </Form.Item>
                <Form.Item label="内容" name={[field.name, 'text']} rules={rules(['measures', i, 'text'])} style={{ marginBottom: 0 }}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={1000} />
                </Form.Item>
              </Card>
            ))}
          </ListCard>
        )}
      </Form.List>

      <Form.List name="bodies">
        {(fields, { add, remove }) => (
          <ListCard title="责任主体" addLabel="添加责任主体" canEdit={canEdit} onAdd={() => add({ name: '', duty: '', contact: '' })}>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                type="inner"
                style={{ marginBottom: 12 }}
                extra={<Remove canEdit={canEdit} onClick={() => remove(field.name)} />}
                title={`责任主体 ${i + 1}`}
              >
                <Form.Item label="单位" name={[field.name, 'name']} rules={rules(['bodies', i, 'name'])}>
                  <Input maxLength={60} />
                </Form.Item>
                <Form.Item label="职责" name={[field.name, 'duty']} rules={rules(['bodies', i, 'duty'])}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={500} />
                </Form.Item>
                <Form.Item
                  label="联系方式"
                  name={[field.name, 'contact']}
                  rules={rules(['bodies', i, 'contact'])}
                  style={{ marginBottom: 0 }}
                >
                  <Input maxLength={100} />
                </Form.Item>
              </Card>
            ))}
          </ListCard>
        )}
      </Form.List>

      <Form.List name="contacts">
        {(fields, { add, remove }) => (
          <ListCard
            title="联系电话（监督热线）"
            addLabel="添加电话"
            canEdit={canEdit}
            onAdd={() => add({ label: '', phone: '', hours: '' })}
          >
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} wrap align="flex-start">
                <Form.Item
                  name={[field.name, 'label']}
                  rules={rules(['contacts', i, 'label'])}
                  style={{ flex: '1 1 200px', marginBottom: 12 }}
                >
                  <Input placeholder="名称，如：控辍保学监督电话" maxLength={60} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'phone']}
                  rules={rules(['contacts', i, 'phone'])}
                  style={{ flex: '1 1 140px', marginBottom: 12 }}
                >
                  <Input placeholder="电话" inputMode="tel" maxLength={30} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'hours']}
                  rules={rules(['contacts', i, 'hours'])}
                  style={{ flex: '1 1 140px', marginBottom: 12 }}
                >
                  <Input placeholder="接听时间" maxLength={60} />
                </Form.Item>
                <Remove canEdit={canEdit} onClick={() => remove(field.name)} />
              </Flex>
            ))}
          </ListCard>
        )}
      </Form.List>

      <Card size="small" title="监督说明" style={{ marginBottom: 16 }}>
        <Form.Item name="supervision" rules={rules('supervision')} style={{ marginBottom: 0 }}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={500}
            placeholder="如：发现适龄儿童少年失学辍学的，可拨打以上电话反映"
          />
        </Form.Item>
      </Card>
    </Form>
  );
}
