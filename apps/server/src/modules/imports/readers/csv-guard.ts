/**
 * A pass-through scan of CSV bytes (always UTF-8 here) ahead of csv-parse, so that limits fail fast: a row of a
 * million columns stops at column 501, a 200 MB cell at character 10,001, before the parser builds them.
 * It follows the quoting of RFC 4180 as csv-parse does (a quote opens a quoted field only at the field's start).
 * With `validateUtf8` it also refuses bytes that are not UTF-8 (a file whose first 64 KB looked like UTF-8 but
 * that carries GB18030 further on must not be read as garbled text).
 */
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { completeUtf8Length } from './sniff';
import { refuse } from './refusal';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export type CsvGuardOptions = { fileName: string; maxColumns: number; maxCellChars: number; validateUtf8: boolean };

export class CsvGuard extends Transform {
  private inQuotes = false;
  private quotePending = false;
  private afterCR = false;
  private fieldChars = 0;
  private fieldQuoted = false;
  private commas = 0;
  /** Physical record (row of the sheet Excel would show), from 1. */
  private record = 1;
  private carry: Buffer | null = null;

  constructor(private readonly opts: CsvGuardOptions) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      const bad = this.opts.validateUtf8 ? this.firstInvalidUtf8(chunk) : -1;
      if (bad >= 0) {
        this.scan(chunk.subarray(0, bad)); // to name the row
        throw this.notUtf8();
      }
      this.scan(chunk);
    } catch (e) {
      done(e as Error);
      return;
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.carry && this.carry.length > 0) {
      done(this.notUtf8());
      return;
    }
    done();
  }

  private notUtf8() {
    return refuse(
      this.opts.fileName,
      `的编码前后不一致：开头是 UTF-8，文件第 ${this.record} 行附近却有不是 UTF-8 的字符（可能混有 GB18030/GBK 内容），请在 Excel 中整体“另存为”“CSV UTF-8”后再导入`,
    );
  }

  /** Offset in `chunk` of the first byte that is not UTF-8 (roughly, to name the row), or -1. */
  private firstInvalidUtf8(chunk: Buffer): number {
    const carried = this.carry?.length ?? 0;
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const validPrefix = (n: number) => isUtf8(data.subarray(0, completeUtf8Length(data.subarray(0, n))));
    const cut = completeUtf8Length(data);
    if (validPrefix(cut)) {
      this.carry = cut < data.length ? Buffer.from(data.subarray(cut)) : null;
      return -1;
    }
    let lo = 0;
    let hi = cut;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (validPrefix(mid)) lo = mid;
      else hi = mid;
    }
    return Math.max(0, lo - carried);
  }

  private tooManyColumns() {
    return refuse(this.opts.fileName, `文件第 ${this.record} 行的列数超过 ${this.opts.maxColumns} 列的上限，无法导入`);
  }

  private cellTooLong() {
    return refuse(
      this.opts.fileName,
      `文件第 ${this.record} 行第 ${this.commas + 1} 列的内容超过 ${this.opts.maxCellChars} 个字符的上限，无法导入`,
    );
  }

  private scan(buf: Buffer) {
    const { maxColumns, maxCellChars } = this.opts;
    const n = buf.length;
    for (let i = 0; i < n; i++) {
      const b = buf[i];
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (b === QUOTE) {
            if (++this.fieldChars > maxCellChars) throw this.cellTooLong();
            continue;
          }
          this.inQuotes = false; // the quote closed the field; b is read as outside quotes below
        } else {
          if (b === QUOTE) this.quotePending = true;
          else if ((b & 0xc0) !== 0x80 && ++this.fieldChars > maxCellChars) throw this.cellTooLong();
          continue;
        }
      }
      if (b === COMMA) {
        this.afterCR = false;
        this.fieldChars = 0;
        this.fieldQuoted = false;
        if (++this.commas >= maxColumns) throw this.tooManyColumns();
      } else if (b === LF || b === CR) {
        if (!(b === LF && this.afterCR)) this.endRecord();
        this.afterCR = b === CR;
      } else {
        this.afterCR = false;
        if (b === QUOTE && this.fieldChars === 0 && !this.fieldQuoted) {
          this.inQuotes = true;
          this.fieldQuoted = true;
        } else if ((b & 0xc0) !== 0x80 && ++this.fieldChars > maxCellChars) {
          throw this.cellTooLong();
        }
      }
    }
  }

  private endRecord() {
    this.record++;
    this.commas = 0;
    this.fieldChars = 0;
    this.fieldQuoted = false;
  }
}
