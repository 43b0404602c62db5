/**
 * The registry columns of formats.md (canonical header first, accepted aliases after) and the header matching.
 * Headers match ignoring surrounding and inner spaces, full-/half-width differences, a leading * and bracketed hints
 * (身份证号（必填）, 出生日期[yyyy-mm-dd]).
 */
import { AppError } from '../../../http/app-error';
import { toHalfWidth } from './normalize';

export type RegistryKind = 'hukou' | 'xueji' | 'roster' | 'poverty' | 'disability';
export const REGISTRY_KINDS: readonly RegistryKind[] = ['hukou', 'xueji', 'roster', 'poverty', 'disability'];

export const REGISTRY_LABELS: Record<RegistryKind, string> = {
  hukou: '户籍',
  xueji: '学籍',
  roster: '在校名册',
  poverty: '脱贫户/监测户',
  disability: '残疾人',
};

export type ColumnKey =
  | 'idNumber'
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'schoolCode'
  | 'schoolName'
  | 'grade'
  | 'className'
  | 'studentNo'
  | 'status'
  | 'idType'
  | 'studyMode'
  | 'householdDivisionCode'
  | 'migrant'
  | 'leftBehind'
  | 'disabled'
  | 'nation'
  | 'address'
  | 'guardianName'
  | 'guardianPhone'
  | 'householdType'
  | 'headName'
  | 'headIdNumber'
  | 'relation'
  | 'divisionCode'
  | 'disabilityCertNo'
  | 'disabilityCategory'
  | 'disabilityGrade';

export type ColumnSpec = { key: ColumnKey; header: string; aliases: readonly string[]; requiredColumn?: boolean };

const NAME: ColumnSpec = { key: 'name', header: '姓名', aliases: ['学生姓名', '儿童姓名'], requiredColumn: true };
const GENDER: ColumnSpec = { key: 'gender', header: '性别', aliases: [] };
const BIRTH: ColumnSpec = { key: 'birthDate', header: '出生日期', aliases: ['出生年月日', '出生年月', '生日'] };
/** 公民身份号码 and its aliases; the canonical header differs by file (户籍 公民身份号码, 学籍 身份证件号). */
const ID_ALIASES = ['公民身份号码', '身份证号', '身份证号码', '身份证件号', '身份证件号码', '证件号码', '证件号'];
const idColumn = (header: string, requiredColumn = false): ColumnSpec => ({
  key: 'idNumber',
  header,
  aliases: ID_ALIASES.filter((a) => a !== header),
  requiredColumn,
});
const SCHOOL_CODE: ColumnSpec = {
  key: 'schoolCode',
  header: '学校标识码',
  aliases: ['学校代码', '学校识别码', '学校标识'],
  requiredColumn: true,
};
const GRADE: ColumnSpec = { key: 'grade', header: '年级', aliases: ['所在年级', '年级名称'] };
const CLASS: ColumnSpec = { key: 'className', header: '班级', aliases: ['班级名称', '班号', '所在班级'] };
const STUDENT_NO: ColumnSpec = { key: 'studentNo', header: '学籍号', aliases: ['全国学籍号', '学籍编号', '学生学籍号'] };
const ID_TYPE: ColumnSpec = { key: 'idType', header: '身份证件类型', aliases: ['证件类型', '身份证件类别'] };
const HOUSEHOLD_DIVISION: ColumnSpec = {
  key: 'householdDivisionCode',
  header: '户籍地区划代码',
  aliases: ['区划代码', '户口所在地行政区划', '户籍所在地区划代码', '户口所在地区划代码'],
};

