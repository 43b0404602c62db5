/**
 * The fast CSV path gives exactly what the importer gives (openTableStream + mapHeaders + normalizeRow +
 * DuplicateTracker): the same normalised values, row numbers, rejected rows and problems, word for word.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { generateRegistries, memorySink, type RegistryFileKind } from '@notoneless/synth/registries/index';
import type { RegistryKind } from '../../imports/formats/columns';
import { AppError } from '../../../http/app-error';
import { readCsvBuffer } from './fast-reader';
import { readWithImporter } from './read-reference';
import type { ReadResult } from './report';
import { idText, pooled, studentNoText, type RecordTable } from './table';
import { makeIdNumber } from '@notoneless/shared/rules/id-number';

const AS_OF = '2026-10-15';
const COLUMNS = [
  'row',
  'name',
  'gender',
  'birth',
  'idState',
  'idKey',
  'idType',
  'grade',
  'status',
  'homeTaught',
  'migrant',
  'household',
] as const;
const POOLED = ['school', 'schoolName', 'className', 'division', 'householdType'] as const;

/** A table as plain rows, pooled columns as their text. */
function rowsOf(t: RecordTable): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < t.size; i++) {
    const r: Record<string, unknown> = {};
    for (const c of COLUMNS) {
      const col = t[c] as ArrayLike<unknown>;
      r[c] = col.length > 0 ? col[i] : undefined;
    }
    for (const c of POOLED) r[c] = pooled(t, t[c], i);
    r.id = idText(t, i);
    r.studentNo = studentNoText(t, i);
    out.push(r);
  }
  return out;
}

async function both(kind: RegistryKind, bytes: Buffer, fileName = `${kind}.csv`): Promise<{ fast: ReadResult; ref: ReadResult }> {
  const fast = readCsvBuffer(iconvIfNeeded(bytes), { kind, fileName, asOf: AS_OF });
  const ref = await readWithImporter({ buffer: bytes }, kind, fileName, AS_OF);
  return { fast, ref };
}

/** The fast reader takes UTF-8 (read-file.ts decodes GB18030 before it); the importer sniffs. */
const iconvIfNeeded = (b: Buffer) => (isUtf8(b) ? b : Buffer.from(iconv.decode(b, 'gb18030'), 'utf8'));
const isUtf8 = (b: Buffer) => Buffer.from(b.toString('utf8'), 'utf8').equals(b);

function expectSame({ fast, ref }: { fast: ReadResult; ref: ReadResult }): void {
  expect(rowsOf(fast.table)).toEqual(rowsOf(ref.table));
  expect(fast.report).toEqual(ref.report);
}

const XUEJI_HEADER =
  '学籍号,姓名,性别,出生日期,身份证件号,学校标识码,学校名称,年级,班级,学籍状态,身份证件类型,就读方式,户籍地区划代码,随迁子女,留守儿童,残疾';

/** Valid ID numbers (the same person's birth date, 2014-03-05); `x` gives one whose check character is X. */
const id = (seq: number) => makeIdNumber('410182', '2014-03-05', seq);
const ids = Array.from({ length: 200 }, (_, i) => id(i));
const withX = ids.find((v) => v.endsWith('X')) ?? '';
const fullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Rows that take every branch: clean, full-width, spaced, lower-case x, bad check digit, 15 digits, other documents… */
const TRICKY_XUEJI = [
  `G${ids[1]},张三,男,2014-03-05,${ids[1]},1410182001,一小,3,2班,在读,1,,410182100201,否,否,否`,
  `G${withX},李 四,${Number(withX[16]) % 2 ? '男' : '女'},2014/3/5,${withX.replace('X', 'x')},1410182001,一小,三年级,(2)班,在读,居民身份证,,410182100201,是,否,否`,
  `,王五,女,20140305,${fullWidth(ids[4])},1410182001,一小,初一,2班,休学,,,,,,`,
  `L410182000000000001,赵六,,2014年3月5日, ${ids[5]} ,1410182001,一小,7,2班,在校,,送教上门,410182,,,残疾`,
  `G${ids[6]},钱七,女,2014.03.05,${ids[6]},1410182001,一小,九年级,2班,毕业,1,,,否,留守,否`,
  `G${ids[1]},孙八,男,41703,${ids[1]},1410182001,一小,3,2班,转出,1,,,,,`,
  `,周九,男,2014-02-30,410182201403051,1410182001,一小,12,2班,辍学,A,,,x,,`,
  ',吴十,男,2030-01-01,E12345678,1410182001,一小,3,2班,死亡,护照,,12345,,,',
  `,,男,2014-03-05,${ids[7]},1410182001,一小,3,2班,在读,1,,,,,`,
  `,郑十一,男,2014-03-05,${ids[9]},,一小,3,2班,在读,1,,,,,`,
  `,"王,二",男,2014-03-05,${ids[11]},1410182001,"一小""东校""",3,2班,,9,,,,,`,
  `,欧阳·娜娜,女,2014-03-05,${ids[12]},１４１０１８２００１,一小,3,2班,在读,Z,,,,,`,
  `,冯十二,,,${ids[13]},1410182001,一小,,,在读,,,,,,`,
  `,陈十三,女,2014-03-06,${ids[14]},1410182001,一小,3,2班,在读,1,,,,,`,
  `,褚十四,男,2014-03-05,${ids[16].slice(0, 17)}${ids[16][17] === '0' ? '1' : '0'},1410182001,一小,3,2班,在读,,,,,,`,
  `,卫十五,女,2014-03-05,${ids[17]},1410182001,一小,3,2班,在读,,,,,,`,
];

