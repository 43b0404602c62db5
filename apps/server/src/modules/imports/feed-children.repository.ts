import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

/**
 * Apply a committed snapshot to the children registry (issue 3, item 9), set-based, one row range at a time:
 * identity fields a registry holds update the child (with history, never over a field a user corrected by hand),
 * new children are added, and key-group flags from this kind of registry are replaced by this snapshot's.
 * Children are matched on a valid ID number here; the reconciliation issue adds fuzzy identity resolution.
 *
 * One statement per row range does the history, the updates and the new children (data-modifying CTEs all read the
 * children as they were before it, as the three separate statements did): the range's records are read, sorted and
 * matched to the children once, with only the columns the feed uses (not the raw cells).
 */
export type FeedParams = {
  countyCode: string;
  snapshotId: string;
  source: string;
  sourceLabel: string;
  now: Date;
  /** age-eligible birth dates (from the county settings): 户籍 adds only age-eligible children */
  birthFrom: string;
  birthTo: string;
  schoolYear: number;
  fromRow: number;
  toRow: number;
  /**
   * On PostgreSQL the feed runs on `lanes` connections at once, each taking the IDs whose hash falls in its lane
   * (`lane` 0 … lanes − 1): lanes never share an ID, so they never touch the same child, and each keeps its IDs in
   * file order. One lane (PGlite) takes every record.
   */
  lane: number;
  lanes: number;
};

type Field = { field: string; expr: string };

/** Named placeholders ($county, $snapshot …) → bound parameters. */
function bind(q: string, p: FeedParams): SQL {
  const values: Record<string, unknown> = {
    $county: p.countyCode,
    $snapshot: p.snapshotId,
    $from: p.fromRow,
    $to: p.toRow,
    $source: p.source,
    $label: p.sourceLabel,
    $now: p.now.toISOString(),
    $bfrom: p.birthFrom,
    $bto: p.birthTo,
    $year: p.schoolYear,
    $lanes: p.lanes,
    $lane: p.lane,
  };
  const parts = q.split(/(\$county|\$snapshot|\$from|\$to|\$source|\$label|\$now|\$bfrom|\$bto|\$year|\$lanes|\$lane)\b/);
  return sql.join(
    parts.map((part) => (part in values ? sql`${values[part]}` : sql.raw(part))),
    sql.raw(''),
  );
}

/** The lane of an ID number (0 … lanes − 1); hashtext is a signed int4, shifted to be non-negative. */
const laneOf = (idExpr: string) => `mod(hashtext(${idExpr})::bigint + 2147483648, $lanes::bigint)`;

/**
 * The first record per valid ID of this lane in the row range (only the named columns of `r0`, plus extra columns
 * from joins, e.g. the school's id).
 */
const recordsCte = (table: string, columns: string[], joins = '', extra = '') => `
  r as (
    select distinct on (r0.id_number) r0.county_code, r0.id_number${columns.map((c) => `, r0.${c}`).join('')} ${extra}
    from ${table} r0 ${joins}
    where r0.county_code = $county and r0.snapshot_id = $snapshot::uuid and r0.id_valid and r0.row_no between $from and $to
      and ($lanes::int = 1 or ${laneOf('r0.id_number')} = $lane::bigint)
    order by r0.id_number, r0.row_no
  )`;

/**
 * Ids for the rows one statement adds, made set-based and cheaply: the first 17 hex digits of one uuid_v7() (its
 * millisecond time, version, 12 random bits and variant), a 28-bit counter (the row's number in the statement: ids
 * increase in insert order, and are unique within it) and 32 random bits. Calling uuid_v7() per row cost about as much
 * as inserting the row on PGlite. Needs `ids` (idsCte) in the statement's FROM list.
 */
const idsCte = `ids as (select left(replace(uuid_v7()::text, '-', ''), 17) as base)`;
const newId = `(ids.base || lpad(to_hex(row_number() over ()), 7, '0') || lpad(to_hex((random() * 4294967295)::bigint), 8, '0'))::uuid`;

type Upsert = {
  records: string;
  fields: Field[];
  /** the children columns a new child gets, and their values from `j` (the record, unmatched) */
  insertColumns: string;
  insertValues: string;
  insertWhere: string;
};

