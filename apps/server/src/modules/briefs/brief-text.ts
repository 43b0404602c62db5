/**
 * 《控辍保学简报》 text (issue 7, item 6; seed 003): pure — the service supplies the numbers and the case events.
 * A brief is sent outside the platform, so a child appears only as 张某某 (surname + 某), with township, grade and
 * gender; the story is told from the structured fields of the case events only (never their free text, which may
 * name people), and carries no ID number, address, school or date of birth.
 */
import { CASE_STATUS_LABELS, type BriefPreview, type CaseStatus } from '@notoneless/shared';
import type { Block, DocSpec } from '../documents/layout';
import { para } from '../documents/layout';
import { gradeLabel } from '../classes/grade';

/** Two-character surnames (复姓) common enough to matter; the rest keep their first character. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '闻人',
  '呼延',
  '赫连',
  '澹台',
  '万俟',
  '轩辕',
  '申屠',
  '钟离',
  '太史',
  '司空',
  '百里',
  '东郭',
];

/** 张三丰 → 张某某, 李四 → 李某, 欧阳娜娜 → 欧阳某某; the given name is replaced by as many 某 (at most 2). */
export function maskChildName(name: string): string {
  const n = name.replace(/\s+/g, '');
  if (!n) return '某某';
  const chars = [...n];
  const surname = COMPOUND_SURNAMES.find((s) => n.startsWith(s) && chars.length > 2) ?? chars[0];
  const rest = chars.length - [...surname].length;
  return `${surname}${'某'.repeat(Math.min(2, Math.max(1, rest)))}`;
}

export type StoryEvent = { type: string; occurredOn: string; toStatus?: string | null; data: Record<string, unknown> };
export type StoryCase = {
  childName: string;
  gender: string;
  grade: number | null;
  townshipName: string | null;
  status: string;
  source: string;
  reportedOn: string;
  dropoutKind: string | null;
  cause: string | null;
  events: StoryEvent[];
};

const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const ymd = (d: string) => `${d.slice(0, 4)}年${md(d)}`;
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const ENUM_RESULTS = new Set(['同意返校', '考虑中', '拒绝返校', '未见到人', '其他']);
const result = (v: unknown) => {
  const r = str(v);
  return r && ENUM_RESULTS.has(r) ? r : null;
};
const SOURCE_LABELS: Record<string, string> = {
  report: '学校报告未到校',
  attendance: '到校日报连续缺勤预警',
  finding: '户籍、学籍、扶贫数据比对发现',
  relapse: '复学后再次流失',
};
const DEPARTMENTS = new Set(['公安', '民政', '残联', '乡村振兴', '司法', '人社', '市场监管']);
const PLAN_KINDS = new Set(['原年级原班', '调整年级', '中职', '短期补习后随班', '单独编班', '送教上门']);
const NOT_DROPOUT = new Set(['转学', '休学', '请假', '外地就读', '死亡', '户籍迁出', '出国', '数据错误']);
const CAUSES = new Set(['学习困难', '厌学', '外出打工', '早婚早育', '信教', '家庭贫困', '疾病', '残疾', '家庭原因', '其他']);

