/**
 * The hand-written sheet reader on XML as Excel, WPS and other tools write it, including what ExcelJS read wrong
 * (xlsx-cells.ts lists the differences), and on every way a chunk boundary can cut the XML.
 */
import { describe, expect, it } from 'vitest';
import { makeZip, workbookParts, type ZipPart } from '../__fixtures__/make-files';
import type { RawRecord } from './csv-reader';
import { resolveLimits } from './limits';
import { openSource } from './source';
import { xlsxRecords } from './xlsx-reader';
import { SharedStringsScanner } from './xlsx-shared-strings';
import { SheetScanner } from './xlsx-sheet';
import { dateStyles, isDateFormat } from './xlsx-styles';
import { decodeEntities, decodeExcelEscapes } from './xlsx-xml';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheet = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;

const STYLES =
  `<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/>` +
  '<numFmt numFmtId="177" formatCode="&quot;第&quot;0&quot;号&quot;"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
  '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176"/><xf numFmtId="177"/>' +
  '<xf numFmtId="31"><alignment horizontal="center"/></xf><xf numFmtId="49"/></cellXfs></styleSheet>';

const SHARED =
  `<sst ${NS} count="6" uniqueCount="6">` +
  '<si><t>姓名</t></si>' +
  '<si><t xml:space="preserve">  前后空格  </t></si>' +
  '<si><r><rPr><b/></rPr><t>东</t></r><r><t xml:space="preserve">村 </t></r><rPh sb="0" eb="1"><t>ドン</t></rPh><phoneticPr fontId="1"/></si>' +
  '<si><t>第一行_x000D_\n第二行</t></si>' +
  '<si><t>_x005F_x000D_ 是原文，&amp;lt; 也是，&#x4E2D;&#25991;</t></si>' +
  '<si><t/></si>' +
  '</sst>';

function workbook(sheetXml: string, opts: { date1904?: boolean; shared?: string; styles?: string } = {}): Buffer {
  const extra: ZipPart[] = [];
  if (opts.shared !== undefined) extra.push({ name: 'xl/sharedStrings.xml', data: opts.shared });
  if (opts.styles !== undefined) extra.push({ name: 'xl/styles.xml', data: opts.styles });
  const parts = workbookParts(sheetXml, extra);
  if (opts.date1904) {
    parts[1] = {
      name: 'xl/workbook.xml',
      data: String(parts[1].data).replace('<sheets>', '<workbookPr date1904="1"/><sheets>'),
    };
  }
  return makeZip(parts);
}

async function records(zip: Buffer, limits = {}): Promise<RawRecord[]> {
  const src = await openSource({ buffer: zip });
  const out: RawRecord[] = [];
  for await (const r of xlsxRecords(src, { fileName: 'x.xlsx', limits: resolveLimits(limits) })) out.push(r);
  return out;
}

