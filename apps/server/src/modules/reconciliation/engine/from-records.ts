/**
 * Importer records (formats/records.ts, as the platform stores them per snapshot) → the engine's tables.
 * The reading fast path uses `putRecord` too for every row it hands to the reference normalizeRow.
 */
import type { RegistryRecord } from '../../imports/formats/records';
import {
  dateToInt,
  HOUSEHOLD_CODES,
  ID_INVALID,
  ID_NONE,
  ID_OTHER,
  ID_VALID,
  STATUS_CODES,
  TableBuilder,
  usesColumn,
  type IdState,
  type RecordTable,
} from './table';
import type { RegistryKind } from './types';
import { idKeyOf } from './id-key';

const pool = (b: TableBuilder, s: string): number => (s === '' ? -1 : b.intern(s));

export function idStateOf(r: { idNumber: string; idChecked: boolean; idValid: boolean }): IdState {
  if (r.idNumber === '') return ID_NONE;
  if (!r.idChecked) return ID_OTHER;
  return r.idValid ? ID_VALID : ID_INVALID;
}

/** Append one importer record to a table being built. */
export function putRecord(b: TableBuilder, r: RegistryRecord): void {
  const i = b.add();
  const t = b.t;
  t.row[i] = r.row;
  t.name[i] = r.name;
  t.gender[i] = r.gender === '男' ? 1 : r.gender === '女' ? 2 : 0;
  t.birth[i] = dateToInt(r.birthDate);
  t.id[i] = r.idNumber;
  t.idState[i] = idStateOf(r);
  t.idKey[i] = t.idState[i] === ID_VALID ? idKeyOf(r.idNumber) : 0;
  t.idType[i] = r.idType === null ? 0 : r.idType.charCodeAt(0);
  const kind = b.kind;
  if (usesColumn(kind, 'studentNo')) t.studentNo[i] = 'studentNo' in r ? r.studentNo : '';
  switch (r.kind) {
    case 'hukou':
      t.division[i] = pool(b, r.householdDivisionCode);
      break;
    case 'xueji':
      t.school[i] = pool(b, r.schoolCode);
      t.schoolName[i] = pool(b, r.schoolName);
      t.className[i] = pool(b, r.className);
      t.division[i] = pool(b, r.householdDivisionCode);
      t.grade[i] = r.grade ?? 0;
      t.status[i] = r.status === null ? 0 : STATUS_CODES[r.status];
      t.homeTaught[i] = r.homeTaught ? 1 : 0;
      t.migrant[i] = r.migrant === null ? 0 : r.migrant ? 1 : 2;
      break;
    case 'roster':
      t.school[i] = pool(b, r.schoolCode);
      t.className[i] = pool(b, r.className);
      t.grade[i] = r.grade ?? 0;
      break;
    case 'poverty':
      t.householdType[i] = pool(b, r.householdType);
      t.household[i] = r.householdCategory === null ? 0 : HOUSEHOLD_CODES[r.householdCategory];
      break;
    case 'disability':
      break;
  }
}

export function tableFromRecords(kind: RegistryKind, records: readonly RegistryRecord[]): RecordTable {
  const b = new TableBuilder(kind, records.length);
  for (const r of records) {
    if (r.kind !== kind) throw new Error(`tableFromRecords: a ${r.kind} record among ${kind} records`);
    putRecord(b, r);
  }
  return b.finish();
}

export { ID_INVALID, ID_NONE, ID_OTHER, ID_VALID };
