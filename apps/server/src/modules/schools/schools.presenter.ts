import type { School, SchoolType } from '@notoneless/shared';
import type { Actor } from '../../policies/actor';
import { schoolAbilities } from '../../policies/org.policy';
import type { SchoolRow } from './schools.repository';

export function presentSchool(r: SchoolRow): School {
  const s = r.school;
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    type: s.type as SchoolType,
    townshipCode: s.townshipCode,
    townshipName: r.townshipName ?? s.townshipCode,
    villageCode: s.villageCode,
    unitId: s.unitId,
    unitName: r.unitName ?? '',
    active: s.active,
    classCount: r.classCount,
    studentCount: r.studentCount,
  };
}

/** One school, with what the actor may do with it (style.md 5). */
export function presentSchoolDetail(a: Actor, r: SchoolRow) {
  return { ...presentSchool(r), abilities: schoolAbilities(a, r.school.id) };
}
