import { describe, expect, it } from 'vitest';
import { returnNotice } from './documents.fixtures';
import { SEED_000_RETURN_NOTICE_BASIS } from './legal-texts';
import { renderReturnNoticeDocx, renderReturnNoticeHtml, RETURN_NOTICE_COPIES, RETURN_NOTICE_TITLE } from './return-notice';
import { docxPart, htmlPages, htmlText, pageCount, pageTexts, paragraphTexts } from './test-support';

describe('劝返通知书 (seed 000, 附件1)', () => {
  it('DOCX: the seed text with the names, the 5-day window and its deadline, on two copies', async () => {
    const xml = await docxPart(await renderReturnNoticeDocx(returnNotice()));
    expect(pageCount(xml)).toBe(2);
    const pages = pageTexts(xml);
    expect(pages).toHaveLength(2);
    RETURN_NOTICE_COPIES.forEach((label, i) => {
      const p = pages[i];
      expect(p).toContain(label);
      expect(p).toContain(RETURN_NOTICE_TITLE);
      expect(p).toContain('王建国：');
      expect(p).toContain('你们的被监护人王小明（荥阳市第二初级中学八年级（2）班学生）于2026年11月16日疑似辍学');
      expect(p).toContain('《中华人民共和国义务教育法》第五条、十一条');
      expect(p).toContain('“适龄儿童、少年的父母或者其他法定监护人应当依法保证其按时入学完成义务教育”');
      expect(p).toContain('请你们在接到劝学通知书 5 日内（即2026年11月23日前），送被监护人到荥阳市第二初级中学复学。');
      expect(p).toContain('（此通知书一式二份，学校、监护人各一份）。');
      expect(p).toContain('发送单位（盖章）：荥阳市第二初级中学');
      expect(p).toContain('2026年11月18日');
      expect(p).toContain('监护人签名：');
    });
  });

  it('DOCX: follows the county setting and the kind of dropout', async () => {
    const xml = await docxPart(
      await renderReturnNoticeDocx(returnNotice({ returnWithinDays: 7, returnDeadline: '2026-11-25', dropoutKind: '辍学' })),
    );
    const text = paragraphTexts(xml).join('\n');
    expect(text).toContain('于2026年11月16日辍学，');
    expect(text).toContain('接到劝学通知书 7 日内（即2026年11月25日前）');
    expect(text).not.toContain('2026年11月23日');
  });

  it('HTML: A4 print page with both copies, the seed text, and names escaped', () => {
    const html = renderReturnNoticeHtml(returnNotice({ childName: '<script>alert(1)</script>', guardianName: '王"&\'' }));
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toMatch(/@page \{ size: A4; margin: 37mm 26mm 35mm 28mm; \}/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('王&quot;&amp;&#39;');
    const pages = htmlPages(html);
    expect(pages).toHaveLength(2);
    for (const p of pages) {
      const t = htmlText(p);
      expect(t).toContain(SEED_000_RETURN_NOTICE_BASIS);
      expect(t).toContain('你们的被监护人<script>alert(1)</script>（');
      expect(t).toContain('（即2026年11月23日前）');
    }
    expect(html).not.toMatch(/<(link|img|script)\b|url\(/);
  });
});