/**
 * History, updates and new children for one row range, in one statement. `j` is each record with the child it
 * matches (if any): the child's current values (o_*), the registry's values (n_*), and the fields corrected by hand.
 * A field changes when the registry has a value, it differs, and no user corrected it by hand: each change is one
 * history row, and only children with a change are updated.
 */
async function upsertChildren(db: DbOrTx, p: FeedParams, u: Upsert) {
  const { fields } = u;
  const news = fields.map((f) => `(${f.expr}) as n_${f.field}`).join(', ');
  const olds = fields.map((f) => `c.${f.field} as o_${f.field}`).join(', ');
  const values = fields.map((f) => `('${f.field}', j.o_${f.field}::text, j.n_${f.field}::text)`).join(', ');
  const changes = (f: Field) =>
    `j.n_${f.field} is not null and j.o_${f.field} is distinct from j.n_${f.field} and not ('${f.field}' = any(j.manual_fields))`;
  const sets = fields.map((f) => `${f.field} = case when ${changes(f)} then j.n_${f.field} else c.${f.field} end`);
  // a new name brings its pinyin and initials (the search keys), from the same record
  const name = fields.find((f) => f.field === 'name');
  if (name)
    for (const col of ['name_pinyin', 'name_initials']) sets.push(`${col} = case when ${changes(name)} then j.${col} else c.${col} end`);
  await db.execute(
    bind(
      `with ${u.records}, ${idsCte},
      j as (
        select r.*, ${news}, c.id as child_id, c.manual_fields, ${olds}
        from r left join children c on c.county_code = r.county_code and c.id_number = r.id_number
      ),
      h as (
        insert into child_identity_history (county_code, child_id, seq, field, old_value, new_value, source, source_label, at)
        select $county, j.child_id, ${newId}, f.field, f.old, f.new, $source, $label, $now::timestamptz
        from j cross join lateral (values ${values}) as f(field, old, new) cross join ids
        where j.child_id is not null and f.new is not null and f.old is distinct from f.new and not (f.field = any(j.manual_fields))
      ),
      u as (
        update children c set
        ${sets.join(',\n        ')},
        updated_at = $now::timestamptz
        from j where j.child_id is not null and c.county_code = $county and c.id = j.child_id
          and (${fields.map((f) => `(${changes(f)})`).join(' or ')})
      )
      insert into children (county_code, id, ${u.insertColumns}, created_at, updated_at)
      select j.county_code, ${newId}, ${u.insertValues}, $now::timestamptz, $now::timestamptz
      from j cross join ids where j.child_id is null and ${u.insertWhere}`,
      p,
    ),
  );
}

const HUKOU_FIELDS: Field[] = [
  { field: 'name', expr: 'r.name' },
  { field: 'gender', expr: 'r.gender' },
  { field: 'birth_date', expr: 'r.birth_date' },
  { field: 'nation', expr: 'r.nation' },
  { field: 'household_address', expr: 'r.address' },
  { field: 'household_village_code', expr: 'case when length(r.division_code) = 12 then r.division_code end' },
  { field: 'household_township_code', expr: 'case when length(r.division_code) >= 9 then left(r.division_code, 9) end' },
  { field: 'guardian_name', expr: 'r.guardian_name' },
  { field: 'guardian_phone', expr: 'r.guardian_phone' },
];

export async function feedHukou(db: DbOrTx, p: FeedParams) {
  await upsertChildren(db, p, {
    records: recordsCte('household_records', [
      'name',
      'name_pinyin',
      'name_initials',
      'gender',
      'birth_date',
      'nation',
      'address',
      'division_code',
      'guardian_name',
      'guardian_phone',
    ]),
    fields: HUKOU_FIELDS,
    insertColumns: `name, name_pinyin, name_initials, gender, birth_date, id_number, id_number_valid, nation,
      household_village_code, household_township_code, household_address, guardian_name, guardian_phone, status`,
    insertValues: `j.name, j.name_pinyin, j.name_initials, coalesce(j.gender, ''), j.birth_date, j.id_number, true, j.nation,
      j.n_household_village_code, j.n_household_township_code, j.address, j.guardian_name, j.guardian_phone, '未入学'`,
    insertWhere: `j.birth_date between $bfrom::date and $bto::date`,
  });
}

