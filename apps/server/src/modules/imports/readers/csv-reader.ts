/**
 * CSV records, streamed: bytes → (GB18030 → UTF-8) → CsvGuard (limits, UTF-8 check) → CsvParser (csv-parse's rules,
 * hand-written for speed: see csv-parser.ts).
 * Blank lines are kept as records (the table layer skips them but counts them), so that record numbers match the
 * rows Excel shows.
 */
import { pipeline, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { CsvGuard } from './csv-guard';
import { CsvParser } from './csv-parser';
import type { ReadLimits } from './limits';
import { asRefusal, refuse } from './refusal';

/** One record of the file: `index` is its position (1 = the first row), as Excel would number it. */
export type RawRecord = { index: number; cells: string[] };

export type CsvReadOptions = { fileName: string; encoding: 'utf-8' | 'gb18030'; limits: ReadLimits };

const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '有未闭合的引号',
  CSV_INVALID_CLOSING_QUOTE: '的引号后面紧跟着其他字符',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '的引号后面紧跟着其他字符',
  INVALID_OPENING_QUOTE: '有位置不对的引号',
};

function csvRefusal(e: unknown, fileName: string) {
  if (e instanceof CsvError) {
    const lines = typeof e.lines === 'number' ? `第 ${e.lines} 行附近` : '';
    const what = CSV_ERRORS[e.code] ?? '格式不正确';
    return refuse(fileName, `不是有效的 CSV 文件：文件${lines}${what}，请检查后再导入`, { code: e.code });
  }
  return asRefusal(e, fileName, '不是有效的 CSV 文件，无法读取');
}

export async function* csvRecords(source: Readable, opts: CsvReadOptions): AsyncGenerator<RawRecord> {
  const { fileName, encoding, limits } = opts;
  const guard = new CsvGuard({
    fileName,
    maxColumns: limits.maxColumns,
    maxCellChars: limits.maxCellChars,
    validateUtf8: encoding === 'utf-8',
  });
  const onDone = () => undefined; // errors reach the guard, whose iteration below throws them
  if (encoding === 'gb18030') pipeline(source, iconv.decodeStream('gb18030'), guard, onDone);
  else pipeline(source, guard, onDone);
  const parser = new CsvParser();
  const decoder = new StringDecoder('utf8');
  const records: string[][] = [];
  let index = 0;
  try {
    for await (const chunk of guard as AsyncIterable<Buffer>) {
      parser.write(decoder.write(chunk), false, records);
      for (const cells of records) yield { index: ++index, cells };
      records.length = 0;
    }
    parser.write(decoder.end(), true, records);
    for (const cells of records) yield { index: ++index, cells };
  } catch (e) {
    throw csvRefusal(e, fileName);
  } finally {
    guard.destroy();
  }
}
