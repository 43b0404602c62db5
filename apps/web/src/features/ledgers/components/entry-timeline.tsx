import { LEDGER_SOURCE_LABELS } from '@notoneless/shared';
import { Card, Empty, Flex, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import type { LedgerEvent } from '../api';

const COLORS: Record<string, string> = { opened: 'blue', closed: 'green', confirmed_dropout: 'red', note: 'gray' };

/** What an event's data says, in the page's words; unknown keys are left out. */
function dataLines(data: unknown): { label: string; value: ReactNode }[] {
  if (typeof data !== 'object' || data === null) return [];
  const d = data as Record<string, unknown>;
  const text = (key: string) => (typeof d[key] === 'string' && d[key] !== '' ? (d[key] as string) : null);
  const lines: { label: string; value: ReactNode }[] = [];
  const source = text('source');
  if (source) lines.push({ label: '线索来源', value: LEDGER_SOURCE_LABELS[source as keyof typeof LEDGER_SOURCE_LABELS] ?? source });
  const from = text('from');
  if (from) lines.push({ label: '转自', value: <Link to={`/ledgers/entries/${from}`}>疑似辍学台账记录</Link> });
  // the dropout entry a 认定辍学 opened, when the server records it on the closed suspected entry
  const to = text('to');
  if (to) lines.push({ label: '转入', value: <Link to={`/ledgers/entries/${to}`}>辍学学生台账记录</Link> });
  for (const [key, label] of [
    ['cause', '原因'],
    ['reason', '销号原因'],
    ['evidence', '依据'],
    ['note', '说明'],
  ] as const) {
    const value = text(key);
    if (value) lines.push({ label, value });
  }
  return lines;
}

/** The entry's history, newest first: who did what, when, and on what grounds. */
export function EntryTimeline({ events }: { events: LedgerEvent[] }) {
  // an entry opened by 认定辍学 has both events at the same instant: the opening goes below
  const rank = (e: LedgerEvent) => (e.type === 'opened' ? 0 : 1);
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at) || rank(b) - rank(a));
  return (
    <Card size="small" title="办理记录" style={{ marginBottom: 16 }}>
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
      ) : (
        <Timeline
          items={sorted.map((e, i) => ({
            key: `${e.at}-${e.type}-${i}`,
            color: COLORS[e.type] ?? 'gray',
            content: (
              <Flex vertical gap={2}>
                <Typography.Text strong>{e.typeLabel}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)} · {e.actorName ?? '系统'}
                </Typography.Text>
                {dataLines(e.data).map((line) => (
                  <Typography.Text key={line.label} style={{ wordBreak: 'break-word' }}>
                    {line.label}：{line.value}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
