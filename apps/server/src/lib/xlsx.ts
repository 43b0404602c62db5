import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';

/** Cells that begin with = + - @ (or tab/CR) would run as formulas in Excel: prefix them with an apostrophe. */
export function safeCell(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export type SheetSpec = {
  title: string;
  subtitle?: string;
  columns: { header: string; width?: number }[];
  rows: unknown[][];
};

/** One styled sheet: a title row, a subtitle row (jurisdiction and date), bold headers, frozen panes. */
export async function buildXlsx(sheetName: string, spec: SheetSpec): Promise<Buffer> {
  return buildXlsxBook([{ name: sheetName, ...spec }]);
}

/** Several such sheets in one workbook (e.g. the classes of a day and the children absent that day). */
export async function buildXlsxBook(sheets: (SheetSpec & { name: string })[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'NotOneLess 一个都不能少';
  for (const sheet of sheets) addSheet(wb, sheet.name, sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, sheetName: string, spec: SheetSpec) {
  const ws = wb.addWorksheet(sheetName);
  const n = spec.columns.length;
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).value = spec.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).value = spec.subtitle ?? '';
  const header = ws.getRow(3);
  spec.columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    header.getCell(i + 1).font = { bold: true };
    ws.getColumn(i + 1).width = c.width ?? 14;
  });
  for (const r of spec.rows) ws.addRow(r.map(safeCell));
  ws.views = [{ state: 'frozen', ySplit: 3 }];
}

/** Answer a download of an XLSX file (a buffer or a stream) under a Chinese file name. */
export function sendXlsx(reply: FastifyReply, body: Buffer | Readable, fileName: string) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}
