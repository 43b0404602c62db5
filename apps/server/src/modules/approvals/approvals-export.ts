import { APPROVAL_RIGHT_LABELS, APPROVAL_STATUS_LABELS, shanghaiToday, type ApprovalQuery, type ApprovalRight } from '@notoneless/shared';
import { audit, inTx, type Ctx } from '../../http/context';
import { exportSubtitle, truncatedNote } from '../../lib/export-info';
import { buildXlsx } from '../../lib/xlsx';
import { canSeeApprovals } from '../../policies/approvals.policy';
import { authorize } from '../../policies/org.policy';
import { countyName } from '../auth/auth.repository';
import { presentApprovalListItem } from './approvals.presenter';
import * as repo from './approvals.repository';

const EXPORT_LIMIT = 20_000;
const DECISIONS: Record<string, string> = { approve: '同意', approved: '同意', reject: '不同意', rejected: '不同意' };
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The 延缓入学/休学 approvals list as XLSX with the page's filters (product.md); IDs masked; audited. */
export async function exportApprovals(ctx: Ctx, q: Omit<ApprovalQuery, 'page' | 'pageSize'>) {
  authorize(canSeeApprovals(ctx.actor), '您的角色不能查看延缓入学/休学审批');
  const today = shanghaiToday(ctx.now);
  const decidable = q.status === 'pending' && !q.mine;
  const res = await repo.listApprovals(ctx.db, ctx.actor, { status: q.status, mine: q.mine, decidable }, EXPORT_LIMIT, 0);
  const steps = await repo.stepsOf(
    ctx.db,
    ctx.actor.countyCode,
    res.items.map((r) => r.approval.id),
  );
  const items = res.items.map((r) => presentApprovalListItem(ctx.actor, r, steps.get(r.approval.id) ?? []));
  const data = items.map((a) => [
    a.childName,
    a.idNumberMasked,
    a.schoolName ?? '',
    a.townshipName ?? '',
    a.typeLabel,
    text(a.data.fromDate),
    text(a.data.toDate),
    text(a.data.reason),
    a.requesterName,
    a.createdAt.slice(0, 10),
    APPROVAL_STATUS_LABELS[a.status],
    a.steps.map((s) => `${s.rightLabel}：${s.deciderName}${DECISIONS[s.decision] ?? s.decision}`).join('；'),
    a.nextRight ? (APPROVAL_RIGHT_LABELS[a.nextRight as ApprovalRight] ?? a.nextRight) : '',
    a.caseStatusLabel,
  ]);
  const filters = [
    q.status === 'pending' && !q.mine ? '待我审批' : q.status ? `状态：${APPROVAL_STATUS_LABELS[q.status]}` : null,
    q.mine ? '我的申请' : null,
  ];
  const buf = await buildXlsx('审批', {
    title: `${await countyName(ctx.db, ctx.actor.countyCode)} 延缓入学/休学审批`,
    subtitle: exportSubtitle(ctx, today, {
      filters,
      count: `共 ${data.length} 件${truncatedNote(res.total, data.length, '件')}`,
      note: '身份证号已脱敏',
    }),
    columns: [
      { header: '儿童', width: 10 },
      { header: '身份证号', width: 22 },
      { header: '学校', width: 24 },
      { header: '乡镇', width: 12 },
      { header: '申请类型', width: 10 },
      { header: '起始日期', width: 12 },
      { header: '截止日期', width: 12 },
      { header: '申请理由', width: 30 },
      { header: '申请人', width: 10 },
      { header: '申请日期', width: 12 },
      { header: '状态', width: 10 },
      { header: '审批记录', width: 40 },
      { header: '待审批环节', width: 28 },
      { header: '个案状态', width: 14 },
    ],
    rows: data,
  });
  await inTx(ctx, (tx) =>
    audit(tx, ctx, { action: 'approvals.exported', targetType: 'approvals', data: { filter: q, rows: data.length } }),
  );
  return { buf, fileName: `延缓入学休学审批-${today}.xlsx` };
}
