import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { shanghaiToday } from '@notoneless/shared';
import { safeCell } from '../../lib/xlsx';
import type { ImportProblem } from './formats/problems';
import { openTableStream } from './readers/table-stream';

/**
 * The problems of an import as an XLSX that mirrors the input: every row as it was, with one more column that says
 * what is wrong with it (rejected rows first marked 未导入). Written streaming to a temporary file.
 */
export async function buildProblemsXlsx(file: string, fileName: string, problems: ImportProblem[], now: Date): Promise<string> {
  const byRow = new Map<number, ImportProblem[]>();
  for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nol-problems-')), 'problems.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true });
  const ws = wb.addWorksheet('问题清单');
  const table = await openTableStream({ path: file }, fileName);
  try {
    const header = ws.addRow([...table.headers.map(safeCell), '导入问题说明']);
    header.font = { bold: true };
    header.commit();
    for await (const row of table.rows) {
      const ps = byRow.get(row.row) ?? [];
      const rejected = ps.some((p) => p.severity === 'rejected');
      const text = ps.map((p) => `【${p.column}】${p.message}`).join('；');
      const r = ws.addRow([...row.cells.map(safeCell), ps.length ? `${rejected ? '未导入：' : '已导入，请核对：'}${text}` : '']);
      if (ps.length) r.getCell(table.headers.length + 1).font = { color: { argb: rejected ? 'FFC00000' : 'FFB26B00' } };
      r.commit();
    }
  } finally {
    await table.close();
  }
  ws.addRow([]).commit();
  ws.addRow([`文件：${fileName}　生成日期：${shanghaiToday(now)}　问题 ${problems.length} 条`]).commit();
  ws.commit();
  await wb.commit();
  return out;
}
