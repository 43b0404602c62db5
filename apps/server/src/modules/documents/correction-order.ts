import type { CorrectionOrderData } from './document-data';
import { blankSpace, formatChineseDate } from './format';
import { fill, para, type Block, type DocSpec } from './layout';
import { COMPULSORY_EDUCATION_LAW, LAW, MINORS_PROTECTION_LAW, quoteArticle, SEED_001_AFTER_DEADLINE } from './legal-texts';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';

export const CORRECTION_ORDER_TITLE = '责令限期改正通知书';

/** The provisions the order rests on: the guardians' duty (义务教育法 5, 11; 未成年人保护法 16, 83) and the measure (58). */
export const CORRECTION_ORDER_ARTICLES = [LAW.cel5, LAW.cel11, LAW.cel58, LAW.mpl16, LAW.mpl83] as const;

export function correctionOrderSpec(d: CorrectionOrderData): DocSpec {
  const c = d.child;
  const blocks: Block[] = [
    { kind: 'title', text: CORRECTION_ORDER_TITLE },
    ...(d.docNo ? [{ kind: 'line', text: d.docNo, align: 'center' } as const] : []),
    para([fill(d.guardianName), '：']),
    para(
      [
        '经查，你（们）的子女',
        fill(c.name),
        `（${c.gender}，公民身份号码：`,
        fill(c.idNumber),
        '）系',
        fill(`${c.school}${c.grade}`),
        '学生，自',
        fill(formatChineseDate(d.dropoutSince)),
        '起未到校就读。',
        d.facts,
      ],
      { indent: true },
    ),
    para(
      [
        `你（们）无正当理由未送适龄子女接受义务教育，违反了${COMPULSORY_EDUCATION_LAW}第五条第二款、第十一条和${MINORS_PROTECTION_LAW}第十六条第（五）项的规定。依据${COMPULSORY_EDUCATION_LAW}第五十八条的规定，本机关现对你（们）予以批评教育，并责令你（们）于`,
        fill(formatChineseDate(d.deadline)),
        '前送',
        fill(c.name),
        '到',
        fill(c.school),
        '复学，保证其接受并完成义务教育。',
      ],
      { indent: true },
    ),
    para([SEED_001_AFTER_DEADLINE], { indent: true }),
    para(['特此通知。'], { indent: true }),
    ...(d.contact ? [para([`联系人及电话：${d.contact}`], { indent: true })] : []),
    { kind: 'gap' },
    para([`${d.township}（盖章）`], { align: 'right' }),
    para([formatChineseDate(d.issueDate)], { align: 'right' }),
    { kind: 'gap' },
    para(['监护人签收：', fill(blankSpace(8)), '　', formatChineseDate(undefined)], { align: 'left' }),
    { kind: 'gap' },
    { kind: 'heading', text: '附：有关法律规定' },
    ...CORRECTION_ORDER_ARTICLES.map((a) => para([quoteArticle(a)], { indent: true, small: true })),
  ];
  return { title: `${CORRECTION_ORDER_TITLE}（${c.name}）`, layout: 'notice', pages: [blocks] };
}

export const renderCorrectionOrderDocx = (d: CorrectionOrderData): Promise<Buffer> => renderDocx(correctionOrderSpec(d));
export const renderCorrectionOrderHtml = (d: CorrectionOrderData): string => renderHtml(correctionOrderSpec(d));
