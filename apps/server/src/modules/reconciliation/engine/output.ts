/** The command's outputs as text (formats.md): findings.csv, problems.csv, summary.json and --json lines. */
import type { ImportProblem } from '../../imports/formats/problems';
import {
  CATEGORY_CODES,
  REGISTRY_KIND_ORDER,
  type CategoryCode,
  type FileReport,
  type FileSummary,
  type Finding,
  type ReconcileSummary,
  type RegistryKind,
} from './types';

export const FINDING_COLUMNS = [
  '类别代码',
  '类别',
  '姓名',
  '身份证号',
  '户籍行',
  '学籍行',
  '名册行',
  '脱贫户行',
  '匹配方式',
  '置信度',
  '说明',
] as const;
const PROBLEM_COLUMNS = ['文件', '行', '列', '原因'] as const;
const BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;
export const csvCell = (v: string): string => (NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvLine = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;

const rowList = (rows: readonly number[]) => rows.join(';');
/** 0–1 with at most two decimals. */
export const formatConfidence = (c: number): string => String(Math.round(c * 100) / 100);

/** One finding as the columns of findings.csv. */
export function findingCells(f: Finding): Record<(typeof FINDING_COLUMNS)[number], string> {
  return {
    类别代码: f.code,
    类别: f.label,
    姓名: f.name,
    身份证号: f.idNumber,
    户籍行: rowList(f.rows.hukou),
    学籍行: rowList(f.rows.xueji),
    名册行: rowList(f.rows.roster),
    脱贫户行: rowList(f.rows.poverty),
    匹配方式: f.method,
    置信度: formatConfidence(f.confidence),
    说明: f.note,
  };
}

/** findings.csv: UTF-8 with BOM (Excel opens it), CRLF lines. */
export function findingsCsv(findings: readonly Finding[]): string {
  const parts = [BOM + csvLine(FINDING_COLUMNS)];
  for (const f of findings) parts.push(csvLine(Object.values(findingCells(f))));
  return parts.join('');
}

/** One --json line: the same columns, 置信度 as a number. */
export function findingJson(f: Finding): string {
  return JSON.stringify({ ...findingCells(f), 置信度: Math.round(f.confidence * 100) / 100 });
}

/** problems.csv: every rejected row and warning, file by file, in row order. */
export function problemsCsv(reports: readonly FileReport[]): string {
  const parts = [BOM + csvLine(PROBLEM_COLUMNS)];
  for (const r of reports) for (const p of r.problems) parts.push(csvLine(problemCells(p)));
  return parts.join('');
}

const problemCells = (p: ImportProblem) => [p.file, String(p.row), p.column, p.message];

export type SummaryJson = {
  counts: Record<CategoryCode, number>;
  files: Partial<Record<RegistryKind, FileSummary>>;
  missingRosters: string[];
  ms: number;
  asOf: string;
  countyCode: string;
  eligibleBirthRange: { from: string; to: string };
  children: number;
  links: ReconcileSummary['links'];
  ambiguous: number;
};

export function summaryJson(summary: ReconcileSummary, reports: readonly FileReport[], ms: number): SummaryJson {
  const files: Partial<Record<RegistryKind, FileSummary>> = {};
  for (const k of REGISTRY_KIND_ORDER) {
    const r = reports.find((x) => x.kind === k);
    if (r) files[k] = { rows: r.rows, rejected: r.rejected, warnings: r.warnings };
  }
  const counts = Object.fromEntries(CATEGORY_CODES.map((c) => [c, summary.counts[c] ?? 0])) as Record<CategoryCode, number>;
  return {
    counts,
    files,
    missingRosters: summary.missingRosters,
    ms,
    asOf: summary.asOf,
    countyCode: summary.countyCode,
    eligibleBirthRange: summary.eligibleBirthRange,
    children: summary.children,
    links: summary.links,
    ambiguous: summary.ambiguous,
  };
}
