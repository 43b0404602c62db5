import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCopyCsv } from './copy';

describe('COPY CSV text', () => {
  it('quotes text, doubles quotes, keeps NULL as an empty unquoted field, and survives commas and newlines', () => {
    const text = toCopyCsv([
      ['a', 1, true, null, 'x"y', '逗号,与\n换行', ''],
      [undefined, 0, false, 'b', '{"k":"v"}', '', null],
    ]);
    expect(text.split('\n')[0]).toBe('"a",1,true,,"x""y","逗号,与');
    const back = parse(text, { relax_quotes: false }) as string[][];
    expect(back).toEqual([
      ['a', '1', 'true', '', 'x"y', '逗号,与\n换行', ''],
      ['', '0', 'false', 'b', '{"k":"v"}', '', ''],
    ]);
    // NULL (unquoted empty) and '' (quoted empty) differ in the text COPY reads
    expect(text).toContain(',"",');
    expect(text.endsWith(',\n')).toBe(true);
  });
});