export const COLUMN_SPECS: Record<RegistryKind, readonly ColumnSpec[]> = {
  hukou: [
    NAME,
    GENDER,
    BIRTH,
    idColumn('公民身份号码', true),
    { key: 'nation', header: '民族', aliases: [] },
    { key: 'address', header: '户籍地址', aliases: ['住址', '户籍所在地', '户籍住址', '家庭住址'] },
    HOUSEHOLD_DIVISION,
    { key: 'guardianName', header: '监护人姓名', aliases: ['监护人'] },
    { key: 'guardianPhone', header: '监护人电话', aliases: ['监护人联系电话', '监护人手机', '联系电话'] },
  ],
  xueji: [
    STUDENT_NO,
    NAME,
    GENDER,
    BIRTH,
    idColumn('身份证件号'),
    SCHOOL_CODE,
    { key: 'schoolName', header: '学校名称', aliases: ['学校', '就读学校'] },
    GRADE,
    CLASS,
    { key: 'status', header: '学籍状态', aliases: ['学生状态', '在校状态', '学籍状态名称'] },
    ID_TYPE,
    { key: 'studyMode', header: '就读方式', aliases: [] },
    HOUSEHOLD_DIVISION,
    { key: 'migrant', header: '随迁子女', aliases: ['是否随迁子女', '进城务工人员随迁子女'] },
    { key: 'leftBehind', header: '留守儿童', aliases: ['是否留守儿童'] },
    { key: 'disabled', header: '残疾', aliases: ['是否残疾', '是否残疾人', '残疾人'] },
  ],
  roster: [SCHOOL_CODE, GRADE, CLASS, NAME, idColumn('身份证件号'), STUDENT_NO, ID_TYPE],
  poverty: [
    NAME,
    idColumn('公民身份号码'),
    { key: 'householdType', header: '户类型', aliases: ['户类别', '户属性', '贫困户属性', '户类型名称'] },
    { key: 'headName', header: '户主姓名', aliases: ['户主'] },
    { key: 'headIdNumber', header: '户主身份证号', aliases: ['户主公民身份号码', '户主身份证号码', '户主证件号码'] },
    { key: 'relation', header: '与户主关系', aliases: ['与户主的关系', '家庭关系'] },
    { key: 'divisionCode', header: '区划代码', aliases: ['行政区划代码', '所在地区划代码'] },
  ],
  disability: [
    NAME,
    idColumn('公民身份号码'),
    { key: 'disabilityCertNo', header: '残疾证号', aliases: ['残疾人证号', '残疾证号码', '残疾人证号码'] },
    { key: 'disabilityCategory', header: '残疾类别', aliases: ['残疾类型'] },
    { key: 'disabilityGrade', header: '残疾等级', aliases: ['残疾级别'] },
  ],
};

const BRACKETED = /\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕|<[^>]*>/g;

/** The comparable form of a header: half-width, no spaces, no bracketed hints, no * or trailing colon. */
export function normalizeHeader(h: string): string {
  return toHalfWidth(h ?? '')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '')
    .replace(BRACKETED, '')
    .replace(/^\*+|\*+$|:+$/g, '')
    .toLowerCase();
}

const LOOKUPS = new Map<RegistryKind, Map<string, ColumnKey>>();
function lookupFor(kind: RegistryKind): Map<string, ColumnKey> {
  let m = LOOKUPS.get(kind);
  if (!m) {
    m = new Map();
    for (const spec of COLUMN_SPECS[kind]) {
      for (const h of [spec.header, ...spec.aliases]) m.set(normalizeHeader(h), spec.key);
    }
    LOOKUPS.set(kind, m);
  }
  return m;
}

/** The user's fix for headers the importer did not recognise: file header → column key, or null to ignore it. */
export type HeaderOverride = Readonly<Record<string, ColumnKey | null>>;

export type HeaderMapping = {
  /** By column index: the key the column feeds, or null (unknown or ignored). */
  columns: (ColumnKey | null)[];
  /** The file's non-empty headers that feed no key, as written. */
  unknown: string[];
  /** Canonical headers of the required columns that are missing (only non-empty with `allowMissing`). */
  missingRequired: string[];
  /** For each mapped key, the header as written in the file (for messages). */
  headerOf: Partial<Record<ColumnKey, string>>;
};

