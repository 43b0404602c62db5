import { afterAll, describe, expect, it } from 'vitest';
import { csvText, makeTmpDir, makeZip, utf8, xlsxBuffer, xlsxStreamFile } from '../__fixtures__/make-files';
import { DEFAULT_READ_LIMITS, formatBytes } from './limits';
import { completeUtf8Length, sniff } from './sniff';
import { openTableStream } from './table-stream';
import { refusalOf } from './test-helpers';

const tmp = makeTmpDir();
afterAll(() => tmp.cleanup());

const ROWS = [['姓名', '序号'], ...Array.from({ length: 5000 }, (_, i) => [`张三${i}`, String(i)])];

describe('openTableStream', () => {
  it('has the limits of issue 3 by default', () => {
    expect(DEFAULT_READ_LIMITS).toEqual({
      maxFileBytes: 200 * 1024 * 1024,
      maxRows: 2_000_000,
      maxColumns: 500,
      maxCellChars: 10_000,
      maxUncompressedBytes: 1024 * 1024 * 1024,
      maxCompressionRatio: 100,
    });
    expect([formatBytes(200 * 1024 * 1024), formatBytes(1024 ** 3), formatBytes(1500)]).toEqual(['200 MB', '1 GB', '2 KB']);
  });

  it.each([
    ['CSV', async () => ({ path: tmp.file('early.csv', utf8(csvText(ROWS))) })],
    [
      'XLSX (shared strings after the sheet)',
      async () => {
        const path = `${tmp.dir}/early.xlsx`;
        await xlsxStreamFile(path, ROWS, true);
        return { path };
      },
    ],
    ['XLSX buffer', async () => ({ buffer: await xlsxBuffer(ROWS) })],
  ])('%s: can stop after a few rows (preview) and release the file', async (_, input) => {
    const t = await openTableStream(await input(), 'early');
    const seen: number[] = [];
    for await (const r of t.rows) {
      seen.push(r.row);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([1, 2, 3]);
    await t.close();
    const again = await openTableStream(await input(), 'early');
    await again.close(); // closing without reading any row
    expect(again.headers).toEqual(['姓名', '序号']);
  });

  it('reports progress in bytes', async () => {
    const bytes = utf8(csvText(ROWS));
    const t = await openTableStream({ buffer: bytes }, 'p.csv');
    expect(t.totalBytes).toBe(bytes.length);
    let n = 0;
    for await (const _ of t.rows) n++;
    expect(n).toBe(5000);
    expect(t.bytesRead()).toBe(bytes.length);
  });

  it('tells formats by content: a CSV named .txt, an XLSX named .csv', async () => {
    const a = await openTableStream({ buffer: utf8('姓名,性别\n张三,男\n') }, 'a.txt');
    const b = await openTableStream(
      {
        buffer: await xlsxBuffer([
          ['姓名', '性别'],
          ['张三', '男'],
        ]),
      },
      'b.csv',
    );
    expect([a.format, b.format]).toEqual(['csv', 'xlsx']);
    await a.close();
    await b.close();
  });

  it.each([
    ['UTF-16 text', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t性别\r\n', 'utf16le')]), '是 UTF-16 编码的文本'],
    ['a binary file', Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0, 1, 2]), '不是 CSV 文本或 Excel 文件'],
    ['an empty zip', makeZip([]), '不是有效的 Excel 文件（是一个空的压缩包）'],
  ])('refuses %s', async (_, bytes, message) => {
    expect((await refusalOf({ buffer: bytes }, '文件.csv')).message).toContain(message);
  });
});

describe('sniffing', () => {
  it.each([
    [Buffer.from('张三', 'utf8'), 6],
    [Buffer.from('张三', 'utf8').subarray(0, 5), 3],
    [Buffer.from('张三', 'utf8').subarray(0, 4), 3],
    [Buffer.from('ab', 'utf8'), 2],
    [Buffer.from('😀', 'utf8').subarray(0, 3), 0],
  ])('completeUtf8Length(%j) = %i', (buf, n) => expect(completeUtf8Length(buf)).toBe(n));

  it('decides on the first 64 KB, tolerating a character cut at its end', () => {
    const head = Buffer.from('姓名,性别\n' + '张三,男\n'.repeat(8000), 'utf8').subarray(0, 64 * 1024);
    expect(sniff(head, 'x.csv', false)).toEqual({ format: 'csv', encoding: 'utf-8' });
    expect(sniff(Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), 'x.csv', true)).toEqual({ format: 'csv', encoding: 'gb18030' });
  });
});
