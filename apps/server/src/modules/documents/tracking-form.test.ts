import { describe, expect, it } from 'vitest';
import { trackingForm } from './documents.fixtures';
import { SEED_000_TRACKING_FORM_NOTE } from './legal-texts';
import { cellTexts, docxPart, htmlCellTexts, htmlText, paragraphTexts } from './test-support';
import {
  DATE_LABEL,
  GUARDIAN_SIGNATURE_LABEL,
  renderTrackingFormDocx,
  renderTrackingFormHtml,
  TRACKING_FORM_LABELS,
  TRACKING_WORK_SECTIONS,
} from './tracking-form';

const data = trackingForm();

/** Each label of seed 000 附件2 and the value that must sit in the cell right after it. */
const FIELDS: [string, string][] = [
  ['学生姓名', '王小明'],
  ['性别', '男'],
  ['民族', '汉族'],
  ['出生年月', '2012年3月'],
  ['学校', '荥阳市第二初级中学'],
  ['年级', '八年级'],
  ['班级', '2班'],
  ['身份证号', '410182201203151234'],
  ['学籍号', 'G410182201203151234'],
  ['监护人', '王建国'],
  ['关系', '父子'],
  ['职业', '务工'],
  ['单位', '郑州某建筑公司'],
  ['家庭地址', '荥阳市豫龙镇槐西村3组'],
  ['联系电话', '13812345678'],
  ['辍学原因', '厌学，随父外出打工'],
];

function expectLabelThenValue(cells: string[], label: string, value: string) {
  const i = cells.indexOf(label);
  expect(i, `「${label}」 is a cell of its own`).toBeGreaterThanOrEqual(0);
  expect(cells[i + 1], `the cell after 「${label}」`).toBe(value);
}

describe('控辍保学跟踪记录表 (seed 000, 附件2)', () => {
  it('covers every label of the seed', () => {
    expect(Object.values(TRACKING_FORM_LABELS).sort()).toEqual(FIELDS.map(([l]) => l).sort());
  });

  it('DOCX: every field label sits in its own table cell, followed by its value', async () => {
    const xml = await docxPart(await renderTrackingFormDocx(data));
    const cells = cellTexts(xml);
    for (const [label, value] of FIELDS) expectLabelThenValue(cells, label, value);
  });

  it('DOCX: the three work sections, each with its text, a signature line and a date line', async () => {
    const cells = cellTexts(await docxPart(await renderTrackingFormDocx(data)));
    const expected = [
      ['班主任做工作情况', data.teacherWork.text, '班主任签名', '李老师', '2026年11月18日'],
      ['学校做工作情况', data.schoolWork.text, '校长签名', '张校长', '2026年11月20日'],
      ['当地镇（办）人民政府（或中心校）做工作情况及意见', data.townshipWork.text, '镇负责人签名', '赵镇长', '2026年11月22日'],
    ];
    expect(TRACKING_WORK_SECTIONS.map((s) => s.heading)).toEqual(expected.map((e) => e[0]));
    for (const [heading, text, signerLabel, signer, date] of expected) {
      const i = cells.indexOf(heading);
      expect(i, heading).toBeGreaterThanOrEqual(0);
      // heading | text ; 家长或监护人签字 | (blank) | signer label | signer ; 日期 | date
      expect(cells.slice(i, i + 8)).toEqual([heading, text, GUARDIAN_SIGNATURE_LABEL, '', signerLabel, signer, DATE_LABEL, date]);
    }
  });

  it('DOCX: unsigned sections keep blank lines to fill by hand', async () => {
    const cells = cellTexts(await docxPart(await renderTrackingFormDocx(trackingForm({ townshipWork: { text: '' } }))));
    const i = cells.indexOf('镇负责人签名');
    expect(cells[i + 1]).toBe('');
    expect(cells[i + 3]).toMatch(/^\u3000+年\u3000+月\u3000+日$/);
  });

  it('DOCX: the title carries the county, and the note on the four copies is the seed’s, word for word', async () => {
    const paras = paragraphTexts(await docxPart(await renderTrackingFormDocx(data)));
    expect(paras[0]).toBe('荥阳市义务教育学校“控辍保学”跟踪记录表');
    expect(paras).toContain(SEED_000_TRACKING_FORM_NOTE);
    expect(SEED_000_TRACKING_FORM_NOTE).toBe(
      '备注：1、本表一式四份。一份向学生户籍所在地政府报告，由乡镇存档；一份报教体局，一份上报中心校，另一份学校留存。2、控辍保学家访图片、谈话等文字资料可附后。',
    );
  });

  it('HTML: the same cells, escaped, on an A4 form page', () => {
    const html = renderTrackingFormHtml(trackingForm({ dropoutCause: '<b>厌学</b> & 外出' }));
    expect(html).toContain('@page { size: A4;');
    const cells = htmlCellTexts(html);
    for (const [label, value] of FIELDS.filter(([l]) => l !== '辍学原因')) expectLabelThenValue(cells, label, value);
    expectLabelThenValue(cells, '辍学原因', '<b>厌学</b> & 外出');
    expect(html).toContain('&lt;b&gt;厌学&lt;/b&gt; &amp; 外出');
    expect(htmlText(html)).toContain(SEED_000_TRACKING_FORM_NOTE);
  });
});