export type MapHeadersOptions = {
  override?: HeaderOverride;
  /** Return missing required columns in `missingRequired` instead of refusing (the web preview). */
  allowMissing?: boolean;
};

/** Canonical header of a key in a kind (e.g. 'idNumber' in 学籍 → 身份证件号). */
export function canonicalHeader(kind: RegistryKind, key: ColumnKey): string {
  return COLUMN_SPECS[kind].find((s) => s.key === key)?.header ?? key;
}

/**
 * Find each column's key by its header. Refuses (AppError VALIDATION naming the file) duplicated headers, two
 * columns for the same key, an override naming a key the kind does not have, and missing required columns
 * (姓名 always; 公民身份号码 in 户籍; 学校标识码 in 学籍 and the roster).
 */
export function mapHeaders(
  kind: RegistryKind,
  fileName: string,
  headers: readonly string[],
  options: MapHeadersOptions = {},
): HeaderMapping {
  const label = REGISTRY_LABELS[kind];
  const specs = COLUMN_SPECS[kind];
  const validKeys = new Set<ColumnKey>(specs.map((s) => s.key));
  const override = new Map<string, ColumnKey | null>();
  for (const [h, key] of Object.entries(options.override ?? {})) {
    if (key !== null && !validKeys.has(key)) {
      throw new AppError('VALIDATION', `「${fileName}」的列「${h}」被指定为${label}文件中不存在的字段「${key}」`, { header: h, key });
    }
    override.set(normalizeHeader(h), key);
  }

  const lookup = lookupFor(kind);
  const seen = new Map<string, string>();
  const columns: (ColumnKey | null)[] = [];
  const unknown: string[] = [];
  const headerOf: Partial<Record<ColumnKey, string>> = {};
  headers.forEach((raw, i) => {
    const written = (raw ?? '').trim();
    const norm = normalizeHeader(written);
    columns[i] = null;
    if (norm === '') return;
    const earlier = seen.get(norm);
    if (earlier !== undefined) {
      throw new AppError('VALIDATION', `「${fileName}」的表头「${written}」重复（与「${earlier}」相同），请删除或改名后再导入`, {
        duplicate: written,
      });
    }
    seen.set(norm, written);
    const key = override.has(norm) ? override.get(norm) : lookup.get(norm);
    if (!key) {
      if (!override.has(norm)) unknown.push(written);
      return;
    }
    const other = headerOf[key];
    if (other !== undefined) {
      throw new AppError(
        'VALIDATION',
        `「${fileName}」中「${other}」和「${written}」两列都表示“${canonicalHeader(kind, key)}”，请只保留一列`,
        { duplicate: written, key },
      );
    }
    headerOf[key] = written;
    columns[i] = key;
  });

  const missingRequired = specs.filter((s) => s.requiredColumn && headerOf[s.key] === undefined).map((s) => s.header);
  const mapping: HeaderMapping = { columns, unknown, missingRequired, headerOf };
  if (missingRequired.length > 0 && !options.allowMissing) {
    const found = headers.filter((h) => (h ?? '').trim() !== '').map((h) => `「${h.trim()}」`);
    throw new AppError(
      'VALIDATION',
      `「${fileName}」缺少${label}文件必需的列：${missingRequired.map((h) => `「${h}」`).join('、')}` +
        `（文件中的列：${found.length > 0 ? found.slice(0, 20).join('') : '无'}）`,
      mapping,
    );
  }
  return mapping;
}

/** The cells of one row by key; a mapped column the row is too short for gives ''. Unmapped keys are absent. */
export type RowCells = Partial<Record<ColumnKey, string>>;

export function cellsByKey(mapping: HeaderMapping, cells: readonly string[]): RowCells {
  const out: RowCells = {};
  const cols = mapping.columns;
  for (let i = 0; i < cols.length; i++) {
    const key = cols[i];
    if (key !== null) out[key] = cells[i] ?? '';
  }
  return out;
}
