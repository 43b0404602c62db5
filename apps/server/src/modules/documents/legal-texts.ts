/**
 * The law and seed sentences the documents quote. Law texts: 《中华人民共和国义务教育法》(2018 年修正) and
 * 《中华人民共和国未成年人保护法》(2020 年修订); seed sentences verbatim from /work/shared/seeds (000, 001, 002, 004).
 */
export type LawArticle = { law: string; article: string; text: string };

export const COMPULSORY_EDUCATION_LAW = '《中华人民共和国义务教育法》';
export const MINORS_PROTECTION_LAW = '《中华人民共和国未成年人保护法》';

const cel = (article: string, text: string): LawArticle => ({ law: COMPULSORY_EDUCATION_LAW, article, text });
const mpl = (article: string, text: string): LawArticle => ({ law: MINORS_PROTECTION_LAW, article, text });

export const LAW = {
  cel5: cel('第五条第二款', '适龄儿童、少年的父母或者其他法定监护人应当依法保证其按时入学接受并完成义务教育。'),
  cel11: cel(
    '第十一条',
    '凡年满六周岁的儿童，其父母或者其他法定监护人应当送其入学接受并完成义务教育；条件不具备的地区的儿童，可以推迟到七周岁。适龄儿童、少年因身体状况需要延缓入学或者休学的，其父母或者其他法定监护人应当提出申请，由当地乡镇人民政府或者县级人民政府教育行政部门批准。',
  ),
  cel14: cel('第十四条第一款', '禁止用人单位招用应当接受义务教育的适龄儿童、少年。'),
  cel58: cel(
    '第五十八条',
    '适龄儿童、少年的父母或者其他法定监护人无正当理由未依照本法规定送适龄儿童、少年入学接受义务教育的，由当地乡镇人民政府或者县级人民政府教育行政部门给予批评教育，责令限期改正。',
  ),
  mpl16: mpl(
    '第十六条第（五）项',
    '未成年人的父母或者其他监护人应当履行下列监护职责：……（五）尊重未成年人受教育的权利，保障适龄未成年人依法接受并完成义务教育。',
  ),
  mpl83: mpl('第八十三条第二款', '对尚未完成义务教育的辍学未成年学生，教育行政部门应当责令父母或者其他监护人将其送入学校接受义务教育。'),
} as const;

/** 「《中华人民共和国义务教育法》第五条第二款：适龄儿童……」 */
export function quoteArticle(a: LawArticle): string {
  return `${a.law}${a.article}：${a.text}`;
}

/** Seed 000, 附件1: the two provisions the 劝返通知书 quotes (its own wording of 义务教育法 第五条、十一条). */
export const SEED_000_RETURN_NOTICE_BASIS =
  '按照《中华人民共和国义务教育法》第五条、十一条“适龄儿童、少年的父母或者其他法定监护人应当依法保证其按时入学完成义务教育”和“父母或者其他法定监护人应当送其入学并完成义务教育”的规定';

/** Seed 000, 附件1. */
export const SEED_000_RETURN_NOTICE_COPIES = '（此通知书一式二份，学校、监护人各一份）。';

/** Seed 000, 附件2: the note under the tracking form, verbatim. */
export const SEED_000_TRACKING_FORM_NOTE =
  '备注：1、本表一式四份。一份向学生户籍所在地政府报告，由乡镇存档；一份报教体局，一份上报中心校，另一份学校留存。2、控辍保学家访图片、谈话等文字资料可附后。';

/** Seed 001, 五（二）: what follows when the deadline passes. */
export const SEED_001_AFTER_DEADLINE =
  '逾期不改的，由司法部门依法发放相关司法文书，督促其保证辍学学生尽早复学，情节严重或构成犯罪的，依法追究法律责任。';

/** Seed 002, 一: the conditions of a deferral or suspension for a child who refuses to return. */
export const SEED_002_DEFERRAL_CONDITIONS =
  '对于少数经相关部门联合劝返三次以上或经司法部门判决裁定、监护人已履行相应法定义务、但学生本人拒不返校的辍学学生，由其所在学校指导督促其父母或者其他法定监护人提出申请，经县级教育行政部门核实、县级扶贫（乡村振兴）工作领导小组同意后，办理延缓入学或休学手续，建立档案并继续做好劝返复学工作。';

/** Seed 002, 一: health reasons. */
export const SEED_002_HEALTH = '属于身体原因不具备学习条件的，可以办理延缓入学或休学。';

/** Seed 004, 四（二）: the 复学方案 rules, verbatim. */
export const SEED_004_RETURN_PLAN_RULES = [
  '一是辍学一年以内的，原则上进入原来的年级及班级就读。辍学一年以上且年龄较大不愿在原年级就读的劝返学生，可根据实际情况和本人意愿适当调整年级完成义务教育学习任务并参加初中学业水平考试获得初中毕业证，或到中职学校接受教育。',
  '二是辍学时间较长的，可短期单独辅导后编入原班级，也可以集中单独编班。',
  '三是重度残疾等特殊群体，因身体原因无法随班就读和到特教学校就读的劝返复学学生，由责任学校或责任学校对接原就读学校开展送教上门。',
] as const;