describe('XLSX sheet XML → records', () => {
  it('reads shared strings: rich text runs joined, phonetic runs left out, spaces kept, escapes decoded', async () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
        '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>99</v></c>' +
        '<c r="H1" t="s"><v>0<!-- 注释 -->3</v></c></row>',
    );
    expect(await records(workbook(xml, { shared: SHARED }))).toEqual([
      {
        index: 1,
        cells: ['姓名', '  前后空格  ', '东村 ', '第一行\r\n第二行', '_x000D_ 是原文，&lt; 也是，中文', '', '', '第一行\r\n第二行'],
      },
    ]);
  });

  it('reads inline strings (all rich text runs; ExcelJS kept the last), str results decoded once, CDATA, comments', async () => {
    const xml = sheet(
      '<row r="1">' +
        '<c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>东</t></r><r><t>村</t></r></is></c>' +
        '<c r="B1" t="str"><f>A1</f><v>&amp;lt;不是标签&gt;</v></c>' +
        '<c r="C1" t="inlineStr"><is><t><![CDATA[<原样> & 文本]]></t></is></c>' +
        '<c r="D1" t="inlineStr"><!-- 注释 --><is><t>甲<!-- 注释 -->乙</t></is></c>' +
        '<c r="E1" t="inlineStr"><is><t>回车&#13;换行\r\n行尾</t></is></c>' +
        '</row>',
    );
    expect((await records(workbook(xml)))[0].cells).toEqual(['东村', '&lt;不是标签>', '<原样> & 文本', '甲乙', '回车\r换行\n行尾']);
  });

  it('reads numbers, booleans, errors, formulas and ISO date cells', async () => {
    const xml = sheet(
      '<row r="1"><c r="A1"><v>5201023456</v></c><c r="B1" t="n"><v>0.30000000000000004</v></c><c r="C1"><v>1.5E-7</v></c>' +
        '<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#N/A</v></c>' +
        '<c r="G1"><f>ROW()-1</f><v>0</v></c><c r="H1" t="b"><f>TRUE()</f><v>1</v></c><c r="I1"><f>NOW()</f></c>' +
        '<c r="J1" t="d"><v>2014-03-05T00:00:00Z</v></c><c r="K1"><v>4.1018220190309901E+17</v></c></row>',
    );
    expect((await records(workbook(xml)))[0].cells).toEqual([
      '5201023456',
      '0.3',
      '1.5e-7',
      'TRUE',
      'FALSE',
      '',
      '0',
      'TRUE',
      '',
      '2014-03-05',
      '410182201903099008', // the float Excel kept, as ExcelJS read it
    ]);
  });

  it('reads dates by the cell style: built-in, custom and Chinese built-in formats; a number format is not a date', async () => {
    const row = (ref: number) =>
      `<row r="${ref}"><c r="A${ref}" s="1"><v>41703</v></c><c r="B${ref}" s="2"><v>41703</v></c><c r="C${ref}" s="3"><v>41703</v></c>` +
      `<c r="D${ref}" s="4"><v>41703</v></c><c r="E${ref}" s="5"><v>41703</v></c><c r="F${ref}"><v>41703</v></c><c r="G${ref}" s="0"><v>41703</v></c></row>`;
    const zip = workbook(sheet(row(1)), { styles: STYLES });
    expect((await records(zip))[0].cells).toEqual(['2014-03-05', '2014-03-05', '41703', '2014-03-05', '41703', '41703', '41703']);
    const zip1904 = workbook(sheet(row(1)), { styles: STYLES, date1904: true });
    expect((await records(zip1904))[0].cells[0]).toBe('2018-03-06');
  });

  it('places cells by their reference; without one, in the next column; rows without r follow the previous one', async () => {
    const xml = sheet(
      '<row r="2"><c r="C2" t="inlineStr"><is><t>c</t></is></c><c t="inlineStr"><is><t>d</t></is></c><c r="AA2"><v>27</v></c></row>' +
        '<row><c t="inlineStr"><is><t>a</t></is></c><c r="B3" s="1"/><c><v>3</v></c></row>' +
        '<row r="7" spans="1:3"/>' +
        '<row r="9"><c r="XFD9"><v>1</v></c><c r="A9" t="inlineStr"><is><t>回到第一列</t></is></c></row>',
    );
    const rows = await records(workbook(xml), { maxColumns: 16384 });
    expect(rows.map((r) => r.index)).toEqual([2, 3, 7, 9]);
    expect(rows[0].cells).toEqual(['', '', 'c', 'd', ...Array<string>(22).fill(''), '27']);
    expect(rows[1].cells).toEqual(['a', '', '3']);
    expect(rows[2].cells).toEqual([]);
    expect(rows[3].cells[0]).toBe('回到第一列');
    expect(rows[3].cells).toHaveLength(16384);
  });

  it('reads namespace-prefixed tags (Open XML SDK writes <x:row>)', async () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    expect(await records(workbook(xml))).toEqual([{ index: 1, cells: ['姓名', '7'] }]);
  });

  it('a filled cell beyond the column limit is refused; an empty one is not', async () => {
    const xml = sheet(
      '<row r="4"><c r="A4"><v>1</v></c><c r="ZZ4" t="e"><v>#N/A</v></c><c r="SS4" t="inlineStr"><is><t>x</t></is></c></row>',
    );
    await expect(records(workbook(xml))).rejects.toThrow('「x.xlsx」文件第 4 行的列数超过 500 列的上限，无法导入');
    const ok = sheet('<row r="4"><c r="A4"><v>1</v></c><c r="ZZ4" t="e"><v>#N/A</v></c></row>');
    expect((await records(workbook(ok)))[0].cells).toEqual(['1']);
  });

  it('a shared string longer than the cell limit is refused where a cell uses it', async () => {
    const shared = `<sst ${NS}><si><t>${'长'.repeat(30)}</t></si></sst>`;
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2" t="s"><v>0</v></c></row>');
    await expect(records(workbook(xml, { shared }), { maxCellChars: 20 })).rejects.toThrow(
      '「x.xlsx」文件第 2 行第 2 列的内容超过 20 个字符的上限，无法导入',
    );
  });

  it('a sheet cut off inside a tag is refused as damaged', async () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>').replace('</sheetData></worksheet>', '<row r="2"><c r="A2"');
    await expect(records(workbook(xml))).rejects.toThrow(/^「x\.xlsx」不是有效的 Excel 文件（文件已损坏或格式不正确）/);
  });
});

