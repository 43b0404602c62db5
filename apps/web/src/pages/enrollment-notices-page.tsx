import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { DEFAULT_COUNTY_SETTINGS, eligibleBirthRange, schoolYearOf } from '@notoneless/shared';
import { Alert, App, Button, Card, Flex, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../app/auth-context';
import { PageHeader } from '../components/page-header';
import { downloadEnrollmentNotices, openEnrollmentNoticesPrint } from '../features/enrollment-notices/api';
import { RequireCan } from '../features/inbox/components/require-can';
import { useTownshipOptions } from '../features/divisions/api';
import { useSettings } from '../features/settings/api';
import { errorMessage } from '../lib/api';
import { todayInShanghai } from '../lib/format';
import { SEARCH_BY_LABEL } from '../lib/select';

const WHOLE_COUNTY = '';

export function EnrollmentNoticesPage() {
  return (
    <RequireCan can="enrollmentNotices" what="入学通知书">
      <EnrollmentNotices />
    </RequireCan>
  );
}

/**
 * 入学通知书 (seed 001: 向适龄儿童少年的监护人发放入学通知书，在通知书中加入有关法律规定和违法追责说明): one batch for every
 * child of the coming grade-1 cohort of a township or the whole county, as DOCX or a print page.
 */
function EnrollmentNotices() {
  const me = useMe();
  const { message } = App.useApp();
  const settings = useSettings().data?.settings ?? DEFAULT_COUNTY_SETTINGS;
  const townships = useTownshipOptions();
  const county = me.roles.some((r) => r.scopeKind === 'county');
  const coming = schoolYearOf(todayInShanghai(), settings) + 1;
  const [schoolYear, setSchoolYear] = useState(coming);
  const [township, setTownship] = useState<string | undefined>(county ? WHOLE_COUNTY : undefined);
  const [busy, setBusy] = useState<'docx' | 'print' | null>(null);
  const options = [...(county ? [{ value: WHOLE_COUNTY, label: '全县' }] : []), ...townships.options];
  const chosen = township ?? (options.length === 1 ? options[0].value : undefined);
  const townshipName = options.find((o) => o.value === chosen)?.label ?? '';
  // the grade-1 cohort: one age band of the 适龄 rule
  const cohort = eligibleBirthRange(schoolYear, { ...settings, eligibleAgeTo: settings.eligibleAgeFrom });
  const query = { townshipCode: chosen || undefined, schoolYear };
  const ready = chosen !== undefined;

  const run = async (what: 'docx' | 'print') => {
    setBusy(what);
    try {
      if (what === 'docx') await downloadEnrollmentNotices(query, townshipName);
      else await openEnrollmentNoticesPrint(query);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader title="入学通知书" subtitle="按乡镇或全县，为即将入学的一年级适龄儿童批量生成入学通知书（含法律规定和违法追责说明）" />
      <Card style={{ maxWidth: 640 }}>
        <Form layout="vertical">
          <Form.Item label="范围" required>
            <Select
              showSearch={SEARCH_BY_LABEL}
              placeholder="选择乡镇"
              value={chosen}
              onChange={(v: string) => setTownship(v)}
              options={options}
              loading={townships.loading}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item
            label="入学学年"
            required
            extra={`出生于 ${cohort.from} 至 ${cohort.to} 的儿童（年满 ${settings.eligibleAgeFrom} 周岁）`}
          >
            <Select
              value={schoolYear}
              onChange={(v: number) => setSchoolYear(v)}
              options={[coming - 1, coming, coming + 1].map((y) => ({ value: y, label: `${y}—${y + 1} 学年（${y}年秋季入学）` }))}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Form>
        <Flex gap={8} wrap>
          <Button type="primary" icon={<DownloadOutlined />} disabled={!ready} loading={busy === 'docx'} onClick={() => void run('docx')}>
            下载 DOCX
          </Button>
          <Button icon={<PrinterOutlined />} disabled={!ready} loading={busy === 'print'} onClick={() => void run('print')}>
            打开打印页
          </Button>
        </Flex>
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          title="每名儿童一页，写明报到时间、学校和监护人义务"
          description={
            <Typography.Text type="secondary">
              打印页使用 A4 纸、仿宋字体，可在浏览器中直接打印或另存为 PDF。通知书送达后请监护人签收，回执存入控辍保学档案。
            </Typography.Text>
          }
        />
      </Card>
    </>
  );
}
