import type { EnrollmentNoticeChild, EnrollmentNoticeData } from './document-data';
import { formatChineseDate } from './format';
import { fill, para, type DocSpec, type Page } from './layout';
import { LAW, quoteArticle, SEED_001_AFTER_DEADLINE } from './legal-texts';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';

export const ENROLLMENT_NOTICE_TITLE = '义务教育入学通知书';

/** Seed 001: 「在通知书中加入有关法律规定和违法追责说明」. */
export const ENROLLMENT_NOTICE_ARTICLES = [LAW.cel5, LAW.cel11, LAW.cel14, LAW.mpl16] as const;

function childPage(d: EnrollmentNoticeData, c: EnrollmentNoticeChild): Page {
  return [
    { kind: 'title', text: ENROLLMENT_NOTICE_TITLE },
    para([fill(c.guardianName), '：']),
    para(
      [
        '你的子女',
        fill(c.childName),
        `（${c.gender}，`,
        fill(formatChineseDate(c.birthDate)),
        '出生）已到接受义务教育的年龄。根据《中华人民共和国义务教育法》的规定，请你于',
        fill(formatChineseDate(c.reportFrom)),
        '至',
        fill(formatChineseDate(c.reportTo)),
        c.materials ? `，携带${c.materials}，` : '，',
        '送其到',
        fill(c.school),
        `报到，${d.term}入读`,
        fill(c.grade),
        '。',
        c.contact ? `联系电话：${c.contact}。` : '',
      ],
      { indent: true },
    ),
    { kind: 'heading', text: '一、有关法律规定' },
    ...ENROLLMENT_NOTICE_ARTICLES.map((a) => para([quoteArticle(a)], { indent: true, small: true })),
    { kind: 'heading', text: '二、违法追责说明' },
    para([`${quoteArticle(LAW.cel58)}${SEED_001_AFTER_DEADLINE}`], { indent: true, small: true }),
    para([`${d.issuer}（盖章）`], { align: 'right' }),
    para([formatChineseDate(d.issueDate)], { align: 'right' }),
  ];
}

/** One batch for many children: one page each. */
export function enrollmentNoticeSpec(d: EnrollmentNoticeData): DocSpec {
  if (d.children.length === 0) throw new Error('入学通知书：没有要打印的儿童');
  return {
    title: `${ENROLLMENT_NOTICE_TITLE}（${d.term}，${d.children.length}人）`,
    layout: 'notice',
    pages: d.children.map((c) => childPage(d, c)),
  };
}

export const renderEnrollmentNoticeDocx = (d: EnrollmentNoticeData): Promise<Buffer> => renderDocx(enrollmentNoticeSpec(d));
export const renderEnrollmentNoticeHtml = (d: EnrollmentNoticeData): string => renderHtml(enrollmentNoticeSpec(d));
