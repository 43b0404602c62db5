import { describe, expect, it, afterAll } from 'vitest';
import { csvText, gb18030, makeTmpDir, utf8 } from '../__fixtures__/make-files';
import { readAll, refusalOf } from './test-helpers';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());

const TABLE = [
  ['姓名', '性别', '备注'],
  ['张三', '男', '住"东村", 3组'],
  ['李四', '女', '第一行\n第二行'],
];

describe('CSV encodings (detected, not asked)', () => {
  it.each([
    ['UTF-8 without BOM', utf8(csvText(TABLE)), 'utf-8'],
    ['UTF-8 with BOM', utf8(csvText(TABLE), true), 'utf-8'],
    ['GB18030', gb18030(csvText(TABLE)), 'gb18030'],
    ['LF line ends', utf8(csvText(TABLE, '\n')), 'utf-8'],
  ])('%s', async (_, bytes, encoding) => {
    const t = await readAll({ buffer: bytes }, '学籍.csv');
    expect(t.format).toBe('csv');
    expect(t.encoding).toBe(encoding);
    expect(t.headers).toEqual(['姓名', '性别', '备注']);
    expect(t.rows).toEqual([
      { row: 1, cells: ['张三', '男', '住"东村", 3组'] },
      { row: 2, cells: ['李四', '女', '第一行\n第二行'] },
    ]);
  });

  it('a GB18030 file with 张三,男 reads as 张三 (never as garbled UTF-8), from a path too', async () => {
    const bytes = gb18030('姓名,性别\r\n张三,男\r\n');
    expect(bytes.includes(Buffer.from('张三', 'utf8'))).toBe(false);
    const t = await readAll({ path: tmp.file('gb.csv', bytes) }, 'gb.csv');
    expect(t.encoding).toBe('gb18030');
    expect(t.rows).toEqual([{ row: 1, cells: ['张三', '男'] }]);
    expect(t.bytesRead).toBe(bytes.length);
  });

  it('GB18030 four-byte characters survive chunk boundaries', async () => {
    const name = '𠀀㐀张'; // outside GBK: four-byte GB18030 sequences
    const rows = [['姓名', '序号'], ...Array.from({ length: 30_000 }, (_, i) => [name, String(i)])];
    const t = await readAll({ path: tmp.file('gb4.csv', gb18030(csvText(rows))) }, 'gb4.csv');
    expect(t.rows).toHaveLength(30_000);
    expect(t.rows.every((r) => r.cells[0] === name)).toBe(true);
  });

  it('refuses a file that turns from UTF-8 into GB18030 after the sniffed part', async () => {
    const head = `姓名,序号\r\n${'张三,1\r\n'.repeat(10_000)}`;
    const bytes = Buffer.concat([utf8(head), gb18030('李四,2\r\n')]);
    const e = await refusalOf({ buffer: bytes }, '混合.csv');
    expect(e.message).toMatch(/编码前后不一致.*文件第 10002 行附近/);
  });
});

describe('CSV rows', () => {
  it('skips blank rows but counts them, so row numbers match Excel', async () => {
    const text = '\r\n姓名,性别\r\n张三,男\r\n\r\n ,\r\n李四,女\r\n';
    const t = await readAll({ buffer: utf8(text) }, 'x.csv');
    expect(t.headerRow).toBe(2);
    expect(t.rows.map((r) => [r.row, r.cells[0]])).toEqual([
      [1, '张三'],
      [4, '李四'],
    ]);
  });

  it('skips title rows above the header (exported reports)', async () => {
    const text = 'XX县2024年学籍名册\r\n导出日期：2024-09-01,,\r\n姓名,性别\r\n张三,男\r\n';
    const t = await readAll({ buffer: utf8(text) }, 'x.csv');
    expect(t.headers).toEqual(['姓名', '性别']);
    expect(t.headerRow).toBe(3);
    expect(t.rows).toEqual([{ row: 1, cells: ['张三', '男'] }]);
  });

  it('keeps short and long rows as they are', async () => {
    const t = await readAll({ buffer: utf8('姓名,性别\r\n张三\r\n李四,女,多余\r\n') }, 'x.csv');
    expect(t.rows.map((r) => r.cells)).toEqual([['张三'], ['李四', '女', '多余']]);
  });
});

describe('CSV refused whole, naming the file', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), '「空.csv」是空文件，没有表头和数据'],
    ['blank lines only', utf8('\r\n \r\n,,\r\n', true), '「空.csv」是空文件，没有表头和数据'],
    ['a header only', utf8('姓名,性别\r\n'), '「空.csv」只有表头，没有数据行'],
    ['a header and blank rows', utf8('姓名,性别\r\n,\r\n\r\n'), '「空.csv」只有表头，没有数据行'],
  ])('%s', async (_, bytes, message) => {
    expect((await refusalOf({ buffer: bytes }, '空.csv')).message).toBe(message);
  });

  it('an unclosed quote', async () => {
    const e = await refusalOf({ buffer: utf8('姓名,性别\r\n"张三,男\r\n') }, '坏.csv');
    expect(e.message).toMatch(/^「坏\.csv」不是有效的 CSV 文件：.*未闭合的引号/);
  });

  it('1,000,000 columns in one row fails fast at the column limit', async () => {
    const bytes = utf8(`姓名,性别\r\n张三${',a'.repeat(1_000_000)}\r\n`);
    const before = process.memoryUsage().heapUsed;
    const started = Date.now();
    const e = await refusalOf({ buffer: bytes }, '宽.csv');
    expect(e.message).toBe('「宽.csv」文件第 2 行的列数超过 500 列的上限，无法导入');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('a 200 MB cell fails fast at the cell limit, reading only the start of the file', async () => {
    const path = tmp.file('大.csv', '');
    const { openSync, writeSync, closeSync } = await import('node:fs');
    const fd = openSync(path, 'w');
    writeSync(fd, '姓名,备注\r\n张三,"');
    const block = Buffer.alloc(8 * 1024 * 1024, 'a');
    for (let i = 0; i < 24; i++) writeSync(fd, block); // 192 MB in one quoted cell
    writeSync(fd, '"\r\n');
    closeSync(fd);
    const started = Date.now();
    const e = await refusalOf({ path }, '大.csv');
    expect(e.message).toBe('「大.csv」文件第 2 行第 2 列的内容超过 10000 个字符的上限，无法导入');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.each([
    ['file size', { maxFileBytes: 1000 }, /^「限\.csv」有 \d+ KB，超过 1 KB 的上限/],
    ['rows', { maxRows: 2 }, /^「限\.csv」的数据超过 2 行的上限/],
    ['columns', { maxColumns: 2 }, /^「限\.csv」文件第 1 行的列数超过 2 列的上限/],
    ['cell length', { maxCellChars: 2 }, /^「限\.csv」文件第 2 行第 1 列的内容超过 2 个字符的上限/],
  ])('the %s limit', async (_, limits, message) => {
    const text =
      csvText([
        ['姓名', '性别', '年级'],
        ['张三丰', '男', '1'],
        ['李四', '女', '2'],
        ['王五', '男', '3'],
      ]) + 'x'.repeat(1000);
    expect((await refusalOf({ buffer: utf8(text) }, '限.csv', limits)).message).toMatch(message);
  });
});
