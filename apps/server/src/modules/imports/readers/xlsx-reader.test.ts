import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  docxBuffer,
  makeTmpDir,
  makeZip,
  pdfBuffer,
  sheetXml,
  workbookParts,
  xlsxBuffer,
  xlsxStreamFile,
} from '../__fixtures__/make-files';
import { readAll, refusalOf } from './test-helpers';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());

describe('XLSX: first sheet, streamed', () => {
  it('reads text, numbers, Excel date cells, formulas and rich text as strings', async () => {
    const buf = await xlsxBuffer([
      ['姓名', '出生日期', '学校标识码', '年级', '备注', '是否残疾'],
      ['张三', new Date(Date.UTC(2014, 2, 5)), 5201023456, 3, { richText: [{ text: '东' }, { text: '村' }] }, true],
      ['李四', 41703, '5201023456', { formula: '1+1', result: 2 }, 0.1 + 0.2, false],
    ]);
    const t = await readAll({ buffer: buf }, '学籍.xlsx');
    expect(t.format).toBe('xlsx');
    expect(t.encoding).toBe('xlsx');
    expect(t.headers).toEqual(['姓名', '出生日期', '学校标识码', '年级', '备注', '是否残疾']);
    expect(t.rows).toEqual([
      { row: 1, cells: ['张三', '2014-03-05', '5201023456', '3', '东村', 'TRUE'] },
      { row: 2, cells: ['李四', '41703', '5201023456', '2', '0.3', 'FALSE'] },
    ]);
  });

  it('a Chinese date format (yyyy"年"m"月"d"日") is still a date cell', async () => {
    const buf = await xlsxBuffer(
      [
        ['姓名', '出生日期'],
        ['张三', new Date(Date.UTC(2013, 10, 20))],
      ],
      'yyyy"年"m"月"d"日"',
    );
    expect((await readAll({ buffer: buf }, 'x.xlsx')).rows[0].cells).toEqual(['张三', '2013-11-20']);
  });

  it('reads the first visible tab, whatever the part order', async () => {
    const buf = await xlsxBuffer([
      { name: '说明', rows: [['这是说明', '请勿修改']], state: 'hidden' },
      {
        name: '学籍',
        rows: [
          ['姓名', '性别'],
          ['张三', '男'],
        ],
      },
      {
        name: '其他',
        rows: [
          ['x', 'y'],
          ['1', '2'],
        ],
      },
    ]);
    const t = await readAll({ buffer: buf }, '学籍.xlsx');
    expect(t.headers).toEqual(['姓名', '性别']);
    expect(t.rows).toEqual([{ row: 1, cells: ['张三', '男'] }]);
  });

  it('keeps row numbers of the sheet: blank rows skipped and counted, title rows above the header skipped', async () => {
    const buf = await xlsxBuffer([['XX县学籍名册'], [], ['姓名', '性别'], ['张三', '男'], [], ['李四', '女']]);
    const t = await readAll({ buffer: buf }, 'x.xlsx');
    expect(t.headerRow).toBe(3);
    expect(t.rows.map((r) => r.row)).toEqual([1, 3]);
  });

  it('Chinese text never turns into U+FFFD at 16 KB chunk boundaries (exceljs#2063), shared or inline strings', async () => {
    const names = (i: number) => `张三丰李四王五赵六${i}`;
    const rows = [['姓名', '序号'], ...Array.from({ length: 20_000 }, (_, i) => [names(i), String(i)])];
    for (const shared of [true, false]) {
      const path = tmp.dir + `/garble-${shared}.xlsx`;
      await xlsxStreamFile(path, rows, shared);
      const t = await readAll({ path }, 'x.xlsx');
      expect(t.rows).toHaveLength(20_000);
      const bad = t.rows.filter((r, i) => r.cells[0] !== names(i));
      expect(bad).toEqual([]);
    }
    const t = await readAll({ buffer: await xlsxBuffer(rows) }, 'x.xlsx');
    expect(t.rows.filter((r, i) => r.cells[0] !== names(i))).toEqual([]);
    expect(t.bytesRead).toBe(t.totalBytes);
  });

  it('a hand-made workbook (inline strings, no styles) reads too', async () => {
    const zip = makeZip(
      workbookParts(
        sheetXml([
          ['姓名', '性别'],
          ['张三', '男'],
        ]),
      ),
    );
    expect((await readAll({ buffer: zip }, 'x.xlsx')).rows).toEqual([{ row: 1, cells: ['张三', '男'] }]);
  });
});

