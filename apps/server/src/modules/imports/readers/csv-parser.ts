/**
 * The CSV record parser of the import (RFC 4180 quoting), hand-written for speed: it reads exactly as csv-parse with
 * the options the importer used ({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
 * which csv-parser.test.ts checks against csv-parse on random input, but 3–4× faster in CPU time (bench/csv-parser.bench.ts):
 * csv-parse was the largest single cost of reading a 300,000-row file.
 *
 * Its rules, as csv-parse applies them:
 * - the record delimiter is the first of \r\n, \n or \r met outside quotes; only that one ends records afterwards;
 * - a quote opens a quoted field only at the field's start; "" inside quotes is one quote; a quote closes the field
 *   when the next character is a comma, the record delimiter or the end; any other closing quote is kept literally
 *   together with the opening quote (relax_quotes), as is a quote inside an unquoted field;
 * - a blank line is a record of one empty field; the end of the input ends the last record (no empty record after a
 *   final line break); a UTF-8 BOM at the start is dropped;
 * - an unclosed quote at the end is CSV_QUOTE_NOT_CLOSED, with `lines` counted as csv-parse counts them.
 */
import { CsvError } from 'csv-parse';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Record delimiter: not yet met, \r\n, \n, \r. */
type Delimiter = 0 | 1 | 2 | 3;

export class CsvParser {
  private quoting = false;
  private wasQuoting = false;
  private escaping = false;
  private field = '';
  private record: string[] = [];
  private delimiter: Delimiter = 0;
  private bomChecked = false;
  private wasRowDelimiter = false;
  private carry = '';
  /** Lines as csv-parse counts them (for the unclosed-quote error). */
  private lines = 1;

  /** The length of the record delimiter at `i` (the delimiter met first decides which one counts), or 0. */
  private delimiterAt(s: string, i: number): number {
    const c = s.charCodeAt(i);
    switch (this.delimiter) {
      case 0:
        if (c === CR) {
          if (s.charCodeAt(i + 1) === LF) {
            this.delimiter = 1;
            return 2;
          }
          this.delimiter = 3;
          return 1;
        }
        if (c === LF) {
          this.delimiter = 2;
          return 1;
        }
        return 0;
      case 1:
        return c === CR && s.charCodeAt(i + 1) === LF ? 2 : 0;
      case 2:
        return c === LF ? 1 : 0;
      case 3:
        return c === CR ? 1 : 0;
    }
  }

  /** Parse the next piece of text; complete records are pushed to `out`. With `end`, the input is finished. */
  write(text: string, end: boolean, out: string[][]): void {
    const s = this.carry === '' ? text : this.carry + text;
    this.carry = '';
    const n = s.length;
    let i = 0;
    if (!this.bomChecked) {
      if (n === 0 && !end) return;
      if (s.charCodeAt(0) === 0xfeff) i = 1;
      this.bomChecked = true;
    }
    // characters [run, i) belong to the current field and are not yet in `field`
    let run = i;
    for (; i < n; i++) {
      // two characters of look-ahead decide "" and a closing quote before \r\n; wait for them unless at the end
      if (!end && n - i - 1 < 2) break;
      if (this.wasRowDelimiter) {
        this.lines++;
        this.wasRowDelimiter = false;
      }
      if (!this.quoting && this.delimiter === 0) this.delimiterAt(s, i); // met first: decides the delimiter
      const c = s.charCodeAt(i);
      if (c === CR || c === LF) this.wasRowDelimiter = true;
      if (this.escaping) {
        this.escaping = false; // the escaped quote is kept
        continue;
      }
      if (c === QUOTE) {
        if (this.quoting) {
          if (i + 1 < n && s.charCodeAt(i + 1) === QUOTE) {
            this.field += s.slice(run, i);
            run = i + 1;
            this.escaping = true;
            continue;
          }
          const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
          if (next === 0 || next === COMMA || this.delimiterAt(s, i + 1) > 0) {
            this.field += s.slice(run, i);
            run = i + 1;
            this.quoting = false;
            this.wasQuoting = true;
            continue;
          }
          // a closing quote followed by something else: kept, with the opening quote (relax_quotes)
          this.field = '"' + this.field + s.slice(run, i);
          run = i;
          this.quoting = false;
          this.wasQuoting = true;
        } else if (this.field.length === 0 && run === i) {
          this.quoting = true;
          run = i + 1;
          continue;
        }
      }
      if (this.quoting) continue;
      const rd = this.delimiterAt(s, i);
      if (rd > 0) {
        this.endField(s.slice(run, i));
        out.push(this.record);
        this.record = [];
        i += rd - 1;
        run = i + 1;
        continue;
      }
      if (c === COMMA) {
        this.endField(s.slice(run, i));
        run = i + 1;
      }
    }
    this.field += s.slice(run, i);
    if (i < n) {
      this.carry = s.slice(i);
      return;
    }
    if (!end) return;
    if (this.quoting) {
      throw new CsvError(
        'CSV_QUOTE_NOT_CLOSED',
        ['Quote Not Closed:', `the parsing is finished with an opening quote at line ${this.lines}`],
        {} as never,
        { lines: this.lines },
      );
    }
    if (this.wasQuoting || this.record.length > 0 || this.field.length > 0) {
      this.endField('');
      out.push(this.record);
      this.record = [];
    }
  }

  private endField(rest: string) {
    this.record.push(this.field + rest);
    this.field = '';
    this.wasQuoting = false;
  }
}