describe('fast reader = importer, row by row', () => {
  it('on tricky 学籍 rows (IDs, names, dates, grades, statuses, flags, quotes, rejected rows)', async () => {
    const csv = `\uFEFF${XUEJI_HEADER}\r\n${TRICKY_XUEJI.join('\r\n')}\r\n`;
    const r = await both('xueji', Buffer.from(csv, 'utf8'));
    expectSame(r);
    expect(r.fast.report.rejected).toBe(2);
    expect(r.fast.report.problems.length).toBeGreaterThan(10);
    expect(r.fast.table.name).toContain('王,二');
  });

  it('on a header found under title rows, blank lines, LF endings and no BOM', async () => {
    const csv = [
      '2026年秋季学期在校名册',
      '',
      '学校标识码,年级,班级,姓名,身份证件号,学籍号',
      '1410182001,3,2班,张三,,',
      '',
      '1410182001,三年级,2班,李四,410182201403050011,',
    ].join('\n');
    const r = await both('roster', Buffer.from(csv, 'utf8'));
    expectSame(r);
    expect(Array.from(r.fast.table.row)).toEqual([1, 3]);
  });

  it('on GB18030 text as Chinese Excel saves it', async () => {
    const csv = `${XUEJI_HEADER}\r\n${TRICKY_XUEJI.slice(0, 6).join('\r\n')}\r\n`;
    const bytes = iconv.encode(csv, 'gb18030');
    expectSame(await both('xueji', bytes));
  });

  it('refuses the file as the importer does: missing required column, header only, unclosed quote', async () => {
    await expect(async () =>
      readCsvBuffer(Buffer.from('姓名,性别\n张三,男\n'), { kind: 'hukou', fileName: '户籍.csv', asOf: AS_OF }),
    ).rejects.toThrow(/「户籍.csv」缺少户籍文件必需的列：「公民身份号码」/);
    expect(() => readCsvBuffer(Buffer.from('姓名,公民身份号码\n'), { kind: 'hukou', fileName: 'h.csv', asOf: AS_OF })).toThrow(/只有表头/);
    expect(() => readCsvBuffer(Buffer.from('姓名,公民身份号码\n"张三,1\n'), { kind: 'hukou', fileName: 'h.csv', asOf: AS_OF })).toThrow(
      AppError,
    );
  });
});

describe('fast reader = importer, whole generated files', () => {
  const kinds: RegistryFileKind[] = ['hukou', 'xueji', 'roster', 'poverty', 'disability'];
  for (const variant of [
    { name: 'canonical headers, CRLF, BOM', opts: {} },
    { name: 'alias headers, LF, no BOM, blank lines', opts: { aliasHeaders: true, eol: '\n' as const, bom: false, blankLineEvery: 97 } },
  ]) {
    it(
      variant.name,
      async () => {
        const sinks = { hukou: memorySink(), xueji: memorySink(), roster: memorySink(), poverty: memorySink(), disability: memorySink() };
        generateRegistries({ children: 1500, seed: 9, asOf: AS_OF, ...variant.opts }, sinks);
        for (const kind of kinds) expectSame(await both(kind, sinks[kind].buffer()));
      },
      30_000,
    );
  }
});
