import { describe, expect, it } from 'vitest';
import { deferralConditionLines, renderDeferralFormDocx, renderDeferralFormHtml } from './deferral-form';
import { deferralForm } from './documents.fixtures';
import { SEED_002_DEFERRAL_CONDITIONS } from './legal-texts';
import { cellTexts, docxPart, htmlCellTexts, paragraphTexts } from './test-support';

describe('延缓入学/休学申请审批表 (seed 002)', () => {
  it('checks the seed-002 conditions the case meets', () => {
    expect(deferralConditionLines(deferralForm())).toEqual([
      '☑ 经相关部门联合劝返三次以上（已联合劝返 4 次）',
      '☐ 经司法部门判决裁定',
      '☑ 监护人已履行相应法定义务',
      '☑ 学生本人拒不返校',
      '☐ 身体原因不具备学习条件（附医疗证明）',
    ]);
    expect(deferralConditionLines(deferralForm({ jointPersuasions: 2, courtRuling: '（2026）豫0527民初123号' })).slice(0, 2)).toEqual([
      '☐ 经相关部门联合劝返三次以上（已联合劝返 2 次）',
      '☑ 经司法部门判决裁定（（2026）豫0527民初123号）',
    ]);
    expect(deferralConditionLines(deferralForm({ requiredJointPersuasions: 5 }))[0]).toBe(
      '☐ 经相关部门联合劝返五次以上（已联合劝返 4 次）',
    );
    const health = deferralConditionLines(deferralForm({ health: true, medicalCertificate: '县人民医院 2026-11-20 诊断证明' }));
    expect(health[4]).toBe('☑ 身体原因不具备学习条件（医疗证明：县人民医院 2026-11-20 诊断证明）');
    expect(health.slice(0, 4).every((l) => l.startsWith('☐'))).toBe(true);
  });

  it('DOCX: identity, kind and period, and each opinion with its signer and date in cells', async () => {
    const xml = await docxPart(await renderDeferralFormDocx(deferralForm()));
    const cells = cellTexts(xml);
    const after = (label: string, n = 1) => cells[cells.indexOf(label) + n];
    expect(after('学生姓名')).toBe('刘小雨');
    expect(after('身份证号')).toBe('410527201106011226');
    expect(after('申请类别')).toBe('☐ 延缓入学　☑ 休学');
    expect(after('申请期限')).toBe('2026年12月1日至2027年6月30日');
    expect(after('申请情形')).toContain('☑ 经相关部门联合劝返三次以上（已联合劝返 4 次）');
    expect(after('监护人申请')).toBe('经多次劝返，本人子女仍拒不返校，特申请休学一年。');
    for (const [heading, text, signer, date] of [
      ['学校意见', '情况属实，同意上报。', '陈校长', '2026年11月26日'],
      ['县级教育行政部门核实意见', '经核实，符合办理条件。', '周股长', '2026年11月28日'],
      ['县级扶贫（乡村振兴）工作领导小组意见', '同意。', '吴主任', '2026年11月30日'],
    ]) {
      const i = cells.indexOf(heading);
      expect(i, heading).toBeGreaterThanOrEqual(0);
      expect(cells.slice(i, i + 6)).toEqual([heading, text, '负责人签名（盖章）', signer, '日期', date]);
    }
    const paras = paragraphTexts(xml);
    expect(paras[0]).toBe('内黄县义务教育阶段学生延缓入学/休学申请审批表');
    expect(paras.join('')).toContain(SEED_002_DEFERRAL_CONDITIONS);
    expect(paras.join('')).toContain('适龄儿童、少年因身体状况需要延缓入学或者休学的，其父母或者其他法定监护人应当提出申请');
  });

  it('HTML: blank opinions leave room to sign, and values are escaped', () => {
    const html = renderDeferralFormHtml(
      deferralForm({ leadingGroupOpinion: {}, guardian: { ...deferralForm().guardian, name: '<i>刘</i>' } }),
    );
    const cells = htmlCellTexts(html);
    const i = cells.indexOf('县级扶贫（乡村振兴）工作领导小组意见');
    expect(cells.slice(i + 1, i + 6)).toEqual(['', '负责人签名（盖章）', '', '日期', '\u3000\u3000年\u3000\u3000月\u3000\u3000日']);
    expect(html).toContain('&lt;i&gt;刘&lt;/i&gt;');
    expect(html).not.toContain('<i>');
  });
});
