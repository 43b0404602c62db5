/**
 * A small streaming XML tokenizer over bytes, for the two big parts of a workbook the importer reads
 * (xl/sharedStrings.xml and the first worksheet). Not a general XML parser: it tells tags (with their local name,
 * whatever the namespace prefix), their attribute bytes and the text between them, and skips comments, processing
 * instructions and DOCTYPE; CDATA is text. Chunks are scanned as bytes; text is decoded only when a subclass asks
 * for it and only once it is complete, so a UTF-8 character split between two chunks is never garbled.
 *
 * An incomplete token at the end of a chunk is kept and scanned again with the next chunk; `maxPending` bounds it
 * (xlsx-guard's TextRunCheck already stops a long text run earlier).
 */

/** Local names the readers care about (anything else is OTHER). */
export const TAG = { OTHER: 0, C: 1, V: 2, F: 3, T: 4, R: 5, IS: 6, SI: 7, ROW: 8, RPH: 9, SHEET_DATA: 10 } as const;

/** Flags of a text run: what decoding it needs. */
export const HAS_AMP = 1;
export const HAS_CR = 2;
export const HAS_UNDERSCORE = 4;
/** Text from CDATA: no references to decode. */
export const CDATA = 8;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const QUOT = 0x22;
const APOS = 0x27;
const AMP = 0x26;
const CR = 0x0d;
const UNDERSCORE = 0x5f;
const DASH = 0x2d;
const BRACKET = 0x5b;
const SHEET_DATA = Buffer.from('sheetData');

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

function tagKind(buf: Buffer, s: number, e: number): number {
  const n = e - s;
  const b0 = buf[s];
  if (n === 1) {
    if (b0 === 0x63) return TAG.C; // c
    if (b0 === 0x76) return TAG.V; // v
    if (b0 === 0x74) return TAG.T; // t
    if (b0 === 0x66) return TAG.F; // f
    if (b0 === 0x72) return TAG.R; // r
    return TAG.OTHER;
  }
  if (n === 2) {
    const b1 = buf[s + 1];
    if (b0 === 0x69 && b1 === 0x73) return TAG.IS; // is
    if (b0 === 0x73 && b1 === 0x69) return TAG.SI; // si
    return TAG.OTHER;
  }
  if (n === 3 && b0 === 0x72) {
    const b1 = buf[s + 1];
    const b2 = buf[s + 2];
    if (b1 === 0x6f && b2 === 0x77) return TAG.ROW; // row
    if (b1 === 0x50 && b2 === 0x68) return TAG.RPH; // rPh (phonetic run: not part of the text)
    return TAG.OTHER;
  }
  if (n === 9 && buf.compare(SHEET_DATA, 0, 9, s, e) === 0) return TAG.SHEET_DATA;
  return TAG.OTHER;
}

export abstract class XmlScanner {
  private pending: Buffer | null = null;

  constructor(
    private readonly maxPending: number,
    private readonly onTooLong: () => Error,
  ) {}

  /** Whether the text at the current position is wanted (else it is skipped without decoding). */
  protected abstract capturing(): boolean;
  /** An opening (or self-closing) tag; its attributes are the bytes [attrStart, attrEnd). */
  protected abstract open(kind: number, buf: Buffer, attrStart: number, attrEnd: number, selfClosing: boolean): void;
  protected abstract close(kind: number): void;
  /** A complete text run [start, end) while capturing(); `flags` says which decoding it needs. */
  protected abstract text(buf: Buffer, start: number, end: number, flags: number): void;
  /** True once nothing more is wanted from the part: the remaining bytes are not scanned. */
  protected finished(): boolean {
    return false;
  }

  write(chunk: Buffer): void {
    if (this.finished()) return;
    let buf = chunk;
    if (this.pending) {
      buf = Buffer.concat([this.pending, chunk]);
      this.pending = null;
    }
    const stop = this.scan(buf);
    if (stop < buf.length) {
      if (buf.length - stop > this.maxPending) throw this.onTooLong();
      this.pending = buf.subarray(stop);
    }
  }

  /** The part has ended: an incomplete tag or text run left over means the XML was cut off. */
  end(): void {
    if (this.pending && !this.finished()) throw new Error('XML ends inside a tag or a text run');
    this.pending = null;
  }

