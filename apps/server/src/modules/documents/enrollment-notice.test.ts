import { describe, expect, it } from 'vitest';
import { enrollmentNotice } from './documents.fixtures';
import { renderEnrollmentNoticeDocx, renderEnrollmentNoticeHtml } from './enrollment-notice';
import { docxPart, htmlPages, htmlText, pageCount, pageTexts } from './test-support';

const LIABILITY =
  '《中华人民共和国义务教育法》第五十八条：适龄儿童、少年的父母或者其他法定监护人无正当理由未依照本法规定送适龄儿童、少年入学接受义务教育的，由当地乡镇人民政府或者县级人民政府教育行政部门给予批评教育，责令限期改正。逾期不改的，由司法部门依法发放相关司法文书';

describe('入学通知书 batch (seed 001: legal provisions and liability in the notice)', () => {
  it('DOCX: one page per child, each with its own names and dates, the law and the liability', async () => {
    const data = enrollmentNotice();
    const xml = await docxPart(await renderEnrollmentNoticeDocx(data));
    expect(pageCount(xml)).toBe(3);
    const pages = pageTexts(xml);
    expect(pages).toHaveLength(3);
    data.children.forEach((c, i) => {
      const p = pages[i];
      expect(p.startsWith('义务教育入学通知书')).toBe(true);
      expect(p).toContain(`${c.guardianName}：`);
      expect(p).toContain(`你的子女${c.childName}（${c.gender}，`);
      expect(p).toContain(`送其到${c.school}报到，2026年秋季入读${c.grade}。`);
      expect(p).toContain('一、有关法律规定');
      expect(p).toContain(
        '《中华人民共和国义务教育法》第五条第二款：适龄儿童、少年的父母或者其他法定监护人应当依法保证其按时入学接受并完成义务教育。',
      );
      expect(p).toContain('《中华人民共和国义务教育法》第十四条第一款：禁止用人单位招用应当接受义务教育的适龄儿童、少年。');
      expect(p).toContain('二、违法追责说明');
      expect(p).toContain(LIABILITY);
      expect(p).toContain('汝阳县教育体育局（盖章）2026年8月10日');
      for (const other of data.children.filter((o) => o !== c)) expect(p).not.toContain(other.childName);
    });
    expect(pages[0]).toContain('2020年5月2日出生');
    expect(pages[0]).toContain('请你于2026年8月28日至2026年8月30日，携带户口簿、儿童预防接种证，送其到');
    expect(pages[1]).toContain('请你于2026年8月28日至2026年8月30日，送其到');
  });

  it('DOCX: a batch of 40 is 40 pages', async () => {
    const one = enrollmentNotice().children[0];
    const children = Array.from({ length: 40 }, (_, i) => ({ ...one, childName: `儿童${i + 1}` }));
    const xml = await docxPart(await renderEnrollmentNoticeDocx(enrollmentNotice({ children })));
    expect(pageCount(xml)).toBe(40);
    expect(pageTexts(xml)[39]).toContain('你的子女儿童40（');
  });

  it('refuses an empty batch', () => {
    expect(() => renderEnrollmentNoticeHtml(enrollmentNotice({ children: [] }))).toThrow('没有要打印的儿童');
  });

  it('HTML: a page section per child with a page break after each but the last', () => {
    const data = enrollmentNotice();
    data.children[1] = { ...data.children[1], childName: '<script>x</script>' };
    const html = renderEnrollmentNoticeHtml(data);
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/\.page \{ break-after: page; page-break-after: always; \}/);
    expect(html).toMatch(/\.page:last-child \{ break-after: auto;/);
    const pages = htmlPages(html);
    expect(pages).toHaveLength(3);
    expect(htmlText(pages[1])).toContain('你的子女<script>x</script>（男，');
    expect(html).not.toContain('<script>');
    expect(htmlText(pages[2])).toContain('赵三三');
  });
});
