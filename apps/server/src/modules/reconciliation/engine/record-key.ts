/**
 * Stable record keys: how a person's merge/split decision names a registry record so that later runs, on later imports
 * of the same files, find it again (row numbers and snapshot ids change; these do not while the data agree):
 *   id:<ID number>                            a valid 居民身份证 number (every record with it: one child by rule 1)
 *   id:<number as written>|<name>             an invalid number or another document, with the name (placeholders
 *                                             like 000000000000000000 are shared by many children)
 *   xh:<学籍号>                                no ID number, a 学籍号 (学籍 and 名册)
 *   roster:<学校标识码>|<年级>|<班级>|<姓名>    a roster row with neither (xueji:… for a 学籍 row with neither)
 *   <kind>:<姓名>|<出生日期>                    any other record with neither
 * Names without spaces or dots (nameKey), classes as classKey writes them (3班 = (3)班 = 三班).
 */
import type { AllRecords } from './all-records';
import { classKey } from './class-key';
import { nameKey } from './names';
import { ID_VALID, intToDate, studentNoText } from './table';
import type { RegistryKind } from './types';

export type KeyFields = {
  kind: RegistryKind;
  name: string;
  /** normalised ID number ('' none) */
  idNumber: string;
  /** a valid 居民身份证 number (checked against GB 11643 and passing) */
  idValid: boolean;
  studentNo: string;
  schoolCode: string;
  grade: number | null;
  className: string;
  birthDate: string | null;
};

export function recordKey(r: KeyFields): string {
  const name = nameKey(r.name);
  if (r.idNumber) return r.idValid ? `id:${r.idNumber}` : `id:${r.idNumber}|${name}`;
  if (r.studentNo && (r.kind === 'xueji' || r.kind === 'roster')) return `xh:${r.studentNo}`;
  if (r.schoolCode && (r.kind === 'xueji' || r.kind === 'roster')) {
    return `${r.kind}:${r.schoolCode}|${r.grade && r.grade > 0 ? r.grade : ''}|${classKey(r.className)}|${name}`;
  }
  return `${r.kind}:${name}|${r.birthDate ?? ''}`;
}

/** A key names one record at most when it is a roster/学籍 class key or a name + birth key (a merge needs exactly one). */
export const keyIsById = (key: string): boolean => key.startsWith('id:') || key.startsWith('xh:');

/** The key of the engine's record g. */
export function recordKeyOf(all: AllRecords, g: number): string {
  const t = all.table(g);
  const i = all.local(g);
  const kind = all.kind(g);
  return recordKey({
    kind,
    name: all.name[g],
    idNumber: all.idOf(g),
    idValid: all.idState[g] === ID_VALID,
    studentNo: studentNoText(t, i),
    schoolCode: all.text(g, 'school'),
    grade: t.grade.length > 0 ? t.grade[i] : null,
    className: all.text(g, 'className'),
    birthDate: intToDate(all.birth[g]) || null,
  });
}
