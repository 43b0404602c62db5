/**
 * XLSX cell values → the text the rest of the importer sees (one design for CSV and XLSX: cells are strings).
 * The same texts the ExcelJS-based reader produced (xlsx-oracle.test.ts compares the two):
 * - a number in a cell with a date format (styles.xml, see xlsx-styles.ts) → 'YYYY-MM-DD' (1904 date system too);
 * - a number → its decimal text without exponent or float noise (18-digit IDs typed as numbers have already lost
 *   their last digits in Excel: they come out as written and fail the check digit); an Excel serial date in a cell
 *   without date format stays a number (e.g. '41703'), which parseDateCell reads as a serial date;
 * - booleans → 'TRUE'/'FALSE'; errors (#N/A) → ''; shared, inline and formula strings → their text, rich text runs
 *   joined (phonetic runs left out), Excel's _xHHHH_ escapes decoded;
 * - formulas → their cached result, read like any cell of that type.
 * Where ExcelJS was wrong, this reader differs on purpose (xlsx-sheet.test.ts pins each): an inline rich-text string
 * keeps all its runs (ExcelJS kept the last); a formula's result 0 reads '0' (ExcelJS dropped falsy results); a
 * formula's boolean or date result reads 'TRUE' or as a date (ExcelJS: 1, 41703 — both read the same downstream);
 * string results and inline strings are decoded once (ExcelJS decoded &amp;lt; twice, to <); Excel's _xHHHH_ escapes
 * are decoded; an ISO date cell (t="d") reads as its date; the built-in Chinese date formats (ids 27–36, 50–58) are
 * dates (ExcelJS left the serial number, which parseDateCell read as the same date); phonetic runs are left out;
 * namespace-prefixed tags (<x:c>) are read; a missing cell reference means the next column.
 */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
  return String(Number(n.toPrecision(15)));
}

/** An Excel serial day number as 'YYYY-MM-DD' (UTC), as ExcelJS's excelToDate + toISOString did; '' when impossible. */
function serialDateText(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** The cell types of SpreadsheetML (the t attribute); anything unknown reads as a number, as in ExcelJS. */
export const CELL = { NUMBER: 0, SHARED: 1, INLINE: 2, STR: 3, BOOL: 4, ERROR: 5, DATE: 6 } as const;

/** The text of a <v> value of a cell of type `type` that is not a shared string. */
export function valueText(type: number, v: string, isDate: boolean, date1904: boolean): string {
  switch (type) {
    case CELL.STR:
    case CELL.INLINE:
      return v;
    case CELL.BOOL:
      return parseInt(v, 10) !== 0 ? 'TRUE' : 'FALSE';
    case CELL.ERROR:
      return '';
    case CELL.DATE: {
      const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(v);
      return m ? m[1] : v.trim();
    }
    default: {
      const n = parseFloat(v);
      return isDate ? serialDateText(n, date1904) : numberText(n);
    }
  }
}
