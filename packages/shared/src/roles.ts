/** Roles, scopes and approval rights: the words every part of the platform uses (domain.md, "Who uses the platform"). */

export const ROLES = [
  'county_admin',
  'county_leader',
  'unit_admin',
  'school_admin',
  'head_teacher',
  'township_official',
  'village_official',
  'dept_liaison',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  county_admin: '县级管理员',
  county_leader: '县级领导',
  unit_admin: '中心校管理员',
  school_admin: '学校管理员/校长',
  head_teacher: '班主任',
  township_official: '乡镇干部',
  village_official: '村干部',
  dept_liaison: '部门联络员',
};

export const SCOPE_KINDS = ['county', 'unit', 'township', 'school', 'class', 'village', 'department'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export const SCOPE_KIND_LABELS: Record<ScopeKind, string> = {
  county: '全县',
  unit: '管理单位',
  township: '乡镇',
  school: '学校',
  class: '班级',
  village: '村（社区）',
  department: '部门',
};

/** Which scope kind each role is granted on. */
export const ROLE_SCOPE_KIND: Record<Role, ScopeKind> = {
  county_admin: 'county',
  county_leader: 'county',
  unit_admin: 'unit',
  school_admin: 'school',
  head_teacher: 'class',
  township_official: 'township',
  village_official: 'village',
  dept_liaison: 'department',
};

export const DEPARTMENTS = ['公安', '民政', '残联', '乡村振兴', '司法', '人社', '市场监管'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Approval rights are granted separately from roles (issue 2, item 4). */
export const APPROVAL_RIGHTS = [
  'deferral_verify',
  'deferral_agree',
  'case_closure_confirm',
  'leave_principal',
  'leave_unit_filing',
  'leave_county_filing',
] as const;
export type ApprovalRight = (typeof APPROVAL_RIGHTS)[number];

export const APPROVAL_RIGHT_LABELS: Record<ApprovalRight, string> = {
  deferral_verify: '延缓入学/休学：县教育局核实',
  deferral_agree: '延缓入学/休学：县乡村振兴领导小组同意',
  case_closure_confirm: '销号确认（中心校）',
  leave_principal: '请假审批（3天以上，校长）',
  leave_unit_filing: '请假备案（中心校）',
  leave_county_filing: '请假备案（县基础教育股）',
};

export const KEY_GROUPS = [
  '脱贫户',
  '监测户',
  '低保',
  '特困',
  '残疾',
  '留守',
  '随迁',
  '返乡',
  '单亲',
  '重组家庭',
  '困境儿童',
  '孤儿',
  '事实无人抚养',
  '服刑人员子女',
  '学困生',
  '心理问题',
] as const;
export type KeyGroup = (typeof KEY_GROUPS)[number];

export const SCHOOL_TYPES = ['小学', '初中', '九年一贯制', '完全中学', '特殊教育学校', '教学点'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const UNIT_KINDS = ['bureau', 'central_school', 'district_centre'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  bureau: '县教育局（局直）',
  central_school: '乡镇中心校',
  district_centre: '片区管理中心',
};

export const DIVISION_LEVELS = ['county', 'township', 'village'] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];
export const DIVISION_LEVEL_LABELS: Record<DivisionLevel, string> = {
  county: '县（市、区）',
  township: '乡镇（街道）',
  village: '村（社区）',
};
