import { REFERRAL_STATUS_LABELS, shanghaiToday, type ReferralQuery } from '@notoneless/shared';
import { audit, inTx, type Ctx } from '../../http/context';
import { exportSubtitle, truncatedNote } from '../../lib/export-info';
import { buildXlsx } from '../../lib/xlsx';
import { authorize } from '../../policies/org.policy';
import { canListReferrals } from '../../policies/referrals.policy';
import { countyName } from '../auth/auth.repository';
import * as repo from './referrals.repository';
import { present } from './referrals.service';

const EXPORT_LIMIT = 20_000;
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/** The 转介办理 list as XLSX with the page's filters (a liaison: their department; the county: all); audited. */
export async function exportReferrals(ctx: Ctx, q: Omit<ReferralQuery, 'page' | 'pageSize'>) {
  authorize(canListReferrals(ctx.actor), '您的角色不能查看转介');
  const today = shanghaiToday(ctx.now);
  const res = await repo.listReferrals(ctx.db, ctx.actor, q, EXPORT_LIMIT, 0);
  const items = res.items.map((r) => present(ctx, r));
  const data = items.map((r) => [
    r.childName,
    r.schoolName ?? '',
    r.townshipName ?? '',
    r.villageName ?? '',
    r.department,
    r.subject,
    r.request,
    r.sentByName ?? '',
    day(r.sentAt),
    r.statusLabel,
    r.response ?? '',
    day(r.respondedAt),
  ]);
  const filters = [
    q.status === 'open' ? '状态：未办结' : q.status ? `状态：${REFERRAL_STATUS_LABELS[q.status]}` : null,
    q.department ? `部门：${q.department}` : null,
  ];
  const buf = await buildXlsx('转介办理', {
    title: `${await countyName(ctx.db, ctx.actor.countyCode)} 控辍保学转介办理`,
    subtitle: exportSubtitle(ctx, today, { filters, count: `共 ${data.length} 件${truncatedNote(res.total, data.length, '件')}` }),
    columns: [
      { header: '儿童', width: 10 },
      { header: '学校', width: 24 },
      { header: '乡镇', width: 12 },
      { header: '村（社区）', width: 14 },
      { header: '转介部门', width: 10 },
      { header: '事项', width: 20 },
      { header: '转介请求', width: 30 },
      { header: '转介人', width: 10 },
      { header: '转介日期', width: 12 },
      { header: '办理状态', width: 10 },
      { header: '部门答复', width: 30 },
      { header: '答复日期', width: 12 },
    ],
    rows: data,
  });
  await inTx(ctx, (tx) =>
    audit(tx, ctx, { action: 'referrals.exported', targetType: 'referrals', data: { filter: q, rows: data.length } }),
  );
  return { buf, fileName: `转介办理-${today}.xlsx` };
}