describe('chunk boundaries', () => {
  const xml = Buffer.from(
    sheet(
      '<row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> 张三丰😀&amp;&#x4E2D;_x000D_ </t></is></c>' +
        '<c r="C1" s="1"><v>41703</v></c><c r="D1" t="str"><v>李四&lt;</v></c><!-- 注释 <c> --></row>' +
        '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="inlineStr"><is><t><![CDATA[王五]]></t></is></c></row>',
    ),
  );
  const shared = Buffer.from(SHARED);
  const limits = resolveLimits({});
  const scan = (bytes: Buffer, sizes: (i: number) => number, strings: readonly string[]) => {
    const s = new SheetScanner({
      fileName: 'x.xlsx',
      limits,
      sharedStrings: strings,
      dateStyles: dateStyles(STYLES),
      date1904: false,
      maxPending: 1 << 20,
      onTooLong: () => new Error('too long'),
    });
    const out: RawRecord[] = [];
    for (let p = 0, i = 0; p < bytes.length; i++) {
      const n = sizes(i);
      s.write(bytes.subarray(p, p + n));
      p += n;
      out.push(...s.take());
    }
    s.end();
    return [...out, ...s.take()];
  };
  const strings = (bytes: Buffer, sizes: (i: number) => number) => {
    const s = new SharedStringsScanner(10_000, 1 << 20, () => new Error('too long'));
    for (let p = 0, i = 0; p < bytes.length; i++) {
      const n = sizes(i);
      s.write(bytes.subarray(p, p + n));
      p += n;
    }
    s.end();
    return s.strings;
  };

  it('reads the same records whatever the chunk sizes (every split point, one byte at a time, random sizes)', () => {
    const whole = strings(shared, () => shared.length);
    expect(whole[2]).toBe('东村 ');
    const expected = scan(xml, () => xml.length, whole);
    expect(expected).toEqual([
      { index: 1, cells: ['东村 ', ' 张三丰😀&中\r ', '2014-03-05', '李四<'] },
      { index: 2, cells: ['TRUE', '王五'] },
    ]);
    for (let cut = 1; cut < xml.length; cut++) {
      expect(scan(xml, (i) => (i === 0 ? cut : xml.length), whole)).toEqual(expected);
    }
    for (let cut = 1; cut < shared.length; cut++) expect(strings(shared, (i) => (i === 0 ? cut : shared.length))).toEqual(whole);
    expect(
      scan(
        xml,
        () => 1,
        strings(shared, () => 1),
      ),
    ).toEqual(expected);
    let seed = 7;
    const rnd = () => 1 + ((seed = (seed * 48271) % 2147483647) % 13);
    for (let k = 0; k < 50; k++) expect(scan(xml, rnd, strings(shared, rnd))).toEqual(expected);
  });
});

describe('XML helpers', () => {
  it.each([
    ['&lt;&gt;&amp;&quot;&apos;', '<>&"\''],
    ['&#x4E2D;&#25991;&#x1F600;', '中文😀'],
    ['&amp;lt;', '&lt;'],
    ['&nbsp; &#xFFFFFFF; &', '&nbsp; &#xFFFFFFF; &'],
  ])('decodeEntities(%j)', (s, expected) => expect(decodeEntities(s)).toBe(expected));

  it.each([
    ['a_x000D_b', 'a\rb'],
    ['_x005F_x000D_', '_x000D_'],
    ['_xD83D__xDE00_', '😀'],
    ['_x00_ _xZZZZ_ x000D_', '_x00_ _xZZZZ_ x000D_'],
  ])('decodeExcelEscapes(%j)', (s, expected) => expect(decodeExcelEscapes(s)).toBe(expected));

  it.each([
    ['yyyy-mm-dd', true],
    ['yyyy"年"m"月"d"日";@', true],
    ['[$-804]aaaa', false],
    ['h:mm:ss', true],
    ['"第"0"号"', false],
    ['[Red]0.00', false],
    ['General', false],
  ])('isDateFormat(%j) = %s', (code, expected) => expect(isDateFormat(code)).toBe(expected));
});
