import { ExportOutlined } from '@ant-design/icons';
import { disclosureContentSchema, type DisclosureEdit } from '@notoneless/shared';
import { App, Button, Flex, Form, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FullPageSpin } from '../components/full-page-spin';
import { PageHeader } from '../components/page-header';
import { QueryError } from '../components/query-error';
import { usePublishDisclosure, useSaveDisclosure, useDisclosure } from '../features/disclosure/api';
import { DisclosureForm, emptyContent } from '../features/disclosure/components/disclosure-form';
import { RequireCan } from '../features/inbox/components/require-can';
import { applyServerError, parseForm } from '../lib/zod-form';
import { errorMessage } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { useUrlFilters } from '../lib/use-url-filters';

const KEYS = ['year'] as const;

export function DisclosureSettingsPage() {
  return (
    <RequireCan can="disclosure" what="信息公开">
      <DisclosureSettingsView />
    </RequireCan>
  );
}

/** 信息公开 (seed 001): the county admin writes the year's page, then 发布; the public page needs no login. */
function DisclosureSettingsView() {
  const { filters, setFilters } = useUrlFilters(KEYS);
  const query = useDisclosure(filters.year);
  const d = query.data;
  return (
    <>
      <PageHeader
        title="信息公开"
        subtitle="向社会公开控辍保学年度任务、工作做法、责任主体和联系方式；公开页面只显示汇总数字，不含任何学生个人信息"
        extra={
          d ? (
            <>
              <Select
                aria-label="学年"
                value={d.year}
                style={{ width: 150 }}
                options={d.years.map((y) => ({ value: y, label: `${y.slice(0, 4)}—${y.slice(5)}学年` }))}
                onChange={(y) => setFilters({ year: y })}
              />
              <Button icon={<ExportOutlined />} href={d.publicPath} target="_blank" rel="noopener">
                查看公开页面
              </Button>
            </>
          ) : null
        }
      />
      {query.isPending ? <FullPageSpin /> : null}
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {d ? <Editor key={d.year} d={d} /> : null}
    </>
  );
}

function StatusLine({ d }: { d: DisclosureEdit }) {
  const tag =
    d.status === 'published' ? (
      <Tag color="green">已发布</Tag>
    ) : d.status === 'draft' ? (
      <Tag color="orange">未发布</Tag>
    ) : (
      <Tag>尚未填写</Tag>
    );
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
      {tag}
      {d.publishedAt ? <Typography.Text type="secondary">发布于 {formatDateTime(d.publishedAt)}</Typography.Text> : null}
      {d.status === 'published' && d.unpublishedChanges ? <Tag color="gold">有未发布的修改</Tag> : null}
      {d.status === 'published' ? (
        <Typography.Text copyable={{ text: `${window.location.origin}${d.publicPath}` }} type="secondary">
          公开地址：{window.location.origin}
          {d.publicPath}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

function Editor({ d }: { d: DisclosureEdit }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveDisclosure(d.year);
  const publish = usePublishDisclosure(d.year);
  const canEdit = d.can.edit === true;

  const saveDraft = async (): Promise<boolean> => {
    setError(null);
    const input = await parseForm(form, disclosureContentSchema, undefined, setError);
    if (!input) return false;
    try {
      await save.mutateAsync(input);
      return true;
    } catch (e) {
      setError(applyServerError(form, e));
      return false;
    }
  };

  const onSave = async () => {
    if (await saveDraft()) message.success('已保存（尚未发布）');
  };
  const onPublish = async () => {
    if (!(await saveDraft())) return;
    publish.mutate(true, {
      onSuccess: () => message.success('已发布，公众无需登录即可查看'),
      onError: (e) => message.error(errorMessage(e)),
    });
  };
  const onUnpublish = () =>
    publish.mutate(false, {
      onSuccess: () => message.success('已撤回，公开页面不再显示'),
      onError: (e) => message.error(errorMessage(e)),
    });

  return (
    <>
      <StatusLine d={d} />
      <DisclosureForm form={form} initial={d.draft ?? emptyContent(d.countyName, d.yearLabel)} canEdit={canEdit} error={error} />
      {canEdit ? (
        <Flex gap={8} wrap style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: 'var(--ant-color-bg-layout, #f5f5f5)' }}>
          <Button onClick={() => void onSave()} loading={save.isPending && !publish.isPending}>
            保存草稿
          </Button>
          <Button type="primary" onClick={() => void onPublish()} loading={publish.isPending}>
            发布
          </Button>
          {d.can.unpublish ? (
            <Popconfirm title="撤回后公开页面将不再显示，确定撤回？" okText="撤回" cancelText="取消" onConfirm={onUnpublish}>
              <Button danger>撤回发布</Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ) : (
        <Typography.Text type="secondary">只有县级管理员可以编辑和发布。</Typography.Text>
      )}
    </>
  );
}
