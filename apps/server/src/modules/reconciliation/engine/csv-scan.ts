/**
 * A CSV record scanner over UTF-8 bytes: the hot path of the command (csv-parse reads ~90 MB in ~8 s; this in well
 * under a second). It gives, per record, each field as a byte range of the buffer, and decodes nothing it is not
 * asked to. It reads exactly what the importer's csv-parse (bom, relax_quotes, relax_column_count, empty lines kept)
 * reads, including its corners:
 * - the record delimiter is the first one met (\r\n, \n or \r); the others are then ordinary characters;
 * - a quote opens a quoted field only as a field's first character; "" inside it is one quote;
 * - a closing quote followed by anything but a delimiter makes the field literal: the quotes stay, "" stays one
 *   quote, and the field runs on to the next delimiter;
 * - an unclosed quote is an error (CsvScanError).
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** 0 not yet known · 1 \n · 2 \r\n · 3 \r */
type Eol = 0 | 1 | 2 | 3;

export class CsvScanError extends Error {
  constructor(
    readonly code: 'CSV_QUOTE_NOT_CLOSED',
    readonly line: number,
  ) {
    super(`${code} at line ${line}`);
  }
}

/** Field kinds: a byte range as written, a quoted byte range (quotes removed, no escapes), or a decoded string. */
export const PLAIN = 0;
export const QUOTED = 1;
export const DECODED = 2;

export class CsvScanner {
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  kinds = new Uint8Array(64);
  /** For DECODED fields: their text. */
  texts: string[] = [];
  /** Fields of the current record. */
  count = 0;
  /** Number of the current record (1 = the first record of the file). */
  index = 0;
  private pos: number;
  private eol: Eol = 0;
  private readonly len: number;

  constructor(
    readonly buf: Buffer,
    start = 0,
  ) {
    this.len = buf.length;
    this.pos = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf && start === 0 ? 3 : start;
  }

  /** Byte offset reached (for progress). */
  get offset(): number {
    return this.pos;
  }

  /** Move to the next record; false at the end of the file. */
  next(): boolean {
    const buf = this.buf;
    const len = this.len;
    let pos = this.pos;
    if (pos >= len) return false;
    this.index++;
    this.count = 0;
    for (;;) {
      let b = pos < len ? buf[pos] : -1;
      if (b === QUOTE) {
        pos = this.quoted(pos);
      } else {
        const s = pos;
        // The hot loop: an unquoted field runs to a comma or this file's line end.
        while (pos < len) {
          b = buf[pos];
          if (b >= 0xe0) {
            pos += 3; // a CJK character (or any 3- or 4-byte sequence: its other bytes are never , \r \n)
            continue;
          }
          if (b === COMMA || ((b === LF || b === CR) && this.lineEnd(pos) >= 0)) break;
          pos++;
        }
        if (pos > len) pos = len;
        this.push(s, pos, PLAIN);
      }
      if (pos >= len) break;
      b = buf[pos];
      if (b === COMMA) {
        pos++;
        if (pos >= len) {
          this.push(pos, pos, PLAIN);
          break;
        }
        continue;
      }
      // Fields end at a comma, a line end or the end of the file: this is a line end.
      pos = this.lineEnd(pos);
      break;
    }
    this.pos = pos;
    return true;
  }

  /** If a record delimiter starts at p (detecting it the first time), the position after it; else -1. */
  private lineEnd(p: number): number {
    const buf = this.buf;
    const b = buf[p];
    if (this.eol === 0) {
      if (b === LF) this.eol = 1;
      else if (b === CR) this.eol = p + 1 < this.len && buf[p + 1] === LF ? 2 : 3;
      else return -1;
    }
    switch (this.eol) {
      case 1:
        return b === LF ? p + 1 : -1;
      case 2:
        return b === CR && p + 1 < this.len && buf[p + 1] === LF ? p + 2 : -1;
      default:
        return b === CR ? p + 1 : -1;
    }
  }

  /** From a line-end character that is not this file's delimiter: continue the field to the next real delimiter. */
  private runOn(p: number): number {
    const buf = this.buf;
    while (p < this.len) {
      const b = buf[p];
      if (b === COMMA || this.lineEnd(p) >= 0) return p;
      p++;
    }
    return p;
  }

  /** A field starting with a quote at p; returns the position after it. */
  private quoted(p: number): number {
    const buf = this.buf;
    let q = p + 1;
    let escaped = false;
    for (;;) {
      const close = buf.indexOf(QUOTE, q);
      if (close < 0) throw new CsvScanError('CSV_QUOTE_NOT_CLOSED', this.lineOf(p));
      if (buf[close + 1] === QUOTE) {
        escaped = true;
        q = close + 2;
        continue;
      }
      const after = close + 1;
      if (after >= this.len || buf[after] === COMMA || this.lineEnd(after) >= 0) {
        if (escaped) this.pushText(unescape(buf.toString('utf8', p + 1, close)));
        else this.push(p + 1, close, QUOTED);
        return after;
      }
      // Relaxed: the quotes become text and the field runs on to the next delimiter.
      const end = this.runOn(after);
      this.pushText(`"${unescape(buf.toString('utf8', p + 1, close))}"${buf.toString('utf8', after, end)}`);
      return end;
    }
  }

  private lineOf(p: number): number {
    let n = 1;
    for (let i = buf0(this.buf); i < p; i++) if (this.buf[i] === LF) n++;
    return n;
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const s = new Int32Array(n);
    s.set(this.starts);
    const e = new Int32Array(n);
    e.set(this.ends);
    const k = new Uint8Array(n);
    k.set(this.kinds);
    this.starts = s;
    this.ends = e;
    this.kinds = k;
  }

  private push(s: number, e: number, kind: number): void {
    const i = this.count;
    if (i === this.starts.length) this.grow();
    this.starts[i] = s;
    this.ends[i] = e;
    this.kinds[i] = kind;
    this.count = i + 1;
  }

  private pushText(t: string): void {
    const i = this.count;
    this.push(0, 0, DECODED);
    this.texts[i] = t;
  }

  /** Field i of the current record as text. */
  text(i: number): string {
    if (i >= this.count) return '';
    if (this.kinds[i] === DECODED) return this.texts[i];
    return this.buf.toString('utf8', this.starts[i], this.ends[i]);
  }

  /** All fields of the current record as text. */
  cells(): string[] {
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.text(i);
    return out;
  }
}

const unescape = (s: string) => s.replace(/""/g, '"');
const buf0 = (b: Buffer) => (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0);
