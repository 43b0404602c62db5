import type { ReturnNoticeData } from './document-data';
import { blankSpace, formatChineseDate } from './format';
import { fill, para, type DocSpec, type Page } from './layout';
import { SEED_000_RETURN_NOTICE_BASIS, SEED_000_RETURN_NOTICE_COPIES } from './legal-texts';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';

export const RETURN_NOTICE_TITLE = '辍学（疑似辍学）学生劝返通知书';

/** The two copies the seed asks for (「一式二份，学校、监护人各一份」), each on its own page. */
export const RETURN_NOTICE_COPIES = ['第一联 学校留存', '第二联 监护人留存'] as const;

function copy(d: ReturnNoticeData, copyLabel: string): Page {
  return [
    { kind: 'line', text: [copyLabel, d.serialNo ? `编号：${d.serialNo}` : ''].filter(Boolean).join('　'), align: 'right', small: true },
    { kind: 'title', text: RETURN_NOTICE_TITLE },
    para([fill(d.guardianName), '：']),
    para(
      [
        '你们的被监护人',
        fill(d.childName),
        '（',
        fill(`${d.school}${d.grade}`),
        '学生）于',
        fill(formatChineseDate(d.dropoutSince)),
        `${d.dropoutKind}，`,
        SEED_000_RETURN_NOTICE_BASIS,
        '，请你们在接到劝学通知书',
        fill(` ${d.returnWithinDays} `),
        '日内（即',
        fill(formatChineseDate(d.returnDeadline)),
        '前），送被监护人到',
        fill(d.school),
        '复学。',
      ],
      { indent: true },
    ),
    para(['特此通知。'], { indent: true }),
    para([SEED_000_RETURN_NOTICE_COPIES], { indent: true }),
    { kind: 'gap' },
    para(['发送单位（盖章）：', fill(d.issuer)], { align: 'left' }),
    para([formatChineseDate(d.issueDate)], { align: 'right' }),
    { kind: 'gap' },
    para(['监护人签名：', fill(blankSpace(8))], { align: 'left' }),
    para([formatChineseDate(undefined)], { align: 'right' }),
  ];
}

export function returnNoticeSpec(d: ReturnNoticeData): DocSpec {
  return { title: `${RETURN_NOTICE_TITLE}（${d.childName}）`, layout: 'notice', pages: RETURN_NOTICE_COPIES.map((c) => copy(d, c)) };
}

export const renderReturnNoticeDocx = (d: ReturnNoticeData): Promise<Buffer> => renderDocx(returnNoticeSpec(d));
export const renderReturnNoticeHtml = (d: ReturnNoticeData): string => renderHtml(returnNoticeSpec(d));
