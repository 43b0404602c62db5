import {
  maskIdNumber,
  maskPhone,
  maskStudentNo,
  REGISTRY_KIND_LABELS,
  type RegistryKindName,
  type ChildDetail,
  type ChildListItem,
} from '@notoneless/shared';
import type { Actor } from '../../policies/actor';
import { childAbilities } from '../../policies/children.policy';
import type { identityHistory, keyGroupFlags, listChildren, registryMentions } from './children.repository';

type Row = Awaited<ReturnType<typeof listChildren>>['items'][number];

/** Lists and pages show IDs and phones masked; the full value only through reveal (audited). */
export function presentListItem(r: Row): ChildListItem {
  const c = r.child;
  return {
    id: c.id,
    name: c.name,
    gender: c.gender,
    birthDate: c.birthDate,
    idNumberMasked: maskIdNumber(c.idNumber ?? ''),
    studentNo: c.studentNo ? maskStudentNo(c.studentNo) : null,
    schoolId: c.schoolId,
    schoolName: r.schoolName,
    grade: c.grade,
    className: r.className,
    townshipName: r.townshipName,
    villageName: r.villageName,
    status: c.status,
    keyGroups: r.keyGroups ?? [],
  };
}

const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  birth_date: '出生日期',
  nation: '民族',
  household_address: '户籍地址',
  household_village_code: '户籍村（社区）',
  household_township_code: '户籍乡镇',
  guardian_name: '监护人',
  guardian_phone: '监护人电话',
  student_no: '学籍号',
  school_id: '学校',
  class_id: '班级',
  grade: '年级',
  status: '就读状态',
};
const maskField = (field: string, v: string | null) =>
  v === null
    ? null
    : field === 'guardian_phone'
      ? maskPhone(v)
      : field === 'student_no'
        ? maskStudentNo(v)
        : field === 'school_id' || field === 'class_id'
          ? '（已变更）'
          : v;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentDetail(
  a: Actor,
  r: Row,
  flags: Awaited<ReturnType<typeof keyGroupFlags>>,
  registries: Awaited<ReturnType<typeof registryMentions>> = [],
  history: Awaited<ReturnType<typeof identityHistory>> = [],
): ChildDetail {
  const c = r.child;
  return {
    ...presentListItem(r),
    nation: c.nation,
    householdAddress: c.householdAddress,
    householdVillageCode: c.householdVillageCode,
    classId: c.classId,
    guardianName: c.guardianName,
    guardianRelation: c.guardianRelation,
    guardianPhoneMasked: maskPhone(c.guardianPhone ?? ''),
    keyGroupFlags: flags.map((f) => ({
      group: f.group as ChildDetail['keyGroupFlags'][number]['group'],
      source: f.source,
      sourceLabel: f.sourceLabel,
    })),
    registries: registries.map((m) => ({
      ...m,
      kindLabel: REGISTRY_KIND_LABELS[m.kind as RegistryKindName] ?? m.kind,
      committedAt: iso(m.committedAt),
    })),
    identityHistory: history.map((h) => ({
      at: iso(h.at)!,
      field: h.field,
      fieldLabel: FIELD_LABELS[h.field] ?? h.field,
      oldValue: maskField(h.field, h.oldValue),
      newValue: maskField(h.field, h.newValue),
      sourceLabel: h.sourceLabel,
    })),
    abilities: childAbilities(a, c),
  };
}
