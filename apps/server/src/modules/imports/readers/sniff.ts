/**
 * What a file is, from its first bytes, whatever its name says: a zip (XLSX), or CSV text in UTF-8 (with or without
 * BOM) or GB18030/GBK (as Chinese Excel saves CSV). PDF, old binary Office files, UTF-16 text and other binaries are
 * refused with a message naming the file.
 */
import { isUtf8 } from 'node:buffer';
import { NOT_EXCEL, refuse } from './refusal';

export type Sniffed = { format: 'xlsx' } | { format: 'csv'; encoding: 'utf-8' | 'gb18030' };

/** How much of the file the encoding is decided on. */
export const SNIFF_BYTES = 64 * 1024;

const startsWith = (buf: Buffer, bytes: readonly number[]) => bytes.every((b, i) => buf[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Length of `buf` without an incomplete UTF-8 sequence cut off at its end. */
export function completeUtf8Length(buf: Buffer): number {
  let i = buf.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (buf[i] & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return buf.length;
  const lead = buf[i];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buf.length - i < need ? i : buf.length;
}

/** `head`: the first SNIFF_BYTES of the file (or all of it); `complete`: head is the whole file. */
export function sniff(head: Buffer, fileName: string, complete: boolean): Sniffed {
  const excelName = /\.(xlsx|xlsm|xls|et)$/i.test(fileName);
  if (startsWith(head, ZIP)) return { format: 'xlsx' };
  if (startsWith(head, EMPTY_ZIP)) throw refuse(fileName, `${NOT_EXCEL}（是一个空的压缩包）`);
  if (startsWith(head, PDF)) throw refuse(fileName, `${NOT_EXCEL}（是改了扩展名的 PDF 文件），请上传 .xlsx 或 .csv 表格`);
  if (startsWith(head, OLE)) {
    throw refuse(
      fileName,
      `${NOT_EXCEL}（是旧版 .xls、设置了打开密码的 Excel 或 Word 文档），请在 Excel 中“另存为” .xlsx 或“CSV UTF-8”后再导入`,
    );
  }
  if (excelName) throw refuse(fileName, `${NOT_EXCEL}（可能是改了扩展名的 Word 或 PDF 文件）`);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw refuse(fileName, '是 UTF-16 编码的文本（Excel 的“Unicode 文本”），请在 Excel 中“另存为”“CSV UTF-8”或 .xlsx 后再导入');
  }
  if (head.includes(0)) throw refuse(fileName, '不是 CSV 文本或 Excel 文件，无法读取（请上传 .xlsx 或 .csv 表格）');
  if (startsWith(head, UTF8_BOM)) return { format: 'csv', encoding: 'utf-8' };
  const checked = complete ? head : head.subarray(0, completeUtf8Length(head));
  return { format: 'csv', encoding: isUtf8(checked) ? 'utf-8' : 'gb18030' };
}
