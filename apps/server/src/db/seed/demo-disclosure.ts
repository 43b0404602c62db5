import { shanghaiToday, type DisclosureContent } from '@notoneless/shared';
import type { DbOrTx } from '../client';
import { upsertDisclosure } from '../../modules/disclosure/disclosure.repository';
import { demoSchoolYear, schoolYearLabel } from './demo-year';

/**
 * The demo county's published 信息公开 page for the school year y (e.g. 2026 → 2026—2027; seed 001 六(三)): the year's tasks, the measures of the seeds
 * (双线核查/双线三包, 四包一, 一生一表一档案, 三本台账, 送教上门), the responsible bodies with their duties, and the contacts.
 * The telephone numbers are demo numbers, except 12345 (the national 政务服务便民热线).
 */
export const demoDisclosure = (y: number): DisclosureContent => ({
  title: `荥阳市${schoolYearLabel(y)}义务教育控辍保学工作信息公开`,
  intro:
    '依据《中华人民共和国义务教育法》和县（市）控辍保学工作要求，现将本学年控辍保学年度任务、工作做法、责任主体和联系方式向社会公开，接受社会监督。下列数字为全市汇总数，不含任何学生个人信息；村级数字小于5的以“<5”显示。',
  tasks: [
    '确保义务教育阶段适龄儿童少年零辍学，九年义务教育巩固率保持100%。',
    '每学期开学后一周内，对未报到学生登记造册并逐一核实原因，疑似辍学学生全部纳入台账管理。',
    '已辍学学生“劝返一个、销号一个”，复学后持续跟踪巩固，防止反复辍学。',
    '以建档立卡脱贫户、监测户、残疾、留守、流动儿童为重点，保障不让一个学生因家庭困难而失学辍学。',
    '每月汇总学校控辍保学动态数据，按月编印《控辍保学简报》。',
  ],
  measures: [
    {
      title: '双线核查、双线三包',
      text: '政府和教育部门两条线同步核查适龄儿童少年就读情况：乡镇依据户籍、扶贫数据以行政村为单位摸排造册，学校依据学籍逐一核实在籍不在校学生；教育局领导班子包片、股室负责人包乡镇、校长包校、教师包学生，一级抓一级。',
    },
    {
      title: '四包一联合劝返',
      text: '对每名辍学学生，由乡（镇）干部、驻村工作人员、村干部、帮扶人四人包一人开展劝返；经劝返仍不返校的，学校书面报告教育主管部门，由乡镇人民政府批评教育、责令限期改正，必要时由司法部门依法督促。',
    },
    {
      title: '一生一表一档案',
      text: '疑似辍学学生建立“一生一表”工作档案，记录核实、家访、劝返通知书送达、复学和跟踪情况，做到数字准确、去向清楚、手续完备。',
    },
    {
      title: '三本台账动态管理',
      text: '建立适龄儿童台账、疑似辍学学生台账、辍学学生台账，户籍、学籍、扶贫数据每月比对，确保人账相符、账账相符。',
    },
    {
      title: '送教上门与帮扶',
      text: '对不能到校就读的重度残疾儿童少年按“一人一案”送教上门并纳入学籍管理；对学习困难学生建立帮扶制度，对家庭经济困难学生落实资助政策。',
    },
  ],
  bodies: [
    {
      name: '市控辍保学工作领导小组',
      duty: '统筹全市控辍保学工作，建立约谈、通报、督导检查结果公告和责任追究制度。',
      contact: '领导小组办公室设在市教育局',
    },
    { name: '市教育局', duty: '牵头单位：动态监测、台账管理、劝返复学指导、按月汇总数据和编印简报。', contact: '控辍保学监督电话（见下）' },
    {
      name: '各乡（镇）人民政府',
      duty: '属地责任：以行政村为单位摸排适龄人口，组织“四包一”劝返，督促监护人送子女入学。',
      contact: '各乡（镇）政府办公室',
    },
    { name: '市公安局', duty: '协助核查户籍信息，督促无身份证号儿童少年办理入户手续。', contact: '各派出所户籍窗口' },
    {
      name: '市民政局、市残联',
      duty: '将符合条件的家庭经济困难学生纳入社会救助；共同核查未入学适龄残疾儿童少年。',
      contact: '各乡（镇）民政所、残联',
    },
    { name: '市司法局', duty: '开展控辍保学法治宣传和法律援助，依法督促监护人履行送子女入学义务。', contact: '各乡（镇）司法所' },
    { name: '各中小学校', duty: '落实学籍管理、到校日报、请销假和家访制度，发现疑似辍学当日报告。', contact: '各学校办公室' },
  ],
  contacts: [
    { label: '市教育局控辍保学监督电话（演示号码）', phone: '0371-6466 0000', hours: '工作日 8:30—17:30' },
    { label: '政务服务便民热线', phone: '12345', hours: '全天' },
  ],
  supervision:
    '任何组织或个人发现适龄儿童少年失学辍学，或违法招用未成年人的，可以通过以上电话反映。我们将及时核实处理，并对反映人的信息保密。',
});

/** The page of the school year of `now`, published. */
export async function seedDemoDisclosure(tx: DbOrTx, countyCode: string, now: Date): Promise<void> {
  const y = demoSchoolYear(shanghaiToday(now));
  const content = demoDisclosure(y);
  await upsertDisclosure(tx, {
    countyCode,
    year: `${y}-${y + 1}`,
    content: { draft: content, published: content },
    published: 'published',
    publishedAt: now,
    by: null,
    now,
  });
}
