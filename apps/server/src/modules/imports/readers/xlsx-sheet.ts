/**
 * A worksheet's XML (scanned as bytes, chunk by chunk) → RawRecords: one per <row> of <sheetData>, numbered by its r
 * attribute (the previous row + 1 without it), cells placed by the column letters of their r attribute (the next
 * column without it), holes filled with ''. A cell counts when it has a value (<v>, <is> or a formula); the record's
 * cells end at the last such cell. Values become text as xlsx-cells.ts describes.
 *
 * Limits, each refusing the file with a message naming it: a cell beyond Excel's last column XFD (before anything is
 * allocated for it), a filled cell beyond `maxColumns`, a cell longer than `maxCellChars`.
 */
import type { RawRecord } from './csv-reader';
import type { ReadLimits } from './limits';
import { NOT_EXCEL, refuse } from './refusal';
import { CELL, valueText } from './xlsx-cells';
import { HAS_AMP, HAS_CR, HAS_UNDERSCORE, TAG, XmlScanner, xmlText } from './xlsx-xml';

/** Excel's last column, XFD. */
export const MAX_EXCEL_COLUMN = 16384;

const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;

export type SheetContext = {
  fileName: string;
  limits: ReadLimits;
  sharedStrings: readonly string[];
  /** By cell style index (the s attribute): numbers are dates. */
  dateStyles: readonly boolean[];
  date1904: boolean;
  maxPending: number;
  onTooLong: () => Error;
};

function typeOf(buf: Buffer, s: number, e: number): number {
  const n = e - s;
  const b0 = buf[s];
  if (n === 1) {
    if (b0 === 0x73) return CELL.SHARED; // s
    if (b0 === 0x62) return CELL.BOOL; // b
    if (b0 === 0x65) return CELL.ERROR; // e
    if (b0 === 0x64) return CELL.DATE; // d
    return CELL.NUMBER; // n and anything unknown
  }
  if (n === 3 && b0 === 0x73 && buf[s + 1] === 0x74 && buf[s + 2] === 0x72) return CELL.STR; // str
  if (n === 9 && buf.toString('latin1', s, e) === 'inlineStr') return CELL.INLINE;
  return CELL.NUMBER;
}

