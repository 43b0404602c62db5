import { CASE_STATUS_LABELS, type CaseStatus } from '@notoneless/shared';
import { gradeLabel } from '../../lib/labels';
import type { CaseEventDto } from './api';
import { EVENT_DATA_LABELS, VERIFY_RESULT_LABELS } from './labels';

const str = (d: Record<string, unknown>, key: string) => {
  const v = d[key];
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;
};

/** One sentence telling what happened, in the words of the tracking form. */
export function eventSentence(e: CaseEventDto): string {
  const d = e.data;
  const s = (key: string) => str(d, key);
  switch (e.type) {
    case 'opened':
      return '报告疑似辍学，建立个案';
    case 'verify':
      return `核实结果：${VERIFY_RESULT_LABELS[s('result') ?? ''] ?? s('result') ?? ''}${s('reason') ? `（${s('reason')}）` : ''}${
        s('dropoutKind') ? `（${s('dropoutKind')}${s('cause') ? `，${s('cause')}` : ''}）` : ''
      }`;
    case 'home_visit':
      return `${s('visitorKind') ?? ''}入户走访${s('metWith') ? `，见到${s('metWith')}` : ''}${s('result') ? `，结果：${s('result')}` : ''}`;
    case 'contact':
      return `${s('channel') ?? ''}联系${s('contactWith') ?? ''}${s('result') ? `，结果：${s('result')}` : ''}`;
    case 'notice_issued':
      return `向监护人${s('guardianName') ?? ''}发放《劝返通知书》`;
    case 'notice_delivered':
      return `《劝返通知书》送达，签收人：${s('deliveredTo') ?? ''}${s('returnDeadline') ? `，限 ${s('returnDeadline')} 前返校` : ''}`;
    case 'correction_order':
      return `乡镇责令监护人限期改正${s('dueOn') ? `，期限至 ${s('dueOn')}` : ''}`;
    case 'joint_persuasion':
      return `四包一联合劝返${s('result') ? `，结果：${s('result')}` : ''}`;
    case 'referral':
      return `转介${s('department') ?? '相关部门'}：${s('subject') ?? ''}`;
    case 'return':
      return `复学，方案：${s('planKind') ?? ''}${typeof d.grade === 'number' ? `，编入${gradeLabel(d.grade)}` : ''}`;
    case 'follow_up':
      return `巩固跟踪回访（${s('channel') ?? ''}）`;
    default:
      return e.label;
  }
}

/** Fields already in the sentence are not repeated below it. */
const IN_SENTENCE: Record<string, string[]> = {
  verify: ['result', 'reason', 'dropoutKind', 'cause'],
  home_visit: ['visitorKind', 'metWith', 'result'],
  contact: ['channel', 'contactWith', 'result'],
  notice_issued: ['guardianName'],
  notice_delivered: ['deliveredTo', 'returnDeadline'],
  correction_order: ['dueOn'],
  joint_persuasion: ['result'],
  referral: ['department', 'subject'],
  return: ['planKind', 'grade'],
  follow_up: ['channel'],
};

/** The details under the sentence: labelled fields, then the free text. */
export function eventDetails(e: CaseEventDto): { label: string; value: string }[] {
  const skip = IN_SENTENCE[e.type] ?? [];
  const lines: { label: string; value: string }[] = [];
  for (const [key, label] of Object.entries(EVENT_DATA_LABELS)) {
    if (skip.includes(key)) continue;
    const value = str(e.data, key);
    if (value) lines.push({ label, value: key === 'grade' ? gradeLabel(Number(value)) : value });
  }
  const text = str(e.data, 'text');
  if (text) lines.push({ label: '情况', value: text });
  return lines;
}

export function statusChange(e: CaseEventDto): string | null {
  if (!e.toStatus || e.toStatus === e.fromStatus) return null;
  const name = (s: string | null) => (s && s in CASE_STATUS_LABELS ? CASE_STATUS_LABELS[s as CaseStatus] : (s ?? ''));
  return e.fromStatus ? `${name(e.fromStatus)} → ${name(e.toStatus)}` : name(e.toStatus);
}
