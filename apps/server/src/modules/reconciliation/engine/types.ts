/** Types of the reconciliation engine (四查三比对): categories, findings, links and the summary (formats.md). */
import { FINDING_CATEGORY_CODES, FINDING_CATEGORY_LABELS, type FindingCategoryCode } from '@notoneless/shared/finding-categories';
import type { RegistryKind } from '../../imports/formats/columns';
import type { ImportProblem } from '../../imports/formats/problems';

export type { RegistryKind } from '../../imports/formats/columns';

/** The categories of formats.md and their Chinese names: one table, in the shared contracts. */
export type CategoryCode = FindingCategoryCode;
export const CATEGORY_CODES: readonly CategoryCode[] = FINDING_CATEGORY_CODES;
export const CATEGORY_LABELS: Record<CategoryCode, string> = FINDING_CATEGORY_LABELS;

/** How two records were tied (匹配方式). */
export type MatchMethod =
  | '人工'
  | '证件号一致'
  | '证件号纠错'
  | '学籍号'
  | '学籍号中的证件号'
  | '姓名+出生日期'
  | '同音姓名+出生日期'
  | '班级+姓名'
  | '班级+同音姓名'
  | '年级+姓名'
  | '姓名+年龄'
  | '同班同名';

export const METHOD_CONFIDENCE: Record<MatchMethod, number> = {
  人工: 1,
  证件号一致: 1,
  学籍号: 1,
  学籍号中的证件号: 0.98,
  证件号纠错: 0.95,
  '姓名+出生日期': 0.9,
  '班级+姓名': 0.9,
  '同音姓名+出生日期': 0.85,
  '班级+同音姓名': 0.85,
  '年级+姓名': 0.8,
  '姓名+年龄': 0.7,
  同班同名: 0.5,
};

export const REGISTRY_KIND_ORDER: readonly RegistryKind[] = ['hukou', 'xueji', 'roster', 'poverty', 'disability'];

/** The data-row numbers (from 1) of one child's records, by file. */
export type RowsByKind = Record<RegistryKind, number[]>;

/** A record named by its file and data-row number. */
export type RecordRef = { kind: RegistryKind; row: number };

/**
 * A person's decision on who is who (platform only; the command line never has any): the records named by `left` and
 * `right` (stable record keys, record-key.ts) are the same child (merge) or never the same child (split). `note`, a
 * sentence naming who decided, when and why, is added to the 说明 of the findings it shapes.
 */
export type IdentityDecision = { decision: 'merge' | 'split'; left: string; right: string; note: string };

export type Finding = {
  code: CategoryCode;
  /** 类别 (Chinese label). */
  label: string;
  name: string;
  /** The child's valid ID as best known (户籍's first); '' when none is valid. */
  idNumber: string;
  rows: RowsByKind;
  /** 匹配方式: how the child's records were tied ('单条记录' when there is one record). */
  method: string;
  /** 置信度, 0–1: the weakest tie among the child's records (0 when a person must decide between candidates). */
  confidence: number;
  /** 说明: a sentence a teacher understands. */
  note: string;
  /** The resolved child (index into ReconcileResult.children). */
  child: number;
  /** Where the finding belongs: the 户籍 village (区划代码) and the school of the 学籍/名册 involved. */
  villageCode: string;
  schoolCode: string;
  /** Records left apart because several children fitted them, each with the records it may belong to (for a person). */
  candidates: { record: RecordRef; candidates: RecordRef[] }[];
};

/** One record tied to a resolved child, and how (the first record of a child is its anchor: method null). */
export type ChildLink = { child: number; kind: RegistryKind; row: number; method: MatchMethod | null; confidence: number };

export type ResolvedChild = {
  /** Stable across runs while the data agree: the best valid ID, else 姓名|出生日期|学校. */
  key: string;
  name: string;
  idNumber: string;
  birthDate: string;
  gender: string;
};

export type FileSummary = { rows: number; rejected: number; warnings: number };

export type ReconcileSummary = {
  counts: Record<CategoryCode, number>;
  missingRosters: string[];
  asOf: string;
  countyCode: string;
  eligibleBirthRange: { from: string; to: string };
  children: number;
  /** Ties made, by method. */
  links: Partial<Record<MatchMethod, number>>;
  /** Records left unmatched because several children fitted equally (named in the findings' 说明). */
  ambiguous: number;
  /** With decisions: how many shaped the run, and how many named no record of this run (or several, for a merge). */
  decisions?: { applied: number; unmatched: number };
};

export type ReconcileResult = {
  findings: Finding[];
  links: ChildLink[];
  children: ResolvedChild[];
  summary: ReconcileSummary;
};

export type AgeSettings = { schoolYearStart: string; eligibleAgeFrom: number; eligibleAgeTo: number };

export type ReconcileOptions = {
  /** YYYY-MM-DD: the base date (school year and 适龄). */
  asOf: string;
  /** 6-digit county code; default the most frequent area code among the 户籍 IDs. */
  countyCode?: string;
  settings?: AgeSettings;
  /** Only exact (normalised) ID numbers tie records: the naive join, for comparison. */
  exactIdOnly?: boolean;
  /** Filled with the milliseconds each phase took, when given. */
  timings?: Record<string, number>;
  /** People's merge/split decisions (the platform's; the command line has none). */
  decisions?: readonly IdentityDecision[];
};

/** What reading one file gave: rows (non-blank data rows), rejected rows and the problems. */
export type FileReport = FileSummary & { kind: RegistryKind; fileName: string; problems: ImportProblem[] };
