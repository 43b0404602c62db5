import { describe, expect, it } from 'vitest';
import { renderCorrectionOrderDocx, renderCorrectionOrderHtml } from './correction-order';
import { correctionOrder } from './documents.fixtures';
import { docxPart, htmlText, paragraphTexts } from './test-support';

describe('责令限期改正通知书 (义务教育法 第五十八条; seed 001)', () => {
  it('DOCX: the township orders the guardians to send the child back by the deadline, citing the law', async () => {
    const paras = paragraphTexts(await docxPart(await renderCorrectionOrderDocx(correctionOrder())));
    const text = paras.join('\n');
    expect(paras[0]).toBe('责令限期改正通知书');
    expect(paras[1]).toBe('豫龙政责改〔2026〕3号');
    expect(paras[2]).toBe('王建国：');
    expect(text).toContain(
      '你（们）的子女王小明（男，公民身份号码：410182********1234）系荥阳市第二初级中学八年级学生，自2026年11月16日起未到校就读。',
    );
    expect(text).toContain(
      '违反了《中华人民共和国义务教育法》第五条第二款、第十一条和《中华人民共和国未成年人保护法》第十六条第（五）项的规定',
    );
    expect(text).toContain(
      '依据《中华人民共和国义务教育法》第五十八条的规定，本机关现对你（们）予以批评教育，并责令你（们）于2026年12月10日前送王小明到荥阳市第二初级中学复学',
    );
    expect(text).toContain(
      '逾期不改的，由司法部门依法发放相关司法文书，督促其保证辍学学生尽早复学，情节严重或构成犯罪的，依法追究法律责任。',
    );
    expect(text).toContain('豫龙镇人民政府（盖章）\n2026年12月1日');
    // the articles in full
    expect(text).toContain(
      '《中华人民共和国义务教育法》第五十八条：适龄儿童、少年的父母或者其他法定监护人无正当理由未依照本法规定送适龄儿童、少年入学接受义务教育的，由当地乡镇人民政府或者县级人民政府教育行政部门给予批评教育，责令限期改正。',
    );
    expect(text).toContain(
      '《中华人民共和国义务教育法》第五条第二款：适龄儿童、少年的父母或者其他法定监护人应当依法保证其按时入学接受并完成义务教育。',
    );
    expect(text).toContain('《中华人民共和国未成年人保护法》第十六条第（五）项');
    expect(text).toContain('《中华人民共和国未成年人保护法》第八十三条第二款：对尚未完成义务教育的辍学未成年学生');
  });

  it('DOCX: without a 文号 the salutation follows the title', async () => {
    const paras = paragraphTexts(await docxPart(await renderCorrectionOrderDocx(correctionOrder({ docNo: undefined }))));
    expect(paras[1]).toBe('王建国：');
  });

  it('HTML: same text, escaped', () => {
    const html = renderCorrectionOrderHtml(correctionOrder({ guardianName: '王<建国>' }));
    expect(html).toContain('王&lt;建国&gt;');
    expect(htmlText(html)).toContain('责令你（们）于2026年12月10日前送王小明到荥阳市第二初级中学复学');
  });
});
