/**
 * One registry file → table + report: CSV (UTF-8 with or without BOM, or GB18030/GBK, found by content) through the
 * fast reader; XLSX through the importer's streaming reader. Whole-file refusals are AppErrors naming the file.
 */
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import type { RegistryKind } from '../../imports/formats/columns';
import { refuse } from '../../imports/readers/refusal';
import { sniff, SNIFF_BYTES } from '../../imports/readers/sniff';
import { readCsvBuffer } from './fast-reader';
import type { ReadResult } from './report';

export type ReadFileOptions = {
  kind: RegistryKind;
  path: string;
  /** The name messages use (default: the path's last part). */
  fileName?: string;
  asOf: string;
  onProgress?: (bytes: number, rows: number, total: number) => void;
};

export async function readRegistryFile(opts: ReadFileOptions): Promise<ReadResult> {
  const fileName = opts.fileName ?? opts.path.split(/[\\/]/).pop() ?? opts.path;
  let buf: Buffer;
  try {
    buf = fs.readFileSync(opts.path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw refuse(fileName, code === 'ENOENT' ? '不存在，请检查文件路径' : `无法读取（${code ?? String(e)}）`);
  }
  if (buf.length === 0) throw refuse(fileName, '是空文件，没有表头和数据');
  const sniffed = sniff(buf.subarray(0, SNIFF_BYTES), fileName, buf.length <= SNIFF_BYTES);
  if (sniffed.format === 'xlsx') {
    const { readWithImporter } = await import('./read-reference'); // ExcelJS loads only when an XLSX file comes
    return readWithImporter({ buffer: buf }, opts.kind, fileName, opts.asOf);
  }
  const utf8 = utf8Bytes(buf, sniffed.encoding, fileName);
  const total = utf8.length;
  return readCsvBuffer(utf8, {
    kind: opts.kind,
    fileName,
    asOf: opts.asOf,
    onProgress: opts.onProgress ? (bytes, rows) => opts.onProgress?.(bytes, rows, total) : undefined,
  });
}

const hasBom = (b: Buffer) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** The file as UTF-8 bytes: GB18030 decoded; UTF-8 checked whole (the sniffer sees only the first 64 KB). */
function utf8Bytes(buf: Buffer, encoding: 'utf-8' | 'gb18030', fileName: string): Buffer {
  if (encoding === 'utf-8' && isUtf8(buf)) return buf;
  if (encoding === 'utf-8' && hasBom(buf)) {
    throw refuse(fileName, '标明是 UTF-8 编码，但其中有无法识别的字符，请在 Excel 中“另存为”“CSV UTF-8”或 .xlsx 后再导入');
  }
  const text = iconv.decode(buf, 'gb18030');
  if (text.includes('\uFFFD'))
    throw refuse(fileName, '的编码无法识别（既不是 UTF-8 也不是 GBK/GB18030），请另存为“CSV UTF-8”或 .xlsx 后再导入');
  return Buffer.from(text, 'utf8');
}
