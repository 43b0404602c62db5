import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

/**
 * Apply a committed snapshot to the children registry (issue 3, item 9), set-based, one row range at a time:
 * identity fields a registry holds update the child (with history, never over a field a user corrected by hand),
 * new children are added, and key-group flags from this kind of registry are replaced by this snapshot's.
 * Children are matched on a valid ID number here; the reconciliation issue adds fuzzy identity resolution.
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
  };
  const parts = q.split(/(\$county|\$snapshot|\$from|\$to|\$source|\$label|\$now|\$bfrom|\$bto|\$year)\b/);
  return sql.join(
    parts.map((part) => (part in values ? sql`${values[part]}` : sql.raw(part))),
    sql.raw(''),
  );
}

/** The first record per valid ID in the row range, with extra columns from joins (e.g. the school's id). */
const recordsCte = (table: string, joins = '', extra = '') => `
  with r as (
    select distinct on (r0.id_number) r0.* ${extra} from ${table} r0 ${joins}
    where r0.county_code = $county and r0.snapshot_id = $snapshot::uuid and r0.id_valid and r0.row_no between $from and $to
    order by r0.id_number, r0.row_no
  ), m as (
    select c.id as child_id, c.manual_fields, r.* from r
    join children c on c.county_code = r.county_code and c.id_number = r.id_number
  )`;

async function applyFields(db: DbOrTx, p: FeedParams, cte: string, fields: Field[]) {
  const at = (e: string) => e.replace(/\br\./g, 'm.');
  const values = fields.map((f) => `('${f.field}', c.${f.field}::text, (${at(f.expr)})::text)`).join(', ');
  await db.execute(
    bind(
      `${cte}
      insert into child_identity_history (county_code, child_id, seq, field, old_value, new_value, source, source_label, at)
      select c.county_code, c.id, uuid_v7(), f.field, f.old, f.new, $source, $label, $now::timestamptz
      from m join children c on c.county_code = $county and c.id = m.child_id
      cross join lateral (values ${values}) as f(field, old, new)
      where f.new is not null and f.old is distinct from f.new and not (f.field = any(c.manual_fields))`,
      p,
    ),
  );
  const sets = fields
    .map(
      (f) =>
        `${f.field} = case when '${f.field}' = any(c.manual_fields) or (${at(f.expr)}) is null then c.${f.field} else (${at(f.expr)}) end`,
    )
    .join(',\n      ');
  await db.execute(
    bind(
      `${cte}
      update children c set
      ${sets},
      updated_at = $now::timestamptz
      from m where c.county_code = $county and c.id = m.child_id`,
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
  const cte = recordsCte('household_records');
  await applyFields(db, p, cte, HUKOU_FIELDS);
  await db.execute(
    bind(
      `${recordsCte('household_records')}
      insert into children (county_code, id, name, name_pinyin, name_initials, gender, birth_date, id_number, id_number_valid, nation,
        household_village_code, household_township_code, household_address, guardian_name, guardian_phone, status, created_at, updated_at)
      select r.county_code, uuid_v7(), r.name, r.name_pinyin, r.name_initials, coalesce(r.gender, ''), r.birth_date, r.id_number, true, r.nation,
        case when length(r.division_code) = 12 then r.division_code end,
        case when length(r.division_code) >= 9 then left(r.division_code, 9) end,
        r.address, r.guardian_name, r.guardian_phone, '未入学', $now::timestamptz, $now::timestamptz
      from r where r.birth_date between $bfrom::date and $bto::date
        and not exists (select 1 from children c where c.county_code = r.county_code and c.id_number = r.id_number)`,
      p,
    ),
  );
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
  const cte = recordsCte('student_records', XUEJI_JOINS, XUEJI_EXTRA);
  await applyFields(db, p, cte, XUEJI_FIELDS);
  // students of the county's schools with a current 学籍 and no child yet (including 随迁子女)
  await db.execute(
    bind(
      `${cte}
      insert into children (county_code, id, name, name_pinyin, name_initials, gender, birth_date, id_number, id_number_valid,
        school_id, class_id, grade, student_no, status, created_at, updated_at)
      select r.county_code, uuid_v7(), r.name, r.name_pinyin, r.name_initials, coalesce(r.gender, ''), r.birth_date, r.id_number, true,
        r.school_id, r.class_id, r.grade, r.student_no, ${XUEJI_STATUS}, $now::timestamptz, $now::timestamptz
      from r where r.school_id is not null and r.status in ('在读', '休学')
        and not exists (select 1 from children c where c.county_code = r.county_code and c.id_number = r.id_number)`,
      p,
    ),
  );
  await replaceFlags(db, p, 'student_records', `values ('随迁', r.migrant), ('留守', r.left_behind), ('残疾', r.disabled)`);
}

export async function feedPoverty(db: DbOrTx, p: FeedParams) {
  await replaceFlags(
    db,
    p,
    'poverty_records',
    `values ('脱贫户', r.household_type like '%脱贫%' or r.household_type like '%建档立卡%'),
      ('监测户', r.household_type like '%监测%' or r.household_type like '%边缘%' or r.household_type like '%突发%'),
      ('低保', r.household_type like '%低保%'), ('特困', r.household_type like '%特困%')`,
  );
}

export async function feedDisability(db: DbOrTx, p: FeedParams) {
  await replaceFlags(db, p, 'disability_records', `values ('残疾', true)`);
}

/** Insert this snapshot's flags for the row range (the caller removed the previous snapshots' flags once, first). */
async function replaceFlags(db: DbOrTx, p: FeedParams, table: string, valuesSql: string) {
  await db.execute(
    bind(
      `${recordsCte(table)}
      insert into child_key_groups (county_code, child_id, "group", source, source_label, created_at)
      select $county, m.child_id, g.grp, $source, $label, $now::timestamptz
      from m cross join lateral (${valuesSql.replace(/\br\./g, 'm.')}) as g(grp, yes)
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
