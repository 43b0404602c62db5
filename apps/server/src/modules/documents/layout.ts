/**
 * One description of a printed document, rendered twice: to DOCX (render-docx.ts) and to a print page
 * (render-html.ts). Each document builds a DocSpec from its data, so both renderings say the same words.
 */

/** A piece of text; `fill` marks a value written into the form (underlined, as a filled-in blank). */
export type Run = string | { text: string; fill?: boolean; bold?: boolean };

export type Align = 'left' | 'center' | 'right' | 'justify';

export type Cell = {
  /** '\n' starts a new paragraph inside the cell */
  text: string;
  /** columns covered */
  span?: number;
  /** a field label (centred) rather than a value */
  label?: boolean;
  align?: Align;
};

export type Row = { cells: Cell[]; /** minimum height in millimetres */ minHeight?: number };

export type Block =
  | { kind: 'title'; text: string }
  /** a short centred or right-aligned line under the title: 文号, 第一联 学校留存 */
  | { kind: 'line'; text: string; align: Align; small?: boolean }
  /** 黑体 section heading (一、…) */
  | { kind: 'heading'; text: string }
  | { kind: 'para'; runs: Run[]; align?: Align; /** first-line indent of two characters */ indent?: boolean; small?: boolean }
  | { kind: 'table'; /** relative column widths */ cols: number[]; rows: Row[] }
  | { kind: 'gap' };

/** Each page starts on a new sheet. */
export type Page = Block[];

/**
 * notice: GB/T 9704 page (天头 37 mm, 订口 28 mm, 版心 156 × 225 mm), 二号 title, 三号 仿宋 body.
 * form: a table form (20 mm top and bottom, 18 mm sides), 小二 title, 小四 body.
 */
export type PageLayout = 'notice' | 'form';

export type DocSpec = { title: string; layout: PageLayout; pages: Page[] };

export const MARGINS_MM: Record<PageLayout, { top: number; right: number; bottom: number; left: number }> = {
  notice: { top: 37, right: 26, bottom: 35, left: 28 },
  form: { top: 20, right: 18, bottom: 20, left: 18 },
};

/** Font sizes in points: title, body, small (tables of a notice, notes). */
export const SIZES_PT: Record<PageLayout, { title: number; body: number; small: number; line: number }> = {
  notice: { title: 22, body: 16, small: 12, line: 28 },
  form: { title: 18, body: 12, small: 10.5, line: 20 },
};

export const A4_MM = { width: 210, height: 297 };

export const para = (runs: Run[], o: { align?: Align; indent?: boolean; small?: boolean } = {}): Block => ({ kind: 'para', runs, ...o });
export const fill = (text: string): Run => ({ text, fill: true });
export const label = (text: string, span?: number): Cell => ({ text, label: true, span });
export const value = (text: string, span?: number, align?: Align): Cell => ({ text, span, align });
