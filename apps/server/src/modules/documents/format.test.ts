import { describe, expect, it } from 'vitest';
import { BLANK_DATE, escapeHtml, formatChineseDate, formatChineseMonth } from './format';

describe('formatChineseDate', () => {
  it.each([
    ['2026-11-23', '2026年11月23日'],
    ['2026-01-05', '2026年1月5日'],
    ['2027-06-30', '2027年6月30日'],
  ])('%s → %s', (d, out) => expect(formatChineseDate(d)).toBe(out));

  it('leaves a blank to fill by hand when there is no date', () => {
    expect(formatChineseDate(undefined)).toBe(BLANK_DATE);
    expect(BLANK_DATE).toMatch(/^\u3000+年\u3000+月\u3000+日$/);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => formatChineseDate('2026/11/23')).toThrow('YYYY-MM-DD');
    expect(() => formatChineseDate('2026-02-30')).toThrow();
  });

  it('writes the 出生年月 as year and month', () => {
    expect(formatChineseMonth('2012-03-15')).toBe('2012年3月');
    expect(formatChineseMonth(undefined)).toBe('');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
  });
});
