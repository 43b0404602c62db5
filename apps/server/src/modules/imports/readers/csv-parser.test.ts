import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvParser } from './csv-parser';

/** What csv-parse gives with the options the importer used before CsvParser: records, or the error code and line. */
function reference(text: string): { records: string[][] } | { code: string; lines: number } {
  try {
    const records = parse(Buffer.from(text), {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
    return { records };
  } catch (e) {
    const err = e as { code: string; lines: number };
    return { code: err.code, lines: err.lines };
  }
}

/** CsvParser over the same text cut into pieces at `cuts`. */
function ours(text: string, cuts: number[]): { records: string[][] } | { code: string; lines: number } {
  const p = new CsvParser();
  const records: string[][] = [];
  try {
    let from = 0;
    for (const c of [...cuts, text.length]) {
      p.write(text.slice(from, c), false, records);
      from = c;
    }
    p.write('', true, records);
    return { records };
  } catch (e) {
    const err = e as { code: string; lines: number };
    return { code: err.code, lines: err.lines };
  }
}

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('CsvParser reads as csv-parse (bom, relax_quotes, relax_column_count, blank lines kept)', () => {
  it.each([
    ['plain CRLF', '姓名,性别\r\n张三,男\r\n'],
    ['no final line break', '姓名,性别\r\n张三,男'],
    ['BOM', '\uFEFF姓名,性别\n张三,男\n'],
    ['quoted comma, quote and line break', '"住""东村"", 3组","第一行\r\n第二行"\r\n'],
    ['blank lines are records', '\r\n姓名\r\n\r\n,\r\n'],
    ['quote inside an unquoted field', 'ab"c,d\r\n'],
    ['closing quote followed by text', '"ab"c,d\r\n"x"y"z"\r\n'],
    ['lone LF inside CRLF file', 'a,b\r\nc\nd,e\r\n'],
    ['CR files', 'a,b\rc,d\r'],
    ['LF first decides', 'a\nb\r\nc\r'],
    ['empty quoted fields', '"",""\r\n""\r\n'],
    ['unclosed quote', 'a,b\r\n"c,d\r\ne\r\n'],
    ['quote before CRLF', '"a"\r\n"b"\r\n'],
    ['only a BOM', '\uFEFF'],
    ['empty', ''],
  ])('%s', (_, text) => {
    expect(ours(text, [])).toEqual(reference(text));
    for (let c = 0; c <= text.length; c++) expect(ours(text, [c])).toEqual(reference(text));
  });

  it('on 20,000 random texts cut at random places', () => {
    const next = rng(20261207);
    const alphabet = ['a', 'b', '张', ',', '"', '"', '\r', '\n', '\r\n', ' ', '\uFEFF', 'x"', '""'];
    for (let k = 0; k < 20_000; k++) {
      const len = Math.floor(next() * 24);
      let text = '';
      for (let j = 0; j < len; j++) text += alphabet[Math.floor(next() * alphabet.length)];
      const cuts: number[] = [];
      for (let c = 0; c < text.length; c++) if (next() < 0.2) cuts.push(c);
      const want = reference(text);
      const got = ours(text, cuts);
      if (JSON.stringify(got) !== JSON.stringify(want)) expect({ text, cuts, got }).toEqual({ text, cuts, got: want });
    }
  });
});