const XUEJI_JOINS = `
  left join schools s on s.county_code = r0.county_code and s.code = r0.school_code
  left join classes k on k.county_code = r0.county_code and k.school_id = s.id and k.school_year = $year and k.grade = r0.grade
    and (k.name = r0.class_name or k.name = r0.class_name || '班' or '(' || k.name || ')' = r0.class_name)`;
const XUEJI_EXTRA = ', s.id as school_id, k.id as class_id';
const XUEJI_STATUS = `case r.status when '在读' then case when r.study_mode = '送教上门' then '送教上门' else '在读' end
  when '休学' then '休学' when '毕业' then '已毕业' when '辍学' then '辍学' when '死亡' then '死亡' when '转出' then '转出' else '在读' end`;
const XUEJI_FIELDS: Field[] = [
  { field: 'student_no', expr: 'r.student_no' },
  { field: 'school_id', expr: 'r.school_id' },
  { field: 'class_id', expr: 'r.class_id' },
  { field: 'grade', expr: 'r.grade' },
  { field: 'status', expr: XUEJI_STATUS },
];

export async function feedXueji(db: DbOrTx, p: FeedParams) {
  // students of the county's schools with a current 学籍 and no child yet (including 随迁子女)
  await upsertChildren(db, p, {
    records: recordsCte(
      'student_records',
      ['name', 'name_pinyin', 'name_initials', 'gender', 'birth_date', 'student_no', 'grade', 'status', 'study_mode'],
      XUEJI_JOINS,
      XUEJI_EXTRA,
    ),
    fields: XUEJI_FIELDS,
    insertColumns: `name, name_pinyin, name_initials, gender, birth_date, id_number, id_number_valid,
      school_id, class_id, grade, student_no, status`,
    insertValues: `j.name, j.name_pinyin, j.name_initials, coalesce(j.gender, ''), j.birth_date, j.id_number, true,
      j.school_id, j.class_id, j.grade, j.student_no, j.n_status`,
    insertWhere: `j.school_id is not null and j.status in ('在读', '休学')`,
  });
  await replaceFlags(
    db,
    p,
    'student_records',
    ['migrant', 'left_behind', 'disabled'],
    `values ('随迁', r.migrant), ('留守', r.left_behind), ('残疾', r.disabled)`,
  );
}

export async function feedPoverty(db: DbOrTx, p: FeedParams) {
  await replaceFlags(
    db,
    p,
    'poverty_records',
    ['household_type'],
    `values ('脱贫户', r.household_type like '%脱贫%' or r.household_type like '%建档立卡%'),
      ('监测户', r.household_type like '%监测%' or r.household_type like '%边缘%' or r.household_type like '%突发%'),
      ('低保', r.household_type like '%低保%'), ('特困', r.household_type like '%特困%')`,
  );
}

export async function feedDisability(db: DbOrTx, p: FeedParams) {
  await replaceFlags(db, p, 'disability_records', [], `values ('残疾', true)`);
}

/** Insert this snapshot's flags for the row range (the caller removed the previous snapshots' flags once, first). */
async function replaceFlags(db: DbOrTx, p: FeedParams, table: string, columns: string[], valuesSql: string) {
  await db.execute(
    bind(
      `with ${recordsCte(table, columns)}
      insert into child_key_groups (county_code, child_id, "group", source, source_label, created_at)
      select $county, c.id, g.grp, $source, $label, $now::timestamptz
      from r join children c on c.county_code = r.county_code and c.id_number = r.id_number
      cross join lateral (${valuesSql}) as g(grp, yes)
      where g.yes
      on conflict do nothing`,
      p,
    ),
  );
}

/** Before feeding a snapshot's flags: drop the flags earlier snapshots of the same kind set (user flags stay). */
export async function dropFlagsOfKind(db: DbOrTx, countyCode: string, kind: string, exceptSource: string) {
  await db.execute(sql`
    delete from child_key_groups g
    where g.county_code = ${countyCode} and g.source <> ${exceptSource}
      and g.source in (select 'snapshot:' || s.id from registry_snapshots s where s.county_code = ${countyCode} and s.kind = ${kind})`);
}
