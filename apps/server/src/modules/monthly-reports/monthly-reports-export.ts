import ExcelJS from 'exceljs';
import { GAP_CAUSE_LABELS, GAP_CAUSES, type Consolidated, type MonthlyFigures, type MonthlyReport } from '@notoneless/shared';
import { safeCell } from '../../lib/xlsx';

/**
 * The XLSX tables of 月报 (issue 7 item 3), laid out like the official forms (seed 002 附件1): a title, the unit and
 * the month, the table, notes, and the signature lines (填报人 / 审核人 / 单位负责人, 日期). Every text cell goes
 * through safeCell (formula injection).
 */

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
const dateLabel = (iso: string | null) =>
  iso ? `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日` : '　　年　　月　　日';
const beijingDate = (ts: string | null) => (ts ? new Date(new Date(ts).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : null);
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function title(ws: ExcelJS.Worksheet, row: number, cols: number, text: string) {
  ws.mergeCells(row, 1, row, cols);
  const c = ws.getCell(row, 1);
  c.value = safeCell(text);
  c.font = { bold: true, size: 16 };
  c.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(row).height = 28;
}

function line(ws: ExcelJS.Worksheet, row: number, cols: number, text: string, bold = false) {
  ws.mergeCells(row, 1, row, cols);
  const c = ws.getCell(row, 1);
  c.value = safeCell(text);
  c.font = { bold };
  c.alignment = { wrapText: true, vertical: 'middle' };
}

function tableRow(ws: ExcelJS.Worksheet, row: number, values: unknown[], opts: { header?: boolean; bold?: boolean } = {}) {
  values.forEach((v, i) => {
    const c = ws.getCell(row, i + 1);
    c.value = safeCell(v);
    c.border = border;
    c.alignment = { horizontal: typeof v === 'number' ? 'right' : 'center', vertical: 'middle', wrapText: true };
    if (opts.header || opts.bold) c.font = { bold: true };
    if (opts.header) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
}

function signatures(
  ws: ExcelJS.Worksheet,
  row: number,
  cols: number,
  p: { filler: string | null; reviewer: string | null; date: string | null },
) {
  line(
    ws,
    row,
    cols,
    `填报人：${p.filler ?? '＿＿＿＿＿＿'}　　　审核人：${p.reviewer ?? '＿＿＿＿＿＿'}　　　单位负责人（签字、盖章）：＿＿＿＿＿＿`,
  );
  line(ws, row + 1, cols, `日期：${dateLabel(p.date)}`);
}

/** The school's 月报表. */
export async function schoolReportXlsx(r: MonthlyReport, countyName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'NotOneLess 一个都不能少';
  const ws = wb.addWorksheet('月报表', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1 },
  });
  const f = r.figures;
  const cols = 4;
  [32, 18, 18, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  title(ws, 1, cols, `${countyName}义务教育控辍保学动态数据月报表`);
  line(ws, 2, cols, `填报单位：${r.unitName}（${r.townshipName}）　　月份：${monthLabel(r.month)}　　统计时点：${f.asOf}`);
  line(
    ws,
    3,
    cols,
    `状态：${r.statusLabel}　版本：第 ${r.version} 版${r.correctionReason ? `（更正原因：${r.correctionReason}）` : ''}　截止日期：${r.dueOn}${r.late ? '（逾期）' : ''}`,
  );
  // the unit line and the state line wrap on A4: give them room (checked rendered with LibreOffice)
  ws.getRow(2).height = 30;
  ws.getRow(3).height = 30;
  let n = 5;
  line(ws, n++, cols, '一、在籍学生数与实际在校生数', true);
  tableRow(ws, n++, ['年级', '在籍学生数', '实际在校生数', '人籍差额'], { header: true });
  for (const g of f.byGrade) tableRow(ws, n++, [g.gradeLabel, g.enrolled.count, g.attending.count, g.gap]);
  tableRow(ws, n++, ['合计', f.enrolled.count, f.attending.count, f.gap], { bold: true });
  n++;
  line(ws, n++, cols, '二、人籍差额成因', true);
  tableRow(ws, n++, ['成因', '人数', '', ''], { header: true });
  ws.mergeCells(n - 1, 2, n - 1, 4);
  const causeRow = (label: string, count: number, bold = false) => {
    tableRow(ws, n, [label, count, '', ''], { bold });
    ws.mergeCells(n, 2, n, 4);
    n++;
  };
  for (const c of f.gapCauses) causeRow(c.label, c.count);
  causeRow('未说明原因', f.unexplained.count);
  causeRow('减：在校无本校学籍（借读等）', f.attendingWithoutRegistry.count);
  causeRow(
    '合计（等于人籍差额）',
    f.gapCauses.reduce((s, c) => s + c.count, 0) + f.unexplained.count - f.attendingWithoutRegistry.count,
    true,
  );
  n++;
  line(ws, n++, cols, '三、本月动态', true);
  tableRow(ws, n++, ['项目', '人数/次数', '', ''], { header: true });
  ws.mergeCells(n - 1, 2, n - 1, 4);
  for (const m of f.movements) causeRow(m.label, m.count);
  causeRow('送教上门次数', f.homeTeachingSessions);
  n++;
  line(ws, n++, cols, '四、重点群体（在籍）', true);
  tableRow(ws, n++, ['群体', '人数', '', ''], { header: true });
  ws.mergeCells(n - 1, 2, n - 1, 4);
  if (f.keyGroups.length) for (const k of f.keyGroups) causeRow(k.label, k.count);
  else causeRow('无', 0);
  n++;
  const a = f.attendance;
  line(
    ws,
    n++,
    cols,
    `五、到校日报：本月上课 ${a.schoolDays} 天，应报 ${a.reportsExpected} 份，实报 ${a.reportsReceived} 份，平均出勤率 ${a.rate === null ? '—' : `${(a.rate * 100).toFixed(1)}%`}；统计时点 ${a.classesReportedOnAsOf}/${a.classesOnAsOf} 个班报送日报`,
  );
  n++;
  const explained = Object.keys(r.explanations.children).length;
  line(ws, n++, cols, `说明：${r.explanations.note || '无'}${explained ? `（另对 ${explained} 名学生逐一说明了原因，见平台）` : ''}`);
  ws.getRow(n - 1).height = 36;
  n++;
  signatures(ws, n, cols, {
    filler: r.submittedByName,
    reviewer: r.status === 'accepted' ? r.reviewedByName : null,
    date: beijingDate(r.submittedAt),
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The columns of a 汇总表 row, in the official order. */
export const CONSOLIDATED_HEADERS = [
  '单位',
  '学校数',
  '已上报',
  '逾期',
  '在籍学生数',
  '实际在校生数',
  '人籍差额',
  ...GAP_CAUSES.map((c) => `差额：${GAP_CAUSE_LABELS[c]}`),
  '未说明原因',
  '减：借读等',
  '新增疑似辍学',
  '新认定辍学',
  '劝返复学',
  '脱贫户/监测户辍学',
  '延缓入学/休学',
  '送教上门学生',
  '送教上门次数',
];

/** County view: the column of the township's 中心校 report(s) to the county, after 逾期. */
export const UNIT_REPORT_HEADER = '乡镇月报';

/**
 * A township row's 乡镇月报 as the county's table shows it: its status label (未上报 / 已上报 / 已退回 / 已接收), 需重新上报
 * when a school corrected since, the 中心校's name when the township has more than one, and the 局属 schools that
 * report to the county directly; 「—」 for a township with only 局属 schools.
 */
export function unitReportCell(row: Consolidated['rows'][number]): string {
  if (!row.unitReports.length) return '—';
  const many = row.unitReports.length > 1;
  const parts = row.unitReports.map((u) => `${many ? `${u.unitName}：` : ''}${u.statusLabel}${u.outdated ? '（需重新上报）' : ''}`);
  const direct = row.schools - row.unitReports.reduce((n, u) => n + u.schoolCount, 0);
  if (direct > 0) parts.push(`另有局属 ${direct} 所直报`);
  return parts.join('；');
}

function figureCells(f: MonthlyFigures): number[] {
  const mv = (k: string) => f.movements.find((m) => m.key === k)?.count ?? 0;
  return [
    f.enrolled.count,
    f.attending.count,
    f.gap,
    ...GAP_CAUSES.map((c) => f.gapCauses.find((x) => x.cause === c)?.count ?? 0),
    f.unexplained.count,
    f.attendingWithoutRegistry.count,
    mv('newSuspected'),
    mv('newDropouts'),
    mv('returned'),
    mv('povertyDropouts'),
    mv('deferrals'),
    mv('homeTeachingChildren'),
    f.homeTeachingSessions,
  ];
}

/** The township (one row per school) or county (one row per township) 汇总表, with 合计. */
export async function consolidatedXlsx(c: Consolidated, p: { exportedBy: string; today: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'NotOneLess 一个都不能少';
  const ws = wb.addWorksheet('汇总表', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  // the county's rows are townships: each with its 中心校's 乡镇月报 after 逾期 (a township's rows are schools: none)
  const county = c.level === 'county';
  const headers = county
    ? [...CONSOLIDATED_HEADERS.slice(0, 4), UNIT_REPORT_HEADER, ...CONSOLIDATED_HEADERS.slice(4)]
    : CONSOLIDATED_HEADERS;
  const unitCell = (r: Consolidated['rows'][number] | null) => (county ? [r ? unitReportCell(r) : ''] : []);
  const cols = headers.length;
  ws.getColumn(1).width = 22;
  for (let i = 2; i <= cols; i++) ws.getColumn(i).width = 9;
  if (county) ws.getColumn(5).width = 14;
  title(ws, 1, cols, c.title);
  line(
    ws,
    2,
    cols,
    `填报单位：${c.title.replace(/\d{4}年\d{1,2}月控辍保学动态数据汇总表$/, '')}　　月份：${monthLabel(c.month)}　　统计时点：${c.total.figures.asOf}　　导出人：${p.exportedBy}　导出日期：${p.today}`,
  );
  tableRow(ws, 4, headers, { header: true });
  ws.getRow(4).height = 44;
  let n = 5;
  for (const r of c.rows)
    tableRow(ws, n++, [
      r.status ? `${r.name}（${r.status}）` : r.name,
      r.schools,
      r.reported,
      r.late,
      ...unitCell(r),
      ...figureCells(r.figures),
    ]);
  tableRow(ws, n++, ['合计', c.total.schools, c.total.reported, c.total.late, ...unitCell(null), ...figureCells(c.total.figures)], {
    bold: true,
  });
  n++;
  line(
    ws,
    n++,
    cols,
    c.pendingSchools.length
      ? `说明：${c.pendingSchools.length} 所学校尚未上报（${c.pendingSchools
          .slice(0, 30)
          .map((s) => `${s.schoolName}${s.late ? '·逾期' : ''}`)
          .join('、')}${c.pendingSchools.length > 30 ? '等' : ''}），表中其数据为平台实时计算数，待学校上报后以上报数为准。`
      : '说明：表中数据均为各校上报（已冻结）数据。',
  );
  ws.getRow(n - 1).height = 36;
  n++;
  signatures(ws, n, cols, { filler: null, reviewer: null, date: null });
  ws.views = [{ state: 'frozen', ySplit: 4, xSplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const QUARTER_METRICS: { label: string; value: (f: MonthlyFigures) => number }[] = [
  { label: '在籍', value: (f) => f.enrolled.count },
  { label: '在校', value: (f) => f.attending.count },
  { label: '差额', value: (f) => f.gap },
  { label: '新增疑似辍学', value: (f) => f.movements.find((m) => m.key === 'newSuspected')?.count ?? 0 },
  { label: '新认定辍学', value: (f) => f.movements.find((m) => m.key === 'newDropouts')?.count ?? 0 },
  { label: '劝返复学', value: (f) => f.movements.find((m) => m.key === 'returned')?.count ?? 0 },
];

/** The quarterly summary: the three months side by side, one row per township (or school) and 合计. */
export async function quarterlyXlsx(
  quarter: string,
  months: Consolidated[],
  p: { unitName: string; exportedBy: string; today: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'NotOneLess 一个都不能少';
  const ws = wb.addWorksheet('季度汇总', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const per = QUARTER_METRICS.length;
  const cols = 1 + per * months.length;
  ws.getColumn(1).width = 20;
  for (let i = 2; i <= cols; i++) ws.getColumn(i).width = 9;
  const [y, q] = quarter.split('-Q');
  title(ws, 1, cols, `${p.unitName}${y}年第${q}季度控辍保学动态数据汇总表`);
  line(ws, 2, cols, `填报单位：${p.unitName}　　季度：${y}年第${q}季度　　导出人：${p.exportedBy}　导出日期：${p.today}`);
  // two header rows: the month over its metrics
  ws.mergeCells(4, 1, 5, 1);
  tableRow(ws, 4, ['单位'], { header: true });
  months.forEach((m, i) => {
    const c0 = 2 + i * per;
    ws.mergeCells(4, c0, 4, c0 + per - 1);
    const cell = ws.getCell(4, c0);
    cell.value = monthLabel(m.month);
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center' };
    cell.border = border;
    QUARTER_METRICS.forEach((metric, j) => {
      const h = ws.getCell(5, c0 + j);
      h.value = metric.label;
      h.font = { bold: true };
      h.border = border;
      h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
  });
  // labels such as 新增疑似辍学 wrap over two or three lines in a 9-wide column (checked rendered with LibreOffice)
  ws.getRow(5).height = 44;
  const keys: { key: string; name: string }[] = [];
  for (const m of months) for (const r of m.rows) if (!keys.some((k) => k.key === r.key)) keys.push({ key: r.key, name: r.name });
  let n = 6;
  for (const k of keys) {
    const values: (string | number)[] = [k.name];
    for (const m of months) {
      const r = m.rows.find((x) => x.key === k.key);
      for (const metric of QUARTER_METRICS) values.push(r ? metric.value(r.figures) : 0);
    }
    tableRow(ws, n++, values);
  }
  const total: (string | number)[] = ['合计'];
  for (const m of months) for (const metric of QUARTER_METRICS) total.push(metric.value(m.total.figures));
  tableRow(ws, n++, total, { bold: true });
  n++;
  const pending = months.reduce((s, m) => s + m.pendingSchools.length, 0);
  line(
    ws,
    n++,
    cols,
    pending ? `说明：含尚未上报学校的实时计算数（共 ${pending} 校次），以学校上报数为准。` : '说明：表中数据均为各校上报（已冻结）数据。',
  );
  n++;
  signatures(ws, n, cols, { filler: null, reviewer: null, date: null });
  ws.views = [{ state: 'frozen', ySplit: 5, xSplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
