import { shanghaiToday } from '@notoneless/shared';
import { audit, inTx, type Ctx } from '../../http/context';
import { buildXlsx } from '../../lib/xlsx';
import { authorize } from '../../policies/org.policy';
import { canExportCases } from '../../policies/cases.policy';
import { countyName } from '../auth/auth.repository';
import { presentListItem } from './cases.presenter';
import * as repo from './cases.repository';
import { filterOf, type CaseQuery } from './cases.service';

const EXPORT_LIMIT = 100_000;

/** The case list as XLSX with the filters on screen; IDs masked (product.md: every list exports to XLSX); audited. */
export async function exportCases(ctx: Ctx, q: Partial<CaseQuery>) {
  authorize(canExportCases(ctx.actor), '您的角色不能导出个案列表');
  const today = shanghaiToday(ctx.now);
  const r = await repo.listCases(ctx.db, ctx.actor.scope, filterOf(q), today, EXPORT_LIMIT, 0);
  const rows = r.items
    .map((i) => presentListItem(i, today))
    .map((x) => [
      x.name,
      x.gender,
      x.idNumberMasked,
      x.townshipName,
      x.villageName,
      x.schoolName,
      x.grade,
      x.className,
      x.keyGroups.join('、'),
      x.statusLabel,
      x.source,
      x.reportedOn,
      x.daysOpen,
      x.nextDeadline?.label ?? '',
      x.nextDeadline?.dueOn ?? '',
      x.nextDeadline?.overdueDays || '',
    ]);
  const buf = await buildXlsx('个案列表', {
    title: `${await countyName(ctx.db, ctx.actor.countyCode)} 控辍保学个案（一生一表）`,
    subtitle: `导出人：${ctx.actor.displayName}　导出日期：${today}　共 ${rows.length} 个${r.total > rows.length ? `（仅导出前 ${EXPORT_LIMIT} 个）` : ''}　身份证号已脱敏`,
    columns: [
      { header: '姓名', width: 10 },
      { header: '性别', width: 6 },
      { header: '身份证号', width: 22 },
      { header: '户籍乡镇' },
      { header: '户籍村（社区）' },
      { header: '学校', width: 24 },
      { header: '年级', width: 6 },
      { header: '班级', width: 8 },
      { header: '重点群体', width: 20 },
      { header: '个案状态' },
      { header: '来源' },
      { header: '报告日期', width: 12 },
      { header: '已立案天数', width: 10 },
      { header: '最近期限' },
      { header: '期限日期', width: 12 },
      { header: '逾期天数', width: 10 },
    ],
    rows,
  });
  await inTx(ctx, (tx) =>
    audit(tx, ctx, { action: 'case.list_exported', targetType: 'case_list', data: { filter: filterOf(q), rows: rows.length } }),
  );
  return { buf, fileName: `个案列表-${today}.xlsx` };
}
