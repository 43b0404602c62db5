/**
 * Which cell styles (xl/styles.xml, <cellXfs>, indexed by a cell's s attribute) show numbers as dates: the style's
 * number format, custom (<numFmts>) or built in, has date or time parts outside quotes and [brackets] — ExcelJS's
 * isDateFmt rule, so that date cells read as before. Built-in formats that are dates: 14–22 and 45–47, and the
 * Chinese-locale ones 27–36 and 50–58 (年/月/日, 时/分), which Excel in Chinese may reference without defining them.
 */
import { tagAttributes } from './xlsx-xml';

const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cellXfs index: whether numbers in cells of that style are dates. */
export function dateStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:[\w.-]+:)?numFmt\b[^>]*>/g)) {
    const a = tagAttributes(m[0]);
    const code = a.get('formatCode');
    if (code) custom.set(Number(a.get('numFmtId')), code);
  }
  const open = /<(?:[\w.-]+:)?cellXfs\b[^>]*>/.exec(stylesXml);
  if (!open || open[0].endsWith('/>')) return [];
  const from = open.index + open[0].length;
  const close = stylesXml.slice(from).search(/<\/(?:[\w.-]+:)?cellXfs\s*>/);
  const section = stylesXml.slice(from, close < 0 ? undefined : from + close);
  const dates: boolean[] = [];
  for (const m of section.matchAll(/<(?:[\w.-]+:)?xf\b[^>]*>/g)) {
    const id = Number(tagAttributes(m[0]).get('numFmtId') ?? 0);
    const code = custom.get(id);
    dates.push(id !== 0 && (code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id)));
  }
  return dates;
}
