/** Public types of the noisy-registry generator (户籍, 学籍, 在校名册, 脱贫户/监测户, 残疾人 CSVs + the truth). */
import { FINDING_CATEGORY_CODES, type FindingCategoryCode } from '@notoneless/shared/finding-categories';
import type { SynthOptions } from '../types';

export type RegistryFileKind = 'hukou' | 'xueji' | 'roster' | 'poverty' | 'disability';
export const REGISTRY_FILE_KINDS: readonly RegistryFileKind[] = ['hukou', 'xueji', 'roster', 'poverty', 'disability'];

/** The finding categories of formats.md (one list, in the shared contracts). */
export type CategoryCode = FindingCategoryCode;
export const CATEGORY_CODES: readonly CategoryCode[] = FINDING_CATEGORY_CODES;

/** Noise in what the files say (fractions of the rows of that file, unless said otherwise). */
export type RegistryNoise = {
  /** 学籍: one ID digit mistyped. */
  xuejiIdTypo: number;
  /** 学籍: two neighbouring ID digits swapped. */
  xuejiIdSwap: number;
  /** 学籍: ID cell left blank. */
  xuejiIdBlank: number;
  /** A mistyped 学籍 ID also carries its typo into the G学籍号 (it was derived from the ID as typed). */
  studentNoKeepsTypo: number;
  hukouIdTypo: number;
  rosterIdTypo: number;
  /** Full-width digits (１２３Ｘ) in an ID cell, any file. */
  fullWidthId: number;
  /** Spaces (ASCII or U+3000) inside or around an ID cell, any file. */
  spacedId: number;
  /** Of the IDs ending in X: written with a lower-case x. */
  lowerX: number;
  /** 在校名册: one character of the given name replaced by a homophone (同音字). */
  rosterHomophone: number;
  /** Names written with a space (张 三), 学籍 and 名册. */
  spacedName: number;
  /** 在校名册: 班级 written (3)班 or 3 instead of 3班. */
  rosterClassVariant: number;
  /** 学籍: 性别 left blank (the ID says it). */
  blankGender: number;
  /** 户籍: share of birth dates not written as YYYY-MM-DD (the other five spellings share it); 学籍 uses all six evenly. */
  hukouOddDates: number;
};

/** What happens to children (fractions of all children unless said otherwise). */
export type ScenarioRates = {
  /** Stopped coming, 学籍 still 在读 (籍在人不在). */
  dropoutUnprocessed: number;
  /** Stopped coming, 学籍 marked 辍学. */
  dropoutProcessed: number;
  /** 学籍 转出, not studying anywhere known. */
  transferredOut: number;
  /** On a roster without a current 学籍 (half with no 学籍, half with a 转出 one at another school). */
  attendingUnenrolled: number;
  /** A second current 学籍 at another school under the same ID. */
  duplicateSameId: number;
  /** A second current 学籍 at another school registered without the ID (L学籍号). */
  duplicateNoId: number;
  /** No household registration (无户籍): no 户籍 row and no ID anywhere. */
  noHousehold: number;
  /** Of grade-9 children: last year's graduates (学籍 毕业 at grade 9, on no roster). */
  graduatedGrade9: number;
  /** Dropout-like scenarios are this many times likelier for 脱贫户/监测户 children. */
  povertyFactor: number;
  /** Extra non-eligible people (ages 3–5 and 16–17) in 户籍, per child. */
  ineligibleExtra: number;
  /** 户籍 here with an ID number of another area (户口迁入). */
  hukouOtherArea: number;
  /** Schools that hand in no roster (fraction of schools, at least one). */
  missingRosterSchools: number;
  /** Roster rows: with ID and 学籍号 / ID only / 学籍号 only; the rest have neither. */
  rosterIdAndNo: number;
  rosterIdOnly: number;
  rosterNoOnly: number;
};

export type RegistryOptions = SynthOptions & {
  noise?: Partial<RegistryNoise>;
  rates?: Partial<ScenarioRates>;
  /** Write some headers as accepted aliases (身份证号, 学校代码…) instead of the canonical ones. */
  aliasHeaders?: boolean;
  /** Line endings; default CRLF (as Excel writes CSV). */
  eol?: '\r\n' | '\n';
  /** Start each file with a UTF-8 BOM (default true). */
  bom?: boolean;
  /** Put a blank line after every N data rows (0 = never; default 0). Blank lines count in row numbers. */
  blankLineEvery?: number;
};

/** What the generator knows: which child each data row describes, and each category's children. */
export type RegistryTruth = {
  asOf: string;
  countyCode: string;
  /** Children and extra people, numbered from 0. */
  people: number;
  /** By file: for data row r (from 1), rowPerson[r] is the person's number; -1 for blank rows; index 0 unused. */
  rowPerson: Record<RegistryFileKind, Int32Array>;
  /** By category: the people (numbers) that should be found. */
  categories: Record<CategoryCode, number[]>;
  /** Schools whose roster was not handed in. */
  missingRosters: string[];
};

/** A line sink the generator writes CSV text to (in memory or to a file). */
export type TextSink = { write(text: string): void; end(): void };