/** One paragraph: who (masked), what happened, what was done, where it stands. */
export function caseStory(c: StoryCase): string {
  const who = [
    maskChildName(c.childName),
    c.gender || null,
    c.townshipName ? `${c.townshipName}` : null,
    c.grade ? `${gradeLabel(c.grade)}学生` : '适龄儿童',
  ]
    .filter(Boolean)
    .join('，');
  const openedConfirmed = c.events.some((e) => e.type === 'opened' && e.toStatus === 'confirmed');
  const steps: string[] = [
    `${ymd(c.reportedOn)}经${SOURCE_LABELS[c.source] ?? '报告'}${openedConfirmed ? `，核实认定为${c.dropoutKind === '失学' ? '失学' : '辍学'}` : '列为疑似辍学'}`,
  ];
  const counts = { home_visit: 0, contact: 0, follow_up: 0 };
  const events = [...c.events].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  for (const e of events) {
    const d = md(e.occurredOn);
    switch (e.type) {
      case 'verify': {
        const r = str(e.data.result);
        if (r === 'dropout') {
          const kind = str(e.data.dropoutKind) === '失学' ? '失学' : '辍学';
          const cause = str(e.data.cause);
          steps.push(`${d}核实认定为${kind}${cause && CAUSES.has(cause) ? `（主要原因：${cause}）` : ''}`);
        } else if (r === 'unreachable') steps.push(`${d}核实时无法联系，学校书面报告教育主管部门`);
        else if (r === 'not_dropout') {
          const reason = str(e.data.reason);
          steps.push(`${d}核实非辍学${reason && NOT_DROPOUT.has(reason) ? `（${reason}）` : ''}`);
        }
        break;
      }
      case 'home_visit':
        counts.home_visit++;
        break;
      case 'contact':
        counts.contact++;
        break;
      case 'follow_up':
        counts.follow_up++;
        break;
      case 'notice_delivered':
        steps.push(`${d}向监护人送达《劝返复学通知书》`);
        break;
      case 'admonition':
        steps.push(`${d}乡镇人民政府对监护人批评教育`);
        break;
      case 'correction_order':
        steps.push(`${d}下达《责令限期改正通知书》`);
        break;
      case 'joint_persuasion': {
        const r = result(e.data.result);
        steps.push(`${d}“四包一”工作组联合劝返${r ? `，${r}` : ''}`);
        break;
      }
      case 'referral': {
        const dep = str(e.data.department);
        if (dep && DEPARTMENTS.has(dep)) steps.push(`${d}转介${dep}部门协助`);
        break;
      }
      case 'home_teaching_start':
        steps.push(`${d}开始送教上门`);
        break;
      case 'return': {
        const plan = str(e.data.planKind);
        steps.push(`${d}复学${plan && PLAN_KINDS.has(plan) ? `（${plan}）` : ''}`);
        break;
      }
      case 'relapse':
        steps.push(`${d}再次流失，继续劝返`);
        break;
      case 'closure_confirm':
        steps.push(`${d}巩固期满，销号`);
        break;
      default:
        break;
    }
  }
  const tallies = [
    counts.home_visit ? `入户走访${counts.home_visit}次` : null,
    counts.contact ? `电话、微信等联系${counts.contact}次` : null,
    counts.follow_up ? `复学后回访${counts.follow_up}次` : null,
  ].filter(Boolean);
  const status = CASE_STATUS_LABELS[c.status as CaseStatus] ?? c.status;
  return `${who}。${steps.join('；')}${tallies.length ? `；其间${tallies.join('，')}` : ''}。目前状态：${status}。`;
}

/** The brief as a printed document: title block, 一 headline and changes, 二 indicators, 三 townships behind, 四 cases. */
export function briefSpec(p: BriefPreview, stories: string[], issuedOn: string): DocSpec {
  const blocks: Block[] = [
    { kind: 'title', text: '控辍保学简报' },
    { kind: 'line', text: `（${p.monthLabel}）`, align: 'center' },
    { kind: 'line', text: `${p.countyName}教育局　　　　　　　　　　${ymd(issuedOn)}`, align: 'center', small: true },
    { kind: 'gap' },
    { kind: 'heading', text: '一、本月基本情况' },
    para(
      [
        `截至${ymd(p.asOf)}，全${p.countyName.endsWith('市') ? '市' : '县'}${p.schools}所义务教育学校中${p.reported}所已上报${p.monthLabel.replace(/^\d+年/, '')}月报。`,
        p.headline
          .map(
            (h) =>
              `${h.label}${h.value}${h.change && h.change !== '持平' ? `（较上月${h.change}）` : h.change === '持平' ? '（与上月持平）' : ''}`,
          )
          .join('，') + '。',
      ],
      { indent: true },
    ),
    {
      kind: 'table',
      cols: [3, 2, 2, 2],
      rows: [
        {
          cells: [
            { text: '项目', label: true },
            { text: '本月', label: true },
            { text: '上月', label: true },
            { text: '变化', label: true },
          ],
        },
        ...p.headline.map((h) => ({
          cells: [
            { text: h.label },
            { text: h.value, align: 'center' as const },
            { text: h.previous ?? '—', align: 'center' as const },
            { text: h.change ?? '—', align: 'center' as const },
          ],
        })),
      ],
    },
    { kind: 'heading', text: '二、主要指标' },
    ...p.indicators.map((i) => para([`${i.label}：${i.value}${i.basis}。`], { indent: true })),
    { kind: 'heading', text: '三、工作滞后的乡镇' },
    ...(p.townshipsBehind.length
      ? p.townshipsBehind.map((t) => para([`${t.name}：${t.issues.join('；')}。`], { indent: true }))
      : [para(['本月各乡镇均按时上报月报，人籍差额均已说明原因，无逾期未办个案。'], { indent: true })]),
    { kind: 'heading', text: '四、典型案例' },
    ...(stories.length
      ? stories.map((s, i) => para([`${i + 1}. ${s}`], { indent: true }))
      : [para(['本期未选录典型案例。'], { indent: true })]),
    { kind: 'gap' },
    para(['报：县（市）人民政府，控辍保学工作领导小组'], { small: true }),
    para(['送：各乡（镇）人民政府，各中心校，各中小学校'], { small: true }),
  ];
  return { title: p.title, layout: 'notice', pages: [blocks] };
}
