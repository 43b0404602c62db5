import type { Database } from '../../db/client';
import type { RegistryKind } from '../imports/formats/columns';
import { parseHouseholdType } from '../imports/formats/normalize';
import { copyOut } from './copy-out';
import type { Tables } from './engine/all-records';
import { CsvScanner } from './engine/csv-scan';
import { idKeyOf } from './engine/id-key';
import { dateToInt, HOUSEHOLD_CODES, ID_INVALID, ID_NONE, ID_OTHER, ID_VALID, STATUS_CODES, TableBuilder } from './engine/table';
import type { IdentityDecision } from './engine/types';
import { decisionsForRun } from './identity-decisions.service';

/**
 * The committed snapshots of a county, read back from the database into the engine's tables (issue 4, item 4: "runs
 * a reconciliation on the newest snapshots"), with the people's identity decisions. Records are numbered 1…n per kind
 * across snapshots (a county may hold one roster per school); `origin` maps each number back to its snapshot and row.
 *
 * Lean on purpose: rows come as COPY CSV bytes (copy-out.ts) and go field by field into the column store — no object
 * per row. Reading 300,000 rows as importer records cost more in objects and garbage collection than in the database.
 */
export type Origin = { snapshotId: string; rowNo: number };
export type PlatformInput = {
  /** the engine's column store, one table per kind */
  tables: Tables;
  /** people's active merge/split decisions, which the run respects */
  decisions: IdentityDecision[];
  /** per kind: the snapshot (index into snapshotIds) and file row of each record (read with originOf) */
  origin: Record<RegistryKind, { snapshotIds: string[]; snapshot: Uint16Array; rowNo: Int32Array }>;
  snapshots: Record<RegistryKind, string[]>;
};

const TABLE: Record<RegistryKind, string> = {
  hukou: 'household_records',
  xueji: 'student_records',
  roster: 'roster_entries',
  poverty: 'poverty_records',
  disability: 'disability_records',
};

/** The columns read, in COPY order: the same eleven for every kind (NULL where a kind has none), then the kind's own. */
const COMMON = 'r.snapshot_id, r.row_no, r.name, r.id_number, r.id_valid, r.gender, r.birth_date::text';
const EXTRA: Record<RegistryKind, string> = {
  hukou: 'null, null, null, null, null, null, r.division_code',
  xueji: 'r.id_type, r.student_no, r.school_code, r.school_name, r.grade, r.class_name, r.division_code, r.status, r.study_mode, r.migrant',
  roster: 'r.id_type, r.student_no, r.school_code, null, r.grade, r.class_name, null',
  poverty: 'null, null, null, null, null, null, null, r.household_type',
  disability: 'null, null, null, null, null, null, null',
};
const [SNAPSHOT, ROW, NAME, ID, VALID, GENDER, BIRTH, ID_TYPE, STUDENT_NO, SCHOOL, SCHOOL_NAME, GRADE, CLASS, DIVISION] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
];
const [STATUS, STUDY_MODE, MIGRANT, HOUSEHOLD_TYPE] = [14, 15, 16, 14];

/** Field f of the current row as a pooled string (-1 for none). No closures per row: this runs a million times. */
function pooledField(b: TableBuilder, sc: CsvScanner, f: number): number {
  const s = sc.text(f);
  return s === '' ? -1 : b.intern(s);
}

