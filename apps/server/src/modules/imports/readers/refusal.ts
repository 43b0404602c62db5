import { AppError } from '../../../http/app-error';

/** A whole-file refusal: AppError VALIDATION whose message starts with the file name (「学籍.xlsx」…). */
export function refuse(fileName: string, message: string, details?: unknown): AppError {
  return new AppError('VALIDATION', `「${fileName}」${message}`, details);
}

export const NOT_EXCEL = '不是有效的 Excel 文件';

/** Keep our own refusals; anything else a parser throws becomes `fallback` (the parser's text goes to details). */
export function asRefusal(e: unknown, fileName: string, fallback: string): AppError {
  if (e instanceof AppError) return e;
  return refuse(fileName, fallback, { cause: e instanceof Error ? e.message : String(e) });
}