  /** Scans complete tokens; returns where the first incomplete one starts (buf.length when none). */
  private scan(buf: Buffer): number {
    const end = buf.length;
    let p = 0;
    while (p < end) {
      if (this.finished()) return end;
      if (buf[p] !== LT) {
        const capture = this.capturing();
        let q = p;
        let flags = 0;
        if (capture) {
          for (; q < end; q++) {
            const b = buf[q];
            if (b === LT) break;
            if (b === AMP) flags |= HAS_AMP;
            else if (b === CR) flags |= HAS_CR;
            else if (b === UNDERSCORE) flags |= HAS_UNDERSCORE;
          }
          if (q === end) return p; // the run may go on in the next chunk
          this.text(buf, p, q, flags);
        } else {
          q = buf.indexOf(LT, p);
          if (q < 0) return end;
        }
        p = q;
        continue;
      }
      if (p + 1 >= end) return p;
      const b1 = buf[p + 1];
      if (b1 === BANG || b1 === QUESTION) {
        const next = this.special(buf, p);
        if (next < 0) return p;
        p = next;
        continue;
      }
      let q = p + 1;
      const closing = b1 === SLASH;
      if (closing) q++;
      let local = q;
      for (; q < end; q++) {
        const b = buf[q];
        if (b === GT || b === SLASH || isSpace(b)) break;
        if (b === COLON) local = q + 1;
      }
      const nameEnd = q;
      let quote = 0;
      for (; q < end; q++) {
        const b = buf[q];
        if (quote !== 0) {
          if (b === quote) quote = 0;
        } else if (b === GT) break;
        else if (b === QUOT || b === APOS) quote = b;
      }
      if (q >= end) return p;
      const kind = tagKind(buf, local, nameEnd);
      if (closing) this.close(kind);
      else {
        const selfClosing = buf[q - 1] === SLASH && q - 1 >= nameEnd;
        this.open(kind, buf, nameEnd, selfClosing ? q - 1 : q, selfClosing);
      }
      p = q + 1;
    }
    return end;
  }

  /** <!-- -->, <![CDATA[ ]]>, <!DOCTYPE …>, <? ?> at p: the position after it, or -1 when it is incomplete. */
  private special(buf: Buffer, p: number): number {
    if (buf[p + 1] === QUESTION) {
      const q = buf.indexOf('?>', p + 2);
      return q < 0 ? -1 : q + 2;
    }
    if (buf.length - p < 4) return -1;
    if (buf[p + 2] === DASH && buf[p + 3] === DASH) {
      const q = buf.indexOf('-->', p + 4);
      return q < 0 ? -1 : q + 3;
    }
    if (buf[p + 2] === BRACKET) {
      if (buf.length - p < 9) return -1;
      if (buf.toString('latin1', p, p + 9) !== '<![CDATA[') throw new Error('XML has a malformed <![ section');
      const q = buf.indexOf(']]>', p + 9);
      if (q < 0) return -1;
      if (this.capturing()) this.text(buf, p + 9, q, HAS_CR | HAS_UNDERSCORE | CDATA);
      return q + 3;
    }
    const q = buf.indexOf(GT, p + 2);
    return q < 0 ? -1 : q + 1;
  }
}

const ENTITY = /&(#[xX][0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entity and character references (&amp; &#x4E2D; &#20013;); an unknown or invalid one stays as written. */
export function decodeEntities(s: string): string {
  return s.replace(ENTITY, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref];
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const EXCEL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Excel's escapes in string values (ECMA-376 ST_Xstring): a character XML cannot carry is written _xHHHH_ (a carriage
 * return as _x000D_), and a literal "_x" that would read as one is written _x005F_x….
 */
export function decodeExcelEscapes(s: string): string {
  return s.replace(EXCEL_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A text run as the string it stands for: XML line ends normalised, references decoded, Excel's escapes too. */
export function xmlText(buf: Buffer, start: number, end: number, flags: number, excelEscapes: boolean): string {
  let s = buf.toString('utf8', start, end);
  if (flags & HAS_CR) s = s.replace(/\r\n?/g, '\n');
  if (flags & HAS_AMP && !(flags & CDATA)) s = decodeEntities(s);
  if (excelEscapes && flags & HAS_UNDERSCORE) s = decodeExcelEscapes(s);
  return s;
}

/** Attributes of a start tag given as a string (small parts: workbook, relationships, styles), values decoded. */
export function tagAttributes(tag: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) m.set(a[1], decodeEntities(a[2] ?? a[3] ?? ''));
  return m;
}
