/** Public types of the synthetic-county generator. */

export type SynthOptions = {
  seed?: number;
  /** 6-digit area code of the county; default '410182'. */
  countyCode?: string;
  /** Default '荥阳市'. */
  countyName?: string;
  /** Number of children generateChildren yields; also sizes the schools. Default 20000. */
  children?: number;
  /** Default 14. */
  townships?: number;
  /** Average villages/communities per township; default 18 (~250 in total). */
  villagesPerTownship?: number;
  /** 'YYYY-MM-DD'; picks the school year (formats.md). Default '2026-10-15'. */
  asOf?: string;
};

export type DivisionLevel = 'county' | 'township' | 'village';

export type SynthDivision = { code: string; level: DivisionLevel; parentCode: string | null; name: string };

export type UnitKind = 'bureau' | 'central_school' | 'district_centre';

export type SynthUnit = {
  /** Stable text key like 'unit-410182-001'. */
  id: string;
  kind: UnitKind;
  name: string;
  townshipCode: string | null;
};

export type SchoolType = '小学' | '初中' | '九年一贯制' | '完全中学' | '特殊教育学校' | '教学点';

export type SynthSchool = {
  /** 10-digit 学校标识码 starting with '1'. */
  code: string;
  name: string;
  type: SchoolType;
  townshipCode: string;
  villageCode: string | null;
  unitId: string;
  /** Which of grades 1..9 it teaches. */
  grades: number[];
};

export type SynthTeacher = { key: string; name: string; phone: string; schoolCode: string };

export type SynthClass = {
  key: string;
  schoolCode: string;
  /** e.g. 2026 = school year 2026-2027. */
  schoolYear: number;
  grade: number;
  /** '1班' */
  name: string;
  headTeacherKey: string;
};

export type KeyGroup = '脱贫户' | '监测户' | '低保' | '特困' | '留守' | '随迁' | '残疾' | '单亲' | '孤儿' | '事实无人抚养';

export type GuardianRelation = '父亲' | '母亲' | '祖父' | '祖母' | '外祖父' | '外祖母' | '其他';

export type ChildStatus = '在读' | '休学' | '送教上门' | '未入学' | '辍学';

export type SynthChild = {
  key: string;
  name: string;
  gender: '男' | '女';
  /** YYYY-MM-DD */
  birthDate: string;
  /** Valid GB 11643 number; area code = the county's, except 随迁 children (another area's). */
  idNumber: string;
  nation: string;
  /** null for 随迁 children registered elsewhere. */
  householdVillageCode: string | null;
  householdAddress: string;
  guardianName: string;
  guardianRelation: GuardianRelation;
  guardianPhone: string;
  /** null only for 未入学. 辍学 and 休学 keep the school, class and grade of their 学籍. */
  schoolCode: string | null;
  classKey: string | null;
  grade: number | null;
  /** 'G' + idNumber when the child has a 学籍. */
  studentNo: string | null;
  status: ChildStatus;
  keyGroups: KeyGroup[];
};

export type SynthCounty = {
  county: SynthDivision;
  divisions: SynthDivision[];
  units: SynthUnit[];
  schools: SynthSchool[];
  teachers: SynthTeacher[];
  classes: SynthClass[];
};