describe('XLSX refused whole, naming the file', () => {
  it.each([
    ['a Word document renamed .xlsx', () => docxBuffer(), '「学籍.xlsx」不是有效的 Excel 文件（是改了扩展名的 Word 文档）'],
    ['a PDF renamed .xlsx', () => pdfBuffer(), '「学籍.xlsx」不是有效的 Excel 文件（是改了扩展名的 PDF 文件），请上传 .xlsx 或 .csv 表格'],
    [
      'plain text renamed .xlsx',
      () => Buffer.from('姓名,性别\n张三,男\n'),
      '「学籍.xlsx」不是有效的 Excel 文件（可能是改了扩展名的 Word 或 PDF 文件）',
    ],
    [
      'another zip',
      () => makeZip([{ name: 'a.txt', data: 'hello' }]),
      '「学籍.xlsx」不是有效的 Excel 文件（可能是改了扩展名的 Word 或 PDF 文件，或其他压缩包）',
    ],
    [
      'an old .xls / Word .doc (OLE)',
      () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]),
      '「学籍.xlsx」不是有效的 Excel 文件（是旧版 .xls、设置了打开密码的 Excel 或 Word 文档），请在 Excel 中“另存为” .xlsx 或“CSV UTF-8”后再导入',
    ],
  ])('%s', async (_, bytes, message) => {
    expect((await refusalOf({ buffer: bytes() }, '学籍.xlsx')).message).toBe(message);
  });

  it('a Word document is refused whatever its name', async () => {
    expect((await refusalOf({ buffer: docxBuffer() }, '学籍.csv')).message).toContain('是改了扩展名的 Word 文档');
  });

  it('a truncated workbook', async () => {
    const buf = await xlsxBuffer([
      ['姓名', '性别'],
      ['张三', '男'],
    ]);
    const e = await refusalOf({ buffer: buf.subarray(0, Math.floor(buf.length / 2)) }, '坏.xlsx');
    expect(e.message).toMatch(/^「坏\.xlsx」不是有效的 Excel 文件（文件已损坏/);
  });

  it('an empty sheet and a header-only sheet', async () => {
    expect((await refusalOf({ buffer: await xlsxBuffer([]) }, '空.xlsx')).message).toBe('「空.xlsx」是空文件，没有表头和数据');
    expect((await refusalOf({ buffer: await xlsxBuffer([['姓名', '性别']]) }, '空.xlsx')).message).toBe('「空.xlsx」只有表头，没有数据行');
  });

  it('a zip bomb: a small sheet that declares a huge uncompressed size (high ratio)', async () => {
    const huge = Buffer.alloc(300 * 1024 * 1024, 0x20); // 300 MB of spaces deflate to ~300 KB
    const zip = makeZip(workbookParts(deflateRawSync(huge), [], { deflated: true, declaredSize: huge.length }));
    expect(zip.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    const e = await refusalOf({ buffer: zip }, '炸弹.xlsx');
    expect(e.message).toBe('「炸弹.xlsx」中的 xl/worksheets/sheet1.xml 压缩比超过 100 倍，疑似“压缩炸弹”，已拒绝导入');
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('a zip bomb that lies about its size is caught while inflating', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const zip = makeZip(workbookParts(big, [], { declaredSize: 500_000 }));
    const e = await refusalOf({ buffer: zip }, '炸弹.xlsx');
    expect(e.message).toBe('「炸弹.xlsx」中的 xl/worksheets/sheet1.xml 解压后比声明的大小更大，疑似“压缩炸弹”，已拒绝导入');
  });

  it('the total uncompressed limit', async () => {
    const buf = await xlsxBuffer([
      ['姓名', '性别'],
      ['张三', '男'],
    ]);
    const e = await refusalOf({ buffer: buf }, '大.xlsx', { maxUncompressedBytes: 1024 });
    expect(e.message).toMatch(/^「大\.xlsx」解压后有 \d+ KB，超过 1 KB 的上限，疑似“压缩炸弹”，已拒绝导入$/);
  });

  it('a 200 MB cell fails fast at the cell limit', async () => {
    const cell = Buffer.alloc(200 * 1024 * 1024, 'a');
    const xml = Buffer.concat([
      Buffer.from(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>',
      ),
      cell,
      Buffer.from('</t></is></c></row></sheetData></worksheet>'),
    ]);
    const zip = makeZip(workbookParts(xml));
    const started = Date.now();
    const e = await refusalOf({ buffer: zip }, '大.xlsx', { maxCompressionRatio: 10_000, maxUncompressedBytes: 2 ** 31 });
    expect(e.message).toBe('「大.xlsx」中有单元格的内容超过 10000 个字符的上限，无法导入');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('cell length and column limits on the rows read', async () => {
    const buf = await xlsxBuffer([
      ['姓名', '备注'],
      ['张三', 'x'.repeat(11)],
    ]);
    expect((await refusalOf({ buffer: buf }, 'x.xlsx', { maxCellChars: 10 })).message).toBe(
      '「x.xlsx」文件第 2 行第 2 列的内容超过 10 个字符的上限，无法导入',
    );
    const wide = await xlsxBuffer([
      ['姓名', '备注'],
      ['张三', ...Array.from({ length: 600 }, (_, i) => `v${i}`)],
    ]);
    expect((await refusalOf({ buffer: wide }, 'x.xlsx')).message).toBe('「x.xlsx」文件第 2 行的列数超过 500 列的上限，无法导入');
  });

  it("a cell beyond Excel's last column (a million columns) is refused before anything is allocated for it", async () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>性别</t></is></c></row>' +
      '<row r="2"><c r="BDWGN2" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>';
    const started = Date.now();
    const e = await refusalOf({ buffer: makeZip(workbookParts(xml)) }, '宽.xlsx');
    expect(e.message).toBe('「宽.xlsx」不是有效的 Excel 文件（有单元格超出了 Excel 的最大列 XFD）');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
