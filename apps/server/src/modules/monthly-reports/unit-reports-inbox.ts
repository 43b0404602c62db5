import { sql } from 'drizzle-orm';
import type { InboxEntryDto } from '@notoneless/shared';
import { rows } from '../../db/client';
import type { Ctx } from '../../http/context';
import { inboxItem } from '../inbox/inbox-item';
import { canReviewUnitReport, canSubmitUnitReport } from '../../policies/monthly-reports.policy';
import { schoolsNotAccepted } from './unit-report-rules';
import { loadUnitStates } from './unit-report-state';

/**
 * 乡镇月报's 待办 for last month: the 中心校 gets 「上报乡镇月报」 once every school of its unit is accepted and its own
 * report is not in (not submitted, returned by the county, or outdated by a school's correction); the county gets each
 * unit report waiting for it (submitted).
 */
export async function unitReportsInbox(ctx: Ctx, month: string): Promise<InboxEntryDto[]> {
  const a = ctx.actor;
  const county = canReviewUnitReport(a);
  const own = a.grants.filter((g) => g.role === 'unit_admin' && g.scopeKind === 'unit').map((g) => g.scopeId);
  if (!county && !own.length) return [];
  const unitIds = county
    ? (
        await rows<{ id: string }>(
          ctx.db,
          sql`select id from management_units where county_code = ${a.countyCode} and kind <> 'bureau' and active`,
        )
      ).map((u) => u.id)
    : own;
  const states = await loadUnitStates(ctx.db, a.countyCode, month, unitIds);
  const monthLabel = `${Number(month.slice(5, 7))}月`;
  const items: InboxEntryDto[] = [];
  for (const s of states) {
    const base = { childName: s.unit.name, schoolName: s.unit.name, townshipName: s.unit.townshipName };
    if (own.includes(s.unit.id) && canSubmitUnitReport(a, s.unit)) {
      const ready = s.schools.length > 0 && schoolsNotAccepted(s.schools).length === 0;
      const due = s.status === 'not_submitted' || s.status === 'returned' || s.outdated;
      if (ready && due)
        items.push(
          inboxItem({
            ...base,
            id: `monthly_unit_report_submit:${s.unit.id}:${month}`,
            kind: 'monthly_unit_report_submit',
            label:
              s.status === 'returned'
                ? `上报乡镇月报：${monthLabel}被县教育局退回${s.row?.reviewComment ? `（${s.row.reviewComment}）` : ''}，请重新上报`
                : s.outdated
                  ? `上报乡镇月报：${monthLabel}有学校更正了月报，请重新上报`
                  : `上报乡镇月报：${monthLabel}各校月报均已审核通过，请上报县教育局`,
            link: `/reports/monthly/consolidated?month=${month}`,
          }),
        );
      continue;
    }
    if (county && s.status === 'submitted' && s.row)
      items.push(
        inboxItem({
          ...base,
          id: `monthly_unit_report_review:${s.row.id}`,
          kind: 'monthly_unit_report_review',
          label: `${monthLabel}乡镇月报待接收${s.outdated ? '（上报后有学校更正，请退回）' : ''}`,
          link: `/reports/monthly/consolidated?month=${month}${s.unit.townshipCode ? `&townshipCode=${s.unit.townshipCode}` : ''}`,
        }),
      );
  }
  return items;
}
