import { CASE_ACTION_LABELS, type CaseAction } from '@notoneless/shared';
import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useIsMobile } from '../../../lib/use-is-mobile';

/** The next step of the work in each status stands out; the rest are plain buttons. */
const MAIN: readonly CaseAction[] = [
  'verify',
  'home_visit',
  'notice_issued',
  'notice_delivered',
  'return',
  'closure_request',
  'closure_confirm',
];
/** actions with their own forms elsewhere on the page */
const ELSEWHERE: readonly CaseAction[] = ['deferral_request'];

type Props = { actions: CaseAction[]; onAction: (type: CaseAction) => void; extra?: ReactNode };

/** Exactly the actions the server says this user may take now (detail.actions), labelled from the transition table. */
export function CaseActionButtons({ actions, onAction, extra }: Props) {
  const isMobile = useIsMobile();
  const shown = actions.filter((a) => !ELSEWHERE.includes(a));
  if (shown.length === 0 && !extra) return null;
  const ordered = [...shown.filter((a) => MAIN.includes(a)), ...shown.filter((a) => !MAIN.includes(a))];
  const cell = isMobile ? { flex: '1 1 calc(50% - 4px)', minWidth: 0 } : undefined;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      {ordered.map((a) => (
        <Button key={a} type={MAIN.includes(a) ? 'primary' : 'default'} danger={a === 'relapse'} style={cell} onClick={() => onAction(a)}>
          {CASE_ACTION_LABELS[a]}
        </Button>
      ))}
      {extra}
    </Flex>
  );
}
