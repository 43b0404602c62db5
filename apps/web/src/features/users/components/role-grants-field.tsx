import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DEPARTMENTS, ROLES, ROLE_LABELS, ROLE_SCOPE_KIND, SCOPE_KIND_LABELS, type Role } from '@notoneless/shared';
import { Button, Card, Col, Form, Input, Row, Select, type FormInstance } from 'antd';
import { useMe } from '../../../app/auth-context';
import type { FieldPath } from '../../../lib/zod-form';
import { ScopeSelect } from './scope-select';

type Rules = (path: string | FieldPath) => { validator: () => Promise<void> }[];
type Props = { form: FormInstance; rules: Rules };

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const DEPARTMENT_OPTIONS = DEPARTMENTS.map((d) => ({ value: d, label: d }));

function RoleGrantRow({ form, rules, index, onRemove }: Props & { index: number; onRemove: () => void }) {
  const me = useMe();
  const role = Form.useWatch<Role | undefined>(['roles', index, 'role'], form);
  const scopeName = Form.useWatch<string | undefined>(['roles', index, 'scopeName'], form);
  const kind = role ? ROLE_SCOPE_KIND[role] : undefined;
  const at = (field: string) => ['roles', index, field];

  const onRoleChange = (next: Role) => {
    const nextKind = ROLE_SCOPE_KIND[next];
    const county = nextKind === 'county';
    form.setFieldValue(at('scopeKind'), nextKind);
    form.setFieldValue(at('scopeId'), county ? me.countyCode : undefined);
    form.setFieldValue(at('scopeName'), county ? me.countyName : undefined);
  };

  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Row gutter={12} align="top">
        <Col xs={24} md={10}>
          <Form.Item name={[index, 'role']} label="角色" required rules={rules(at('role'))}>
            <Select options={ROLE_OPTIONS} placeholder="选择角色" onChange={onRoleChange} />
          </Form.Item>
        </Col>
        <Col xs={20} md={12}>
          <Form.Item
            name={[index, 'scopeId']}
            label={kind ? `范围（${SCOPE_KIND_LABELS[kind]}）` : '范围'}
            required
            rules={rules(at('scopeId'))}
          >
            {kind === 'county' ? (
              <Select disabled options={[{ value: me.countyCode, label: me.countyName }]} />
            ) : kind === 'department' ? (
              <Select
                options={DEPARTMENT_OPTIONS}
                placeholder="选择部门"
                onChange={(value: string) => form.setFieldValue(at('scopeName'), value)}
              />
            ) : kind ? (
              <ScopeSelect
                key={kind}
                kind={kind}
                selectedName={scopeName}
                onChange={(_, name) => form.setFieldValue(at('scopeName'), name)}
              />
            ) : (
              <Select disabled placeholder="请先选择角色" />
            )}
          </Form.Item>
          <Form.Item name={[index, 'scopeKind']} hidden>
            <Input />
          </Form.Item>
          <Form.Item name={[index, 'scopeName']} hidden>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={4} md={2} style={{ paddingTop: 30, textAlign: 'right' }}>
          <Button type="text" danger aria-label="删除此角色" icon={<DeleteOutlined />} onClick={onRemove} />
        </Col>
      </Row>
    </Card>
  );
}

/** Roles as a list of { role, scopeKind, scopeId }; the scope kind follows the role. */
export function RoleGrantsField({ form, rules }: Props) {
  return (
    <Form.List name="roles" rules={rules('roles')}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field) => (
            <RoleGrantRow key={field.key} form={form} rules={rules} index={field.name} onRemove={() => remove(field.name)} />
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
            添加角色
          </Button>
        </>
      )}
    </Form.List>
  );
}
