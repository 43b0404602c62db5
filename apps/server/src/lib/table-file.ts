import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { AppError } from '../http/app-error';

export type TableFile = { headers: string[]; rows: Record<string, string>[]; encoding: string };

/** UTF-8 when the bytes decode cleanly (or carry a BOM); otherwise GB18030, as Chinese Excel saves CSV. */
export function detectTextEncoding(buf: Buffer): 'utf-8' | 'gb18030' {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

const isZip = (buf: Buffer) => buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;

/**
 * Read a small table file (CSV in UTF-8 or GB18030, or the first sheet of an XLSX) into rows keyed by header.
 * For the master-data imports (divisions); the registry importer streams large files instead.
 */
export async function readTableFile(fileName: string, buf: Buffer): Promise<TableFile> {
  if (buf.length === 0) throw new AppError('VALIDATION', `文件「${fileName}」是空文件`);
  if (/\.xlsx$/i.test(fileName) || isZip(buf)) {
    if (!isZip(buf)) throw new AppError('VALIDATION', `文件「${fileName}」不是有效的 XLSX 文件`);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw new AppError('VALIDATION', `文件「${fileName}」不是有效的 XLSX 文件`);
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new AppError('VALIDATION', `文件「${fileName}」没有工作表`);
    const matrix: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      matrix.push(values);
    });
    return toTable(fileName, matrix, 'xlsx');
  }
  const encoding = detectTextEncoding(buf);
  const text = encoding === 'utf-8' ? buf.toString('utf8').replace(/^\uFEFF/, '') : iconv.decode(buf, 'gb18030');
  let matrix: string[][];
  try {
    matrix = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (e) {
    throw new AppError('VALIDATION', `文件「${fileName}」不是有效的 CSV：${(e as Error).message}`);
  }
  return toTable(fileName, matrix, encoding);
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return String(o.result);
  }
  return String(v);
}

function toTable(fileName: string, matrix: string[][], encoding: string): TableFile {
  if (matrix.length === 0) throw new AppError('VALIDATION', `文件「${fileName}」没有内容`);
  const headers = matrix[0].map((h) => h.trim());
  const dup = headers.find((h, i) => h && headers.indexOf(h) !== i);
  if (dup) throw new AppError('VALIDATION', `文件「${fileName}」的表头「${dup}」重复`);
  if (matrix.length === 1) throw new AppError('VALIDATION', `文件「${fileName}」只有表头，没有数据行`);
  const rows = matrix.slice(1).map((r) => Object.fromEntries(headers.map((h, i) => [h, (r[i] ?? '').trim()])));
  return { headers, rows, encoding };
}