/** Append the scanner's current row to the table (what from-records.ts putRecord does for an importer record). */
function putRow(b: TableBuilder, sc: CsvScanner, n: number): void {
  const kind = b.kind;
  const i = b.add();
  const t = b.t;
  t.row[i] = n;
  t.name[i] = sc.text(NAME);
  const gender = sc.text(GENDER);
  t.gender[i] = gender === '男' ? 1 : gender === '女' ? 2 : 0;
  t.birth[i] = dateToInt(sc.text(BIRTH));
  const id = sc.text(ID);
  const idType = sc.text(ID_TYPE);
  t.id[i] = id;
  t.idState[i] = id === '' ? ID_NONE : idType !== '' && idType !== '1' ? ID_OTHER : sc.text(VALID) === 't' ? ID_VALID : ID_INVALID;
  t.idKey[i] = t.idState[i] === ID_VALID ? idKeyOf(id) : 0;
  t.idType[i] = idType === '' ? 0 : idType.charCodeAt(0);
  if (kind === 'xueji' || kind === 'roster') {
    t.studentNo[i] = sc.text(STUDENT_NO);
    t.school[i] = pooledField(b, sc, SCHOOL);
    t.className[i] = pooledField(b, sc, CLASS);
    t.grade[i] = sc.text(GRADE) === '' ? 0 : Number(sc.text(GRADE));
  }
  if (kind === 'hukou' || kind === 'xueji') t.division[i] = pooledField(b, sc, DIVISION);
  if (kind === 'xueji') {
    t.schoolName[i] = pooledField(b, sc, SCHOOL_NAME);
    t.status[i] = STATUS_CODES[sc.text(STATUS) as keyof typeof STATUS_CODES] ?? 0;
    t.homeTaught[i] = sc.text(STUDY_MODE) === '送教上门' ? 1 : 0;
    const migrant = sc.text(MIGRANT);
    t.migrant[i] = migrant === '' ? 0 : migrant === 't' ? 1 : 2;
  }
  if (kind === 'poverty') {
    const type = sc.text(HOUSEHOLD_TYPE);
    t.householdType[i] = pooledField(b, sc, HOUSEHOLD_TYPE);
    const category = parseHouseholdType(type);
    t.household[i] = category === null ? 0 : HOUSEHOLD_CODES[category];
  }
}

/** Load the committed snapshots of the county (every kind; rosters of all schools) and the active decisions. */
export async function loadPlatformInput(database: Database, countyCode: string): Promise<PlatformInput> {
  const county = countyCode.replace(/[^0-9]/g, '');
  const tables = {} as Tables;
  const origin = {} as PlatformInput['origin'];
  const snapshots = {} as PlatformInput['snapshots'];
  for (const kind of Object.keys(TABLE) as RegistryKind[]) {
    const csv = await copyOut(
      database,
      `select ${COMMON}, ${EXTRA[kind]}
        from ${TABLE[kind]} r join registry_snapshots s on s.county_code = r.county_code and s.id = r.snapshot_id
        where s.county_code = '${county}' and s.kind = '${kind}' and s.status = 'committed'
        order by s.committed_at, r.row_no`,
    );
    const b = new TableBuilder(kind, 1024);
    const ids: string[] = [];
    const snapshotOf: number[] = [];
    const rowNos: number[] = [];
    const sc = new CsvScanner(csv);
    while (sc.next()) {
      if (sc.count <= DIVISION) continue; // the empty line after the last record
      const snapshotId = sc.text(SNAPSHOT);
      let s = ids.length > 0 && ids[ids.length - 1] === snapshotId ? ids.length - 1 : ids.indexOf(snapshotId);
      if (s < 0) s = ids.push(snapshotId) - 1;
      snapshotOf.push(s);
      rowNos.push(Number(sc.text(ROW)));
      putRow(b, sc, rowNos.length);
    }
    tables[kind] = b.finish();
    origin[kind] = { snapshotIds: ids, snapshot: Uint16Array.from(snapshotOf), rowNo: Int32Array.from(rowNos) };
    snapshots[kind] = ids;
  }
  return { tables, origin, snapshots, decisions: await decisionsForRun(database.db, countyCode) };
}

/** Record n (from 1) of a kind: its snapshot and file row. */
export function originOf(input: PlatformInput, kind: RegistryKind, n: number): Origin {
  const o = input.origin[kind];
  return { snapshotId: o.snapshotIds[o.snapshot[n - 1]], rowNo: o.rowNo[n - 1] };
}
