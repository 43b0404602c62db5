import { CASE_ACTION_LABELS } from '@notoneless/shared';
import { Alert, Button, Flex } from 'antd';
import { Link } from 'react-router';
import { useOutbox } from '../offline/use-outbox';

/** 「已离线保存…」: records waiting for the network, and those the server refused, each linking to its case. */
export function OfflineOutboxBanner() {
  const { queued, refused, retry } = useOutbox();
  if (queued.length === 0 && refused.length === 0) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      {queued.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`有 ${queued.length} 条记录已离线保存，恢复网络后自动提交`}
          description={
            <Flex vertical gap={2}>
              {queued.map((d) => (
                <Link key={`${d.caseId}-${d.type}`} to={`/cases/${d.caseId}`}>
                  {d.childName} · {CASE_ACTION_LABELS[d.type]}
                </Link>
              ))}
            </Flex>
          }
          action={
            <Button size="small" onClick={retry}>
              立即重试
            </Button>
          }
        />
      ) : null}
      {refused.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title="以下离线记录未能提交，请打开个案核对后重新提交"
          description={
            <Flex vertical gap={2}>
              {refused.map((d) => (
                <span key={`${d.caseId}-${d.type}`}>
                  <Link to={`/cases/${d.caseId}`}>
                    {d.childName} · {CASE_ACTION_LABELS[d.type]}
                  </Link>
                  ：{d.error}
                </span>
              ))}
            </Flex>
          }
        />
      ) : null}
    </Flex>
  );
}