/** Decimal digits [s, e) → number (-1 when there are none or something else). */
function digits(buf: Buffer, s: number, e: number): number {
  if (s >= e) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i] - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export class SheetScanner extends XmlScanner {
  private rows: RawRecord[] = [];
  private inData = false;
  private done = false;
  // the row being read
  private row: RawRecord | null = null;
  private rowNumber = 0;
  private nextColumn = 1;
  // the cell being read
  private inCell = false;
  private column = 0;
  private type: number = CELL.NUMBER;
  private style = -1;
  private hasValue = false;
  private value = '';
  private inValue = false;
  private hasInline = false;
  private inline = '';
  private inInline = false;
  private inText = false;
  private phonetic = 0;
  private hasFormula = false;
  /** A shared string cell's index, read from its digits without making a string (-1: parse `value`). */
  private sharedIndex = -1;

  constructor(private readonly ctx: SheetContext) {
    super(ctx.maxPending, ctx.onTooLong);
  }

  /** The records completed so far (each handed out once). */
  take(): RawRecord[] {
    const out = this.rows;
    this.rows = [];
    return out;
  }

  protected override finished(): boolean {
    return this.done;
  }

  protected capturing(): boolean {
    return this.inValue || this.inText;
  }

  protected open(kind: number, buf: Buffer, s: number, e: number, selfClosing: boolean): void {
    switch (kind) {
      case TAG.C:
        if (this.row) this.openCell(buf, s, e, selfClosing);
        return;
      case TAG.V:
        if (!this.inCell) return;
        this.hasValue = true;
        this.value = '';
        this.sharedIndex = -1;
        this.inValue = !selfClosing;
        return;
      case TAG.IS:
        if (!this.inCell) return;
        this.hasInline = true;
        this.inline = '';
        this.inInline = !selfClosing;
        return;
      case TAG.T:
        if (this.inInline && this.phonetic === 0 && !selfClosing) this.inText = true;
        return;
      case TAG.RPH:
        if (this.inInline && !selfClosing) this.phonetic++;
        return;
      case TAG.F:
        if (this.inCell) this.hasFormula = true;
        return;
      case TAG.ROW:
        if (this.inData) this.openRow(buf, s, e, selfClosing);
        return;
      case TAG.SHEET_DATA:
        if (selfClosing) this.done = true;
        else this.inData = true;
        return;
      default:
    }
  }

  protected close(kind: number): void {
    switch (kind) {
      case TAG.V:
        this.inValue = false;
        return;
      case TAG.T:
        this.inText = false;
        return;
      case TAG.RPH:
        if (this.phonetic > 0) this.phonetic--;
        return;
      case TAG.IS:
        this.inInline = false;
        this.inText = false;
        return;
      case TAG.C:
        if (this.inCell) this.closeCell();
        return;
      case TAG.ROW:
        this.closeRow();
        return;
      case TAG.SHEET_DATA:
        this.closeRow();
        this.inData = false;
        this.done = true;
        return;
      default:
    }
  }

  protected text(buf: Buffer, start: number, end: number, flags: number): void {
    if (this.inValue) {
      if (this.type === CELL.SHARED && this.value === '' && this.sharedIndex < 0) {
        const index = digits(buf, start, end);
        if (index >= 0) {
          this.sharedIndex = index;
          return;
        }
      }
      if (this.sharedIndex >= 0) {
        this.value = String(this.sharedIndex); // a value in several runs (a comment inside <v>)
        this.sharedIndex = -1;
      }
      const t =
        this.type === CELL.STR || this.type === CELL.INLINE
          ? xmlText(buf, start, end, flags, true)
          : flags & (HAS_AMP | HAS_CR | HAS_UNDERSCORE)
            ? xmlText(buf, start, end, flags, false)
            : buf.toString('latin1', start, end);
      this.value = this.value === '' ? t : this.value + t;
    } else if (this.inline.length <= this.ctx.limits.maxCellChars) {
      const t = xmlText(buf, start, end, flags, true);
      this.inline = this.inline === '' ? t : this.inline + t;
    }
  }

  private openRow(buf: Buffer, s: number, e: number, selfClosing: boolean): void {
    this.closeRow();
    let number = -1;
    for (let p = nextAttribute(buf, s, e); p >= 0; p = nextAttribute(buf, attrEnd + 1, e)) {
      if (attrNameEnd - p === 1 && buf[p] === 0x72) number = digits(buf, attrValue, attrEnd);
    }
    this.rowNumber = number > 0 ? number : this.rowNumber + 1;
    this.row = { index: this.rowNumber, cells: [] };
    this.nextColumn = 1;
    if (selfClosing) this.closeRow();
  }

  private closeRow(): void {
    if (this.inCell) this.closeCell();
    if (this.row) this.rows.push(this.row);
    this.row = null;
  }

  private openCell(buf: Buffer, s: number, e: number, selfClosing: boolean): void {
    if (this.inCell) this.closeCell();
    let column = 0;
    let type: number = CELL.NUMBER;
    let style = -1;
    for (let p = nextAttribute(buf, s, e); p >= 0; p = nextAttribute(buf, attrEnd + 1, e)) {
      if (attrNameEnd - p !== 1) continue;
      const name = buf[p];
      if (name === 0x72) column = columnOf(buf, attrValue, attrEnd, this.ctx.fileName);
      else if (name === 0x74) type = typeOf(buf, attrValue, attrEnd);
      else if (name === 0x73) style = digits(buf, attrValue, attrEnd);
    }
    this.column = column > 0 ? column : this.nextColumn;
    this.nextColumn = this.column + 1;
    if (selfClosing) return;
    this.inCell = true;
    this.type = type;
    this.style = style;
    this.hasValue = false;
    this.value = '';
    this.inValue = false;
    this.hasInline = false;
    this.inline = '';
    this.inInline = false;
    this.inText = false;
    this.phonetic = 0;
    this.hasFormula = false;
  }

  private closeCell(): void {
    this.inCell = false;
    this.inValue = false;
    this.inInline = false;
    this.inText = false;
    const text = this.cellText();
    if (text === null || !this.row) return;
    const { limits, fileName } = this.ctx;
    const c = this.column;
    if (c > limits.maxColumns) {
      if (text !== '') throw refuse(fileName, `文件第 ${this.row.index} 行的列数超过 ${limits.maxColumns} 列的上限，无法导入`);
      return;
    }
    if (text.length > limits.maxCellChars) {
      throw refuse(fileName, `文件第 ${this.row.index} 行第 ${c} 列的内容超过 ${limits.maxCellChars} 个字符的上限，无法导入`);
    }
    const cells = this.row.cells;
    while (cells.length < c - 1) cells.push('');
    cells[c - 1] = text;
  }

  /** The cell's text, or null when it has no value. */
  private cellText(): string | null {
    const { type } = this;
    if (type === CELL.SHARED && this.hasValue) {
      const s = this.ctx.sharedStrings[this.sharedIndex >= 0 ? this.sharedIndex : parseInt(this.value, 10)];
      return s === undefined ? null : s;
    }
    if (this.hasInline && (!this.hasValue || type === CELL.INLINE)) return this.inline;
    if (!this.hasValue) return this.hasFormula ? '' : null;
    const isDate = this.style >= 0 && this.ctx.dateStyles[this.style] === true;
    return valueText(type, this.value, isDate, this.ctx.date1904);
  }
}

// Where nextAttribute found the attribute's name end, value start and value end (module state: no allocation).
let attrNameEnd = 0;
let attrValue = 0;
let attrEnd = 0;

/** The start of the next attribute's name in [p, e), its ranges in attrNameEnd/attrValue/attrEnd; -1 when none. */
function nextAttribute(buf: Buffer, p: number, e: number): number {
  while (p < e && buf[p] <= 0x20) p++;
  const ns = p;
  while (p < e && buf[p] !== EQ && buf[p] > 0x20) p++;
  attrNameEnd = p;
  while (p < e && buf[p] <= 0x20) p++;
  if (p >= e || buf[p] !== EQ) return -1;
  p++;
  while (p < e && buf[p] <= 0x20) p++;
  const quote = buf[p];
  if (quote !== QUOT && quote !== APOS) return -1;
  attrValue = ++p;
  while (p < e && buf[p] !== quote) p++;
  attrEnd = p;
  return ns;
}

/** The column number of a cell reference (A1 → 1, XFD7 → 16384); 0 without letters; refuses columns beyond XFD. */
function columnOf(buf: Buffer, s: number, e: number, fileName: string): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    let b = buf[i];
    if (b === 0x24) continue; // $A$1
    if (b >= 0x61 && b <= 0x7a) b -= 0x20;
    if (b < 0x41 || b > 0x5a) break;
    n = n * 26 + (b - 0x40);
    if (n > MAX_EXCEL_COLUMN) throw refuse(fileName, `${NOT_EXCEL}（有单元格超出了 Excel 的最大列 XFD）`);
  }
  return n;
}
