import { makeIdNumber } from '@notoneless/shared/rules/id-number';
import { describe, expect, it } from 'vitest';
import { csvText, gb18030, utf8, xlsxBuffer } from '../__fixtures__/make-files';
import { cellsByKey, mapHeaders, type HeaderOverride, type RegistryKind } from '../formats/columns';
import { DuplicateTracker } from '../formats/duplicates';
import type { ImportProblem } from '../formats/problems';
import { normalizeRow, type RegistryRecord } from '../formats/records';
import { openTableStream, type TableInput } from './table-stream';

const ID = makeIdNumber('520102', '2014-03-05', 123);
const ID2 = makeIdNumber('520102', '2015-07-01', 222);
const BAD = ID2.slice(0, 17) + (ID2[17] === '1' ? '2' : '1');
const SCHOOL = '5201023456';
const asOf = '2025-03-01';

/** The reading pipeline as the importer composes it: table → headers → records → duplicate IDs. */
async function readRegistry<K extends RegistryKind>(kind: K, input: TableInput, fileName: string, override?: HeaderOverride) {
  const table = await openTableStream(input, fileName);
  try {
    const mapping = mapHeaders(kind, fileName, table.headers, { override });
    const tracker = new DuplicateTracker(fileName, mapping.headerOf.idNumber ?? '身份证件号');
    const records: RegistryRecord<K>[] = [];
    const problems: ImportProblem[] = [];
    for await (const { row, cells } of table.rows) {
      const out = normalizeRow(kind, { fileName, asOf, headerOf: mapping.headerOf }, row, cellsByKey(mapping, cells));
      problems.push(...out.problems);
      if (out.record) {
        records.push(out.record);
        problems.push(...tracker.add(out.record));
      }
    }
    return { records, problems: problems.map((p) => `${p.file}|${p.row}|${p.column}|${p.severity}|${p.message}`), mapping };
  } finally {
    await table.close();
  }
}

const XUEJI = [
  ['学籍号', '姓名', '身份证号（必填）', '出生日期', '学校标识码', '年级', '学籍状态', '备注'],
  ['G1', '张三', ID, '', SCHOOL, '三年级', '在读', ''],
  ['G2', '李四', BAD, '2015-02-30', SCHOOL, '2', '在读', ''],
  ['G3', '', ID2, '', SCHOOL, '2', '在读', '没有姓名'],
  ['G4', '王五', '', '2030-01-01', '', '2', '在读', '没有学校'],
  ['G5', '张三', ID.toLowerCase(), '2014年3月5日', SCHOOL, '3', '转出', '同一个孩子的第二条学籍'],
];

const EXPECTED = [
  '学籍.csv|2|身份证号（必填）|warning|身份证号校验位错误，请核对',
  '学籍.csv|2|出生日期|warning|出生日期“2015-02-30”不存在（如2月30日），请核对',
  '学籍.csv|3|姓名|rejected|姓名为空，无法确定是哪个孩子，该行未导入',
  '学籍.csv|4|学校标识码|rejected|学校标识码为空，无法确定学校，该行未导入',
  '学籍.csv|1|身份证号（必填）|warning|身份证号与第 5 行重复',
  '学籍.csv|5|身份证号（必填）|warning|身份证号与第 1 行重复',
];

describe('a 学籍 file end to end: rows are data, not errors', () => {
  it.each([
    ['UTF-8 CSV', () => utf8(csvText(XUEJI), true)],
    ['GB18030 CSV', () => gb18030(csvText(XUEJI))],
    ['XLSX (told by content, whatever the name)', () => xlsxBuffer(XUEJI)],
  ])('%s', async (_, bytes) => {
    const { records, problems, mapping } = await readRegistry('xueji', { buffer: await bytes() }, '学籍.csv');
    expect(mapping.unknown).toEqual(['备注']);
    expect(problems).toEqual(EXPECTED);
    expect(records.map((r) => [r.row, r.name, r.idValid, r.birthDate, r.grade, r.status])).toEqual([
      [1, '张三', true, '2014-03-05', 3, '在读'],
      [2, '李四', false, null, 2, '在读'],
      [5, '张三', true, '2014-03-05', 3, '转出'],
    ]);
  });

  it('a future birth date is kept with a warning', async () => {
    const rows = [
      ['姓名', '公民身份号码', '出生日期'],
      ['王五', '', '2030-01-01'],
    ];
    const { records, problems } = await readRegistry('hukou', { buffer: utf8(csvText(rows)) }, '户籍.csv');
    expect(records[0]).toMatchObject({ birthDate: '2030-01-01' });
    expect(problems).toEqual([
      '户籍.csv|1|公民身份号码|warning|身份证号为空',
      '户籍.csv|1|出生日期|warning|出生日期 2030-01-01 晚于基准日期 2025-03-01，请核对',
    ]);
  });

  it.each([
    [
      'no 姓名 column',
      [
        ['名字', '公民身份号码'],
        ['张三', ID],
      ],
      '「户籍.csv」缺少户籍文件必需的列：「姓名」',
    ],
    [
      'duplicated headers',
      [
        ['姓名', '公民身份号码', '姓名'],
        ['张三', ID, '张三'],
      ],
      '「户籍.csv」的表头「姓名」重复',
    ],
  ])('refuses a file with %s, before any row', async (_, rows, message) => {
    await expect(readRegistry('hukou', { buffer: utf8(csvText(rows)) }, '户籍.csv')).rejects.toThrow(message);
  });

  it('accepts the user override for an unrecognised header', async () => {
    const rows = [
      ['名字', '公民身份号码'],
      ['张三', ID],
    ];
    const { records } = await readRegistry('hukou', { buffer: utf8(csvText(rows)) }, '户籍.csv', { 名字: 'name' });
    expect(records.map((r) => r.name)).toEqual(['张三']);
  });
});
