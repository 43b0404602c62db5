import { Alert, Button, Flex, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useBulkFindings, type BulkInput, type BulkResult } from '../api';
import { CloseModal, ConfirmModal } from './decision-modals';

type Props = {
  ids: string[];
  /** names of the chosen findings, for the result list */
  names: ReadonlyMap<string, string>;
  onClear: () => void;
  /** after a bulk action (the selection is spent: what was refused cannot be retried as is) */
  onDone: () => void;
};

type Open = 'confirm' | 'close' | null;

/** The chosen rows' actions: 批量列入疑似辍学台账, 批量核实关闭; each finding is decided on its own and refusals listed. */
export function BulkActions({ ids, names, onClear, onDone }: Props) {
  const isMobile = useIsMobile();
  const bulk = useBulkFindings();
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ action: BulkInput['action']; result: BulkResult } | null>(null);

  const send = (input: BulkInput) => {
    setError(null);
    bulk.mutate(input, {
      onSuccess: (r) => {
        setOpen(null);
        setResult({ action: input.action, result: r });
        onDone();
      },
      onError: (e) => setError(errorMessage(e)),
    });
  };
  const show = (which: Open) => {
    setError(null);
    setOpen(which);
  };
  const intro = (
    <Typography.Paragraph>
      已选择 {formatNumber(ids.length)} 条待核实的比对结果，逐条处理；已被他人处理或不能处理的会列出原因。
    </Typography.Paragraph>
  );

  return (
    <>
      {ids.length > 0 ? (
        <Flex
          gap={8}
          wrap
          align="center"
          vertical={isMobile}
          style={{ marginBottom: 12, padding: '8px 12px', background: '#e6f4ff', borderRadius: 8 }}
        >
          <Typography.Text>已选 {formatNumber(ids.length)} 条</Typography.Text>
          <Button type="primary" block={isMobile} onClick={() => show('confirm')}>
            批量列入疑似辍学台账
          </Button>
          <Button block={isMobile} onClick={() => show('close')}>
            批量核实关闭
          </Button>
          <Button type="link" onClick={onClear}>
            取消选择
          </Button>
        </Flex>
      ) : null}
      <ConfirmModal
        open={open === 'confirm'}
        title="批量列入疑似辍学台账"
        intro={intro}
        suspectedOnly
        submitting={bulk.isPending}
        error={error}
        onClose={() => setOpen(null)}
        onSubmit={(confirm) => send({ ids, action: 'confirm', confirm })}
      />
      <CloseModal
        open={open === 'close'}
        title="批量核实关闭"
        intro={intro}
        submitting={bulk.isPending}
        error={error}
        onClose={() => setOpen(null)}
        onSubmit={(close) => send({ ids, action: 'close', close })}
      />
      <Modal
        open={result !== null}
        title={result?.action === 'confirm' ? '批量列入疑似辍学台账' : '批量核实关闭'}
        onCancel={() => setResult(null)}
        footer={
          <Button type="primary" onClick={() => setResult(null)}>
            知道了
          </Button>
        }
      >
        {result ? <BulkOutcome result={result.result} names={names} /> : null}
      </Modal>
    </>
  );
}

function BulkOutcome({ result, names }: { result: BulkResult; names: ReadonlyMap<string, string> }) {
  return (
    <Flex vertical gap={12}>
      <Alert
        type={result.refused.length === 0 ? 'success' : result.done.length === 0 ? 'error' : 'warning'}
        showIcon
        title={`已处理 ${formatNumber(result.done.length)} 条${result.refused.length ? `，未处理 ${formatNumber(result.refused.length)} 条` : ''}`}
      />
      {result.refused.length > 0 ? (
        <List
          size="small"
          bordered
          header="未处理的比对结果"
          dataSource={result.refused}
          renderItem={(r) => (
            <List.Item>
              <Typography.Text strong>{names.get(r.id) ?? '比对结果'}</Typography.Text>：{r.message}
            </List.Item>
          )}
        />
      ) : null}
    </Flex>
  );
}
