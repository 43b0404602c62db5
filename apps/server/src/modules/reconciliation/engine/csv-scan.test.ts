import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvScanError, CsvScanner } from './csv-scan';

/** What the importer's csv-parse gives (the same options as imports/readers/csv-reader.ts). */
const library = (text: string): string[][] =>
  parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });

function scan(text: string): string[][] {
  const s = new CsvScanner(Buffer.from(text, 'utf8'));
  const out: string[][] = [];
  while (s.next()) out.push(s.cells());
  return out;
}

const TRICKY: Record<string, string> = {
  crlf: '姓名,身份证号\r\n张三,410182201403051234\r\n',
  lf: 'a,b\n1,2\n',
  cr: 'a,b\r1,2\r',
  noFinalEol: 'a,b\n1,2',
  bom: '\uFEFF姓名,学校\r\n李四,一小\r\n',
  blankLines: 'a,b\n\n1,2\n\n',
  blankLinesCrlf: 'a,b\r\n\r\n1,2\r\n\r\n',
  embeddedComma: 'a,b\n"河南省,荥阳市",2\n',
  embeddedNewline: 'a,b\n"第一行\n第二行",z\n',
  embeddedCrlf: 'a,b\r\n"第一行\r\n第二行",z\r\n',
  escapedQuotes: 'a,b\n"他说""好""",y\n',
  quoteMidField: 'a,b\nab"c,d\n',
  spaceBeforeQuote: 'a,b\n "x",y\n',
  textAfterClosingQuote: 'a,b\n"x"y,z\n',
  commaInsideThenText: 'a,b\n"x,y"z,w\n',
  escapedThenText: 'a,b\n"x""y"z,w\n',
  lfInCrlfFile: 'a,b\r\n1\n2,3\r\n',
  crInLfFile: 'a,b\n1\r2,3\n',
  crlfRowInLfFile: 'a,b\n1,2\r\n3,4\n',
  quotedThenCrInLfFile: 'a,b\nx,"y"\r\n',
  emptyQuoted: 'a,b\n"",""\n',
  onlyQuote: 'a,b\n""""\n',
  trailingComma: 'a,b,\n1,2,\n',
  onlyCommas: 'a,b\n,,\n1,2\n',
  ragged: 'a,b,c\n1\n1,2,3,4\n',
  fullWidth: '姓名,身份证号\n王　五,４１０１８２２０１４０３０５１２３Ｘ\n',
  emptyFile: '',
  onlyBom: '\uFEFF',
  finalComma: 'a,b\n1,',
};

describe('CsvScanner reads what csv-parse reads', () => {
  for (const [name, text] of Object.entries(TRICKY)) {
    it(name, () => expect(scan(text)).toEqual(library(text)));
  }

  it('on random files made of the tricky pieces', () => {
    const pieces = ['a', '张', ',', '"', '""', '\n', '\r\n', '\r', ' ', 'x"y', '1', '\u3000'];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let compared = 0;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = 1 + Math.floor(rand() * 30);
      for (let i = 0; i < len; i++) text += pieces[Math.floor(rand() * pieces.length)];
      let expected: string[][] | null;
      try {
        expected = library(text);
      } catch {
        expected = null;
      }
      if (expected === null) {
        expect(() => scan(text), JSON.stringify(text)).toThrow();
        continue;
      }
      expect(scan(text), JSON.stringify(text)).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('refuses an unclosed quote, naming the line', () => {
    expect(() => scan('a,b\n1,2\n"abc,d\n')).toThrow(CsvScanError);
    try {
      scan('a,b\n1,2\n"abc,d\n');
    } catch (e) {
      expect((e as CsvScanError).line).toBe(3);
    }
  });

  it('numbers records from 1, counting blank lines', () => {
    const s = new CsvScanner(Buffer.from('h1,h2\n\nx,y\n'));
    const seen: [number, string[]][] = [];
    while (s.next()) seen.push([s.index, s.cells()]);
    expect(seen).toEqual([
      [1, ['h1', 'h2']],
      [2, ['']],
      [3, ['x', 'y']],
    ]);
  });
});
