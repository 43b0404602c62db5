import { describe, expect, it } from 'vitest';
import type { BriefPreview } from '@notoneless/shared';
import { renderDocx } from '../documents/render-docx';
import { docxPart, paragraphTexts, textOf } from '../documents/test-support';
import { briefSpec, caseStory, maskChildName, type StoryCase } from './brief-text';

// Issue 7 item 6: a brief is sent outside the platform — a child appears as 张某某, never by full name or ID.

describe('maskChildName', () => {
  it.each([
    ['张三丰', '张某某'],
    ['李四', '李某'],
    ['欧阳娜娜', '欧阳某某'],
    ['欧阳', '欧某'],
    ['司马光', '司马某'],
    ['王', '王某'],
    [' 赵 小 明 ', '赵某某'],
    ['', '某某'],
    ['阿卜杜拉·买买提', '阿某某'],
  ])('%s → %s', (name, masked) => expect(maskChildName(name)).toBe(masked));
});

const base: StoryCase = {
  childName: '张三丰',
  gender: '男',
  grade: 7,
  townshipName: '须水镇',
  status: 'returned',
  source: 'attendance',
  reportedOn: '2026-09-07',
  dropoutKind: '辍学',
  cause: '厌学',
  events: [
    { type: 'opened', occurredOn: '2026-09-07', data: { text: '张三丰连续三天未到校' } },
    { type: 'verify', occurredOn: '2026-09-09', data: { result: 'dropout', dropoutKind: '辍学', cause: '厌学', text: '家长张大山说…' } },
    { type: 'home_visit', occurredOn: '2026-09-10', data: { result: '拒绝返校', metWith: '父亲 张大山', text: '…' } },
    { type: 'home_visit', occurredOn: '2026-09-12', data: { result: '考虑中', text: '…' } },
    { type: 'notice_delivered', occurredOn: '2026-09-13', data: { deliveredTo: '张大山' } },
    { type: 'joint_persuasion', occurredOn: '2026-09-20', data: { result: '同意返校', participants: '王乡长、李村支书' } },
    { type: 'referral', occurredOn: '2026-09-21', data: { department: '民政', subject: '给张家办低保' } },
    { type: 'return', occurredOn: '2026-09-25', data: { planKind: '原年级原班', text: '张三丰回到七(2)班' } },
    { type: 'follow_up', occurredOn: '2026-10-10', data: { channel: '在校', text: '…' } },
  ],
};

describe('caseStory', () => {
  it('tells the case from structured fields, in date order, with the name masked', () => {
    const s = caseStory(base);
    expect(s).toBe(
      '张某某，男，须水镇，七年级学生。2026年9月7日经到校日报连续缺勤预警列为疑似辍学；9月9日核实认定为辍学（主要原因：厌学）；' +
        '9月13日向监护人送达《劝返复学通知书》；9月20日“四包一”工作组联合劝返，同意返校；9月21日转介民政部门协助；9月25日复学（原年级原班）；' +
        '其间入户走访2次，复学后回访1次。目前状态：已复学·巩固跟踪。',
    );
  });
  it('never copies free text (which may name the child, the guardian or officials)', () => {
    const s = caseStory(base);
    for (const leak of ['张三丰', '张大山', '王乡长', '低保', '七(2)班']) expect(s).not.toContain(leak);
  });
  it('ignores values outside the known enumerations', () => {
    const s = caseStory({
      ...base,
      events: [
        { type: 'verify', occurredOn: '2026-09-09', data: { result: 'not_dropout', reason: '张三丰去了郑州' } },
        { type: 'joint_persuasion', occurredOn: '2026-09-10', data: { result: '见到张三丰' } },
        { type: 'referral', occurredOn: '2026-09-11', data: { department: '张家' } },
      ],
    });
    expect(s).toContain('9月9日核实非辍学；9月10日“四包一”工作组联合劝返。目前状态');
    expect(s).not.toContain('张三丰');
    expect(s).not.toContain('张家');
  });
  it('a child with no grade is an 适龄儿童', () => {
    expect(caseStory({ ...base, grade: null, townshipName: null, events: [] })).toMatch(/^张某某，男，适龄儿童。/);
  });
});

const preview: BriefPreview = {
  month: '2026-10',
  monthLabel: '2026年10月',
  title: '荥阳市控辍保学简报（2026年10月）',
  countyName: '荥阳市',
  asOf: '2026-10-30',
  schools: 40,
  reported: 38,
  headline: [
    { key: 'enrolled', label: '在籍学生', value: '20,123人', previous: '20,140人', change: '−17' },
    { key: 'newSuspected', label: '新增疑似辍学', value: '5人', previous: '5人', change: '持平' },
  ],
  townshipsBehind: [{ name: '须水镇', issues: ['2所学校逾期未报月报', '逾期未办个案3件'] }],
  indicators: [
    { key: 'dropout', label: '2026—2027学年辍学率', value: '0.025%', basis: '（学年内认定辍学5人 ÷ 2026年9月在籍学生20,150人）' },
  ],
};

describe('briefSpec → DOCX', () => {
  it('renders the title, the headline with changes, the indicators, the townships behind and the cases', async () => {
    const buf = await renderDocx(briefSpec(preview, [caseStory(base)], '2026-11-03'));
    const xml = await docxPart(buf);
    const text = textOf(xml);
    expect(text).toContain('控辍保学简报');
    expect(text).toContain('（2026年10月）');
    expect(text).toContain('2026年11月3日');
    expect(text).toContain('截至2026年10月30日，全市40所义务教育学校中38所已上报10月月报。');
    expect(text).toContain('在籍学生20,123人（较上月−17），新增疑似辍学5人（与上月持平）。');
    expect(text).toContain('2026—2027学年辍学率：0.025%（学年内认定辍学5人 ÷ 2026年9月在籍学生20,150人）。');
    expect(text).toContain('须水镇：2所学校逾期未报月报；逾期未办个案3件。');
    expect(text).toContain('1. 张某某，男，须水镇，七年级学生。');
    expect(text).not.toContain('张三丰');
    expect(paragraphTexts(xml)).toContain('一、本月基本情况');
  });
  it('says so when no township is behind and no case was picked', async () => {
    const text = textOf(await docxPart(await renderDocx(briefSpec({ ...preview, townshipsBehind: [] }, [], '2026-11-03'))));
    expect(text).toContain('本月各乡镇均按时上报月报');
    expect(text).toContain('本期未选录典型案例。');
  });
});

describe('caseStory of a case opened as a confirmed dropout (春季摸排)', () => {
  it('says it was confirmed at once', () => {
    const s = caseStory({
      ...base,
      source: 'report',
      events: [{ type: 'opened', occurredOn: '2026-09-07', toStatus: 'confirmed', data: {} }],
    });
    expect(s).toContain('2026年9月7日经学校报告未到校，核实认定为辍学。目前状态');
  });
});
