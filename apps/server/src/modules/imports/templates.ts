import ExcelJS from 'exceljs';
import { REGISTRY_KIND_LABELS } from '@notoneless/shared';
import { COLUMN_SPECS, type ColumnKey, type RegistryKind } from './formats/columns';

/** What each column means and how to fill it (the notes sheet of the downloadable templates, issue 3 item 7). */
const NOTES: Partial<Record<ColumnKey, string>> = {
  name: '必填。与户口簿、学籍一致；生僻字照写。',
  gender: '男 或 女；可空（由身份证号推出）。',
  birthDate: '如 2014-03-05、2014/3/5、20140305、2014年3月5日、2014.03.05 或 Excel 日期；可空（由身份证号推出）。',
  idNumber: '18 位公民身份号码（末位可为 X）；15 位旧号自动升为 18 位。校验位不对的行照常导入并提示。',
  idType: '1 居民身份证（默认）；6/7/8 港澳台；9 永久居住证；A 护照；Z 其他。非 1 类证件不做校验位检查。',
  schoolCode: '10 位学校标识码。学籍和在校名册必填。',
  schoolName: '学校全称（参考用）。',
  grade: '1–9 或 一年级…九年级、七年级、初一/初二/初三。',
  className: '如 1班、(2)班。',
  studentNo: '学籍号（通常为 G + 身份证号）。',
  status: '在读、休学、转出、毕业、辍学、死亡。',
  studyMode: '填“送教上门”表示送教上门学生；其他可空。',
  householdDivisionCode: '户籍地 12 位村级或 9 位乡镇区划代码。',
  divisionCode: '12 位村级或 9 位乡镇区划代码。',
  migrant: '是/否。随迁子女（户籍在外地、在本地就读）。',
  leftBehind: '是/否。',
  disabled: '是/否。',
  nation: '如 汉族。',
  address: '户籍地址。',
  guardianName: '监护人姓名。',
  guardianPhone: '11 位手机号或固定电话。',
  householdType: '脱贫户、监测户（脱贫不稳定户、边缘易致贫户、突发严重困难户）、低保户、特困供养。',
  headName: '户主姓名。',
  headIdNumber: '户主身份证号。',
  relation: '与户主关系，如 子、女、孙子。',
  disabilityCertNo: '残疾人证号。',
  disabilityCategory: '视力、听力、言语、肢体、智力、精神、多重。',
  disabilityGrade: '一级至四级。',
};

const EXAMPLE: Partial<Record<ColumnKey, string>> = {
  name: '张小明',
  gender: '男',
  birthDate: '2014-03-05',
  idNumber: '410182201403051230',
  idType: '1',
  schoolCode: '1410182001',
  schoolName: '荥阳市实验小学',
  grade: '六年级',
  className: '2班',
  studentNo: 'G410182201403051230',
  status: '在读',
  householdDivisionCode: '410182100201',
  divisionCode: '410182100201',
  migrant: '否',
  leftBehind: '是',
  disabled: '否',
  nation: '汉族',
  address: '荥阳市广武镇某村',
  guardianName: '张建国',
  guardianPhone: '13800000000',
  householdType: '脱贫户',
  headName: '张建国',
  headIdNumber: '410182198001011231',
  relation: '子',
  disabilityCertNo: '41018220140305123021',
  disabilityCategory: '肢体',
  disabilityGrade: '三级',
};

export async function buildTemplate(kind: RegistryKind): Promise<Buffer> {
  const specs = COLUMN_SPECS[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'NotOneLess 一个都不能少';
  const ws = wb.addWorksheet(`${REGISTRY_KIND_LABELS[kind].replace('/', '、')}`);
  ws.addRow(specs.map((s) => s.header)).font = { bold: true };
  ws.addRow(specs.map((s) => EXAMPLE[s.key] ?? ''));
  specs.forEach((s, i) => {
    ws.getColumn(i + 1).width = Math.max(12, s.header.length * 2 + 4);
    // IDs and codes as text so Excel keeps every digit
    ws.getColumn(i + 1).numFmt = '@';
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = wb.addWorksheet('填写说明');
  notes.addRow(['列名', '必需', '也可写作', '说明']).font = { bold: true };
  for (const s of specs)
    notes.addRow([s.header, s.requiredColumn || s.key === 'name' ? '是' : '否', s.aliases.join('、'), NOTES[s.key] ?? '']);
  notes.addRow([]);
  notes.addRow(['说明', '', '', '第一行为表头，列的顺序不限；第二行是示例，导入前请删除。CSV 可为 UTF-8 或 GBK/GB18030 编码。']);
  notes.getColumn(1).width = 16;
  notes.getColumn(2).width = 6;
  notes.getColumn(3).width = 30;
  notes.getColumn(4).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
