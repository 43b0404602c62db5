/** The header rows the generator writes: the canonical headers of formats.md, or accepted aliases in another order. */
import type { RegistryFileKind } from './types';

export const HEADERS: Record<'canonical' | 'aliases', Record<RegistryFileKind, readonly string[]>> = {
  canonical: {
    hukou: ['姓名', '性别', '出生日期', '公民身份号码', '民族', '户籍地址', '户籍地区划代码', '监护人姓名', '监护人电话'],
    xueji: [
      '学籍号',
      '姓名',
      '性别',
      '出生日期',
      '身份证件号',
      '学校标识码',
      '学校名称',
      '年级',
      '班级',
      '学籍状态',
      '身份证件类型',
      '就读方式',
      '户籍地区划代码',
      '随迁子女',
      '留守儿童',
      '残疾',
    ],
    roster: ['学校标识码', '年级', '班级', '姓名', '身份证件号', '学籍号', '身份证件类型'],
    poverty: ['姓名', '公民身份号码', '户类型', '户主姓名', '户主身份证号', '与户主关系', '区划代码'],
    disability: ['姓名', '公民身份号码', '残疾证号', '残疾类别', '残疾等级'],
  },
  // Same columns and order (the rows do not change), other accepted spellings of the headers.
  aliases: {
    hukou: ['姓名', '性别', '出生年月日', '身份证号', '民族', '住址', '区划代码', '监护人', '联系电话'],
    xueji: [
      '全国学籍号',
      '学生姓名',
      '性别',
      '出生日期',
      '身份证号码',
      '学校代码',
      '学校',
      '所在年级',
      '班级名称',
      '学生状态',
      '证件类型',
      '就读方式',
      '户口所在地区划代码',
      '是否随迁子女',
      '是否留守儿童',
      '是否残疾',
    ],
    roster: ['学校代码', '年级', '班级', '学生姓名', '证件号码', '学籍号', '证件类型'],
    poverty: ['姓名', '证件号码', '户类别', '户主', '户主公民身份号码', '与户主的关系', '行政区划代码'],
    disability: ['姓名', '身份证号', '残疾人证号', '残疾类型', '残疾级别'],
  },
};
