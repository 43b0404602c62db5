import { describe, expect, it } from 'vitest';
import * as fx from './documents.fixtures';
import { DOCUMENT_KIND_LIST, DOCUMENT_KINDS, documentFileName, isDocumentKind, renderDocument, type DocumentDataMap } from './index';
import { docxPart, htmlText, paragraphTexts } from './test-support';

const samples: DocumentDataMap = {
  'return-notice': fx.returnNotice(),
  'tracking-form': fx.trackingForm(),
  'deferral-form': fx.deferralForm(),
  'correction-order': fx.correctionOrder(),
  'resume-notice': fx.resumeNotice(),
  'case-summary': fx.caseSummary(),
  'enrollment-notice': fx.enrollmentNotice(),
};

describe('the document registry', () => {
  it('has the seven kinds with their Chinese titles', () => {
    expect(DOCUMENT_KIND_LIST).toEqual([
      'return-notice',
      'tracking-form',
      'deferral-form',
      'correction-order',
      'resume-notice',
      'case-summary',
      'enrollment-notice',
    ]);
    expect(Object.fromEntries(DOCUMENT_KIND_LIST.map((k) => [k, DOCUMENT_KINDS[k].title]))).toEqual({
      'return-notice': '辍学（疑似辍学）学生劝返通知书',
      'tracking-form': '义务教育学校“控辍保学”跟踪记录表',
      'deferral-form': '义务教育阶段学生延缓入学/休学申请审批表',
      'correction-order': '责令限期改正通知书',
      'resume-notice': '复学通知',
      'case-summary': '控辍保学“一生一表”',
      'enrollment-notice': '义务教育入学通知书',
    });
    expect(isDocumentKind('return-notice')).toBe(true);
    expect(isDocumentKind('toString')).toBe(false);
  });

  it('names downloads in Chinese without path characters', () => {
    expect(documentFileName('return-notice', '王 小/明', 'docx')).toBe('劝返通知书-王小明.docx');
    expect(documentFileName('enrollment-notice', '', 'html')).toBe('入学通知书.html');
  });

  describe.each(DOCUMENT_KIND_LIST)('%s', (kind) => {
    it('DOCX: A4, margins, 仿宋 body with the eastAsia font set, the title in 小标宋 falling back to 宋体', async () => {
      const buf = await renderDocument(kind, samples[kind] as never, 'docx');
      expect(buf.subarray(0, 2).toString()).toBe('PK');
      const xml = await docxPart(buf);
      expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
      expect(xml).toMatch(/<w:pgMar w:top="(2098|1134)" w:right="(1474|1020)" w:bottom="(1984|1134)" w:left="(1587|1020)"/);
      expect(xml).toContain('w:eastAsia="方正小标宋简体"');
      expect(xml).toContain('w:ascii="SimSun"');
      expect(paragraphTexts(xml)[0] + paragraphTexts(xml)[1]).toContain(DOCUMENT_KINDS[kind].title);
      const styles = await docxPart(buf, 'word/styles.xml');
      expect(styles).toMatch(/<w:rFonts w:ascii="FangSong"[^>]*w:eastAsia="FangSong"/);
      const fonts = await docxPart(buf, 'word/fontTable.xml');
      expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="SimSun"\/>.*<w:charset w:val="86"\/>/);
    });

    it('HTML: standalone A4 print page with Chinese font stacks ending in Noto CJK', () => {
      const html = renderDocument(kind, samples[kind] as never, 'html');
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).toMatch(/@page \{ size: A4; margin: \d+mm \d+mm \d+mm \d+mm; \}/);
      expect(html).toContain('"FangSong", "仿宋"');
      expect(html).toContain('"方正小标宋简体"');
      expect(html.match(/"Noto Serif CJK SC", "Noto Sans CJK SC", serif/g)?.length).toBeGreaterThanOrEqual(2);
      expect(html).not.toMatch(/<(link|img|script|iframe)\b|url\(|https?:\/\//);
      expect(htmlText(html)).toContain(DOCUMENT_KINDS[kind].title);
    });
  });
});
