import type { MonthlyReport } from '@notoneless/shared';
import { Alert, App, Button, Card, Empty, Flex, Input, List, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { gradeLabel } from '../../../lib/labels';
import { drillIdOf, useDrillDown, useSaveExplanations } from '../api';

type Row = { childId: string; name: string; where: string; detail: string };

/**
 * The children in the gap no cause explains, and those the school has explained (counted as 其他): the school writes
 * one line per child and a note on the month. Saving sends them to the server, which recomputes the figures.
 */
export function ExplanationsCard({ report }: { report: MonthlyReport }) {
  const { message } = App.useApp();
  const editable = report.can.explain === true;
  const explained = report.explanations.children;
  const hasExplained = Object.keys(explained).length > 0;
  const unexplained = useDrillDown(drillIdOf(report), 'gap.unexplained', report.figures.unexplained.count > 0);
  const other = useDrillDown(drillIdOf(report), 'gap.other', hasExplained);
  const save = useSaveExplanations(report.schoolId ?? '', report.month);
  const [texts, setTexts] = useState<Record<string, string>>(explained);
  const [note, setNote] = useState(report.explanations.note);

  const rows = useMemo(() => {
    const list: Row[] = [];
    const seen = new Set<string>();
    for (const c of [...(unexplained.data?.items ?? []), ...(other.data?.items ?? [])]) {
      if (seen.has(c.childId)) continue;
      if (!(c.childId in explained) && !unexplained.data?.items.some((u) => u.childId === c.childId)) continue;
      seen.add(c.childId);
      const where = [c.grade ? gradeLabel(c.grade) : null, c.className].filter(Boolean).join(' ');
      list.push({ childId: c.childId, name: c.name, where, detail: c.detail });
    }
    return list;
  }, [unexplained.data, other.data, explained]);

  const onSave = async () => {
    const children: Record<string, string> = {};
    for (const [id, text] of Object.entries(texts)) if (text.trim()) children[id] = text.trim();
    try {
      await save.mutateAsync({ note: note.trim(), children });
      message.success('说明已保存，数据已重新计算');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const loading = unexplained.isFetching || other.isFetching;
  const listError = unexplained.error ?? other.error;
  const nothing = report.figures.unexplained.count === 0 && !hasExplained;
  if (nothing && !editable && !report.explanations.note) return null;

  return (
    <Card size="small" title="未说明学生与情况说明" style={{ marginBottom: 16 }} data-testid="explanations">
      {report.figures.unexplained.count > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`还有 ${report.figures.unexplained.count} 名学生在籍未在校，且没有请假、休学、转学等记录`}
          description={editable ? '请逐一填写情况说明，保存后计入“其他”。' : undefined}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {listError ? <Alert type="error" showIcon title={errorMessage(listError)} style={{ marginBottom: 12 }} /> : null}
      {rows.length === 0 && !loading ? (
        nothing ? (
          <Typography.Paragraph type="secondary">人籍差额均已由请假、休学、转学等记录说明。</Typography.Paragraph>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有需要说明的学生" />
        )
      ) : (
        <List
          size="small"
          loading={loading}
          dataSource={rows}
          renderItem={(r) => (
            <List.Item key={r.childId} style={{ display: 'block' }} data-testid="explain-row">
              <Flex gap={8} wrap align="baseline">
                <Typography.Text strong>{r.name}</Typography.Text>
                <Typography.Text type="secondary">{r.where}</Typography.Text>
                {r.childId in explained ? null : <Typography.Text type="danger">未说明</Typography.Text>}
              </Flex>
              {editable ? (
                <Input
                  aria-label={`${r.name} 的情况说明`}
                  placeholder="情况说明（如：随父母外出务工地就读，已联系确认）"
                  maxLength={200}
                  value={texts[r.childId] ?? ''}
                  onChange={(e) => setTexts((t) => ({ ...t, [r.childId]: e.target.value }))}
                  style={{ marginTop: 6 }}
                />
              ) : (
                <div style={{ wordBreak: 'break-word' }}>{explained[r.childId] ?? r.detail}</div>
              )}
            </List.Item>
          )}
        />
      )}
      <Typography.Text strong style={{ display: 'block', marginTop: 12, marginBottom: 6 }}>
        本月情况说明
      </Typography.Text>
      {editable ? (
        <Input.TextArea
          aria-label="本月情况说明"
          rows={3}
          maxLength={2000}
          showCount
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="填写在表下方的说明（可不填）"
        />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{report.explanations.note || '无'}</Typography.Paragraph>
      )}
      {editable ? (
        <Flex justify="flex-end" style={{ marginTop: 12 }}>
          <Button type="primary" loading={save.isPending} onClick={() => void onSave()}>
            保存说明
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
