/**
 * ExcelJS cell values → the text the rest of the importer sees (one design for CSV and XLSX: cells are strings).
 * - a date cell (a number with a date format) → 'YYYY-MM-DD';
 * - a number → its decimal text without exponent or float noise (18-digit IDs typed as numbers have already lost
 *   their last digits in Excel: they come out as written and fail the check digit); an Excel serial date in a cell
 *   without date format stays a number (e.g. '41703'), which parseDateCell reads as a serial date;
 * - booleans → 'TRUE'/'FALSE'; formulas → their cached result; rich text → its plain text; errors (#N/A) → ''.
 */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
  return String(Number(n.toPrecision(15)));
}

type RichText = { richText: { text?: unknown }[] };
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isRichText = (v: Record<string, unknown>): v is RichText => Array.isArray(v.richText);

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (!isRecord(v)) return '';
  if (isRichText(v)) return v.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
  if ('error' in v) return '';
  if ('text' in v) return cellText(v.text);
  return '';
}
