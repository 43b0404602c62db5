import { App, Button, Card, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { can } from '../../../lib/abilities';
import { errorMessage } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useDecideIdentity, useIdentityDecisions, useRevokeIdentityDecision, type FindingDetail, type IdentityDecision } from '../api';
import { IdentityModal } from './identity-modal';

const side = (s: IdentityDecision['left']) => `${s.kindLabel}「${s.name}」${s.idNumberMasked ? ` ${s.idNumberMasked}` : ''}`;

function DecisionItem({ d, onRevoke, revoking }: { d: IdentityDecision; onRevoke: () => void; revoking: boolean }) {
  const revoked = d.revokedAt !== null;
  return (
    <List.Item
      actions={
        can(d.abilities, 'revoke', false)
          ? [
              <Popconfirm
                key="revoke"
                title="撤销这条认定？"
                description="撤销后，下次比对将按数据本身重新认定。"
                okText="撤销"
                cancelText="取消"
                onConfirm={onRevoke}
              >
                <Button size="small" danger loading={revoking}>
                  撤销
                </Button>
              </Popconfirm>,
            ]
          : undefined
      }
    >
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <span>
          <Tag color={revoked ? 'default' : d.decision === 'merge' ? 'blue' : 'orange'}>{d.decisionLabel}</Tag>
          {revoked ? <Tag>已撤销</Tag> : null}
        </span>
        <Typography.Text style={{ wordBreak: 'break-all' }} delete={revoked}>
          {side(d.left)} 与 {side(d.right)}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
          {d.left.place}；{d.right.place}
        </Typography.Text>
        <Typography.Text style={{ fontSize: 13 }}>理由：{d.reason}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {d.decidedByName} · {formatDateTime(d.decidedAt)}
          {revoked ? `；${d.revokedByName ?? ''} 于 ${formatDateTime(d.revokedAt)} 撤销` : ''}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

/**
 * 身份认定 on a finding (issue 4, item 5): 「合并为同一人」 with one of the candidates the engine listed, 「不是同一人
 * （拆分）」 for a wrong automatic link; the decisions with who and when, and 「撤销」. Effective at the next run.
 */
export function IdentityPanel({ finding }: { finding: FindingDetail }) {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const decisions = useIdentityDecisions(finding.id);
  const decide = useDecideIdentity(finding.id);
  const revoke = useRevokeIdentityDecision(finding.id);
  const [mode, setMode] = useState<'merge' | 'split' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canMerge = can(finding.abilities, 'merge', false);
  const canSplit = can(finding.abilities, 'split', false);
  const list = decisions.data ?? [];
  if (!canMerge && !canSplit && list.length === 0) return null;

  const open = (m: 'merge' | 'split') => {
    setError(null);
    setMode(m);
  };

  return (
    <Card size="small" title="身份认定" style={{ marginBottom: 16 }}>
      {canMerge || canSplit ? (
        <Flex gap={8} wrap vertical={isMobile} style={{ marginBottom: 12 }}>
          {canMerge ? (
            <Button type="primary" ghost onClick={() => open('merge')}>
              合并为同一人
            </Button>
          ) : null}
          {canSplit ? <Button onClick={() => open('split')}>不是同一人（拆分）</Button> : null}
        </Flex>
      ) : null}
      {list.length === 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {canMerge ? '系统发现多个可能的人选，未自动认定，请核对后合并。' : '如系统把两个不同的孩子认成了同一人，可以拆分。'}
          认定在下次比对时生效。
        </Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={list}
          rowKey="id"
          renderItem={(d) => (
            <DecisionItem
              d={d}
              revoking={revoke.isPending && revoke.variables === d.id}
              onRevoke={() =>
                revoke.mutate(d.id, {
                  onSuccess: () => void message.success('已撤销，下次比对时生效'),
                  onError: (e) => void message.error(errorMessage(e)),
                })
              }
            />
          )}
        />
      )}
      <IdentityModal
        mode={mode}
        finding={finding}
        submitting={decide.isPending}
        error={error}
        onClose={() => setMode(null)}
        onSubmit={(input) =>
          decide.mutate(input, {
            onSuccess: () => {
              setMode(null);
              void message.success(input.decision === 'merge' ? '已认定为同一人，下次比对时生效' : '已认定不是同一人，下次比对时生效');
            },
            onError: (e) => setError(errorMessage(e)),
          })
        }
      />
    </Card>
  );
}
