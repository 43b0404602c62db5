import { REFERRAL_SUBJECTS, type CaseAction, type CaseDetail, type Me } from '@notoneless/shared';
import dayjs from 'dayjs';
import { todayInShanghai } from '../../lib/format';
import type { FormValues } from './offline/action-values';

/** Who visits, by the user's role (the tracking form's 班主任 / 学校 / 乡镇 sections). */
function visitorKind(me: Me): string {
  const roles = me.roles.map((r) => r.role);
  if (roles.includes('head_teacher')) return '班主任';
  if (roles.includes('township_official') || roles.includes('village_official')) return '乡镇';
  return '学校';
}

/** A new form's values: today, the user as signer, and what the case already knows for this action. */
export function defaultActionValues(type: CaseAction, detail: CaseDetail, me: Me): FormValues {
  const base: FormValues = { occurredOn: dayjs(todayInShanghai()), signedBy: me.displayName, attachments: [] };
  const teamNames = detail.team.map((t) => `${t.role} ${t.personName}`).join('、');
  switch (type) {
    case 'verify':
      return { ...base, result: 'dropout' };
    case 'home_visit':
      return { ...base, visitorKind: visitorKind(me), visitors: me.displayName };
    case 'contact':
      return {
        ...base,
        channel: '电话',
        contactWith: detail.guardianName ? `${detail.guardianRelation ?? '监护人'} ${detail.guardianName}` : '',
      };
    case 'notice_issued':
      return { ...base, guardianName: detail.guardianName ?? '' };
    case 'notice_delivered':
      return { ...base, deliveredTo: detail.guardianName ?? '' };
    case 'correction_order':
      return { ...base, dueOn: dayjs(todayInShanghai()).add(15, 'day') };
    case 'joint_persuasion':
      return { ...base, participants: teamNames };
    case 'referral':
      return { ...base, department: '公安', subject: REFERRAL_SUBJECTS['公安'] };
    case 'return':
      return {
        ...base,
        planKind: detail.resumeSuggestion?.kind,
        grade: detail.resumeSuggestion?.grade ?? detail.grade ?? undefined,
      };
    case 'follow_up':
      return { ...base, channel: '在校' };
    default:
      return base;
  }
}
