import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { shanghaiToday, type ApprovalRight, type Role, type ScopeKind } from '@notoneless/shared';
import { generateChildren, generateCounty, type SynthChild, type SynthOptions } from '@notoneless/synth';
import type { Database, DbOrTx } from '../client';
import {
  children,
  childKeyGroups,
  classes,
  counties,
  divisions,
  managementUnits,
  schools,
  userApprovalRights,
  userRoles,
  users,
} from '../schema/index';
import { hashPassword } from '../../modules/auth/password';
import { insertAudit } from '../../modules/audit/audit.repository';
import { replaceCalendar } from '../../modules/settings/settings.repository';
import { namePinyin } from '../../lib/pinyin';
import { seedDemoCases } from './demo-cases';
import { seedDemoAttendance } from './demo-attendance';
import { seedDemoDisclosure } from './demo-disclosure';
import { seedDemoCohorts } from './demo-cohorts';
import { demoCalendar, demoSchoolYear } from './demo-year';

export const DEMO_PASSWORD = 'Demo2026';
export const DEMO_COUNTY = { code: '410182', name: '荥阳市' };

export type DemoAccount = { username: string; label: string };
export type DemoAccounts = { password: string; list: DemoAccount[] };

const ACCOUNT_LABELS: Record<string, string> = {
  admin: '县级管理员（县教育局基础教育股）',
  leader: '县级领导（只读）',
  zhongxinxiao: '中心校管理员（第一个乡镇）',
  xiaozhang: '学校管理员/校长（兼一个班的班主任）',
  banzhuren: '班主任（一个班）',
  xiangzhen: '乡镇干部（第一个乡镇）',
  cunganbu: '村干部（一个村）',
  gongan: '部门联络员（公安）',
  xiangcun: '部门联络员（乡村振兴，可记录县领导小组同意）',
};
const demoAccounts = (): DemoAccounts => ({
  password: DEMO_PASSWORD,
  list: Object.entries(ACCOUNT_LABELS).map(([username, label]) => ({ username, label })),
});

/**
 * Build the demo county (荥阳市, 410182) from the synthetic generator on first start; do nothing when it exists.
 * All demo accounts share one password, so its scrypt hash is computed once.
 */
export async function seedDemoIfEmpty(database: Database, opts: { children?: number; seed?: number } = {}): Promise<DemoAccounts> {
  const [exists] = await database.db.select().from(counties).where(eq(counties.code, DEMO_COUNTY.code));
  if (exists) return demoAccounts();
  const started = Date.now();
  await database.db.transaction(async (tx) =>
    seedDemo(tx as unknown as DbOrTx, { children: opts.children ?? 20_000, seed: opts.seed ?? 1 }),
  );
  console.log(`演示县数据已生成（${opts.children ?? 20_000} 名儿童，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  return demoAccounts();
}

async function insertBatched<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * The demo county of the school year of `now` (default: the real clock; see demo-year.ts): its classes, children,
 * calendar, history and 信息公开 are those of that school year.
 */
export async function seedDemo(tx: DbOrTx, opts: Required<Pick<SynthOptions, 'children' | 'seed'>> & { now?: Date }) {
  const now = opts.now ?? new Date();
  const today = shanghaiToday(now);
  const synthOpts: SynthOptions = {
    children: opts.children,
    seed: opts.seed,
    countyCode: DEMO_COUNTY.code,
    countyName: DEMO_COUNTY.name,
    asOf: today,
  };
  const county = generateCounty(synthOpts);
  const c = DEMO_COUNTY.code;
  const hash = await hashPassword(DEMO_PASSWORD);
  const cal = demoCalendar(today);

  await tx.insert(counties).values({ code: c, name: DEMO_COUNTY.name });
  await tx.insert(divisions).values(county.divisions.map((d) => ({ countyCode: c, ...d })));

  const unitIds = new Map(county.units.map((u) => [u.id, uuidv7()]));
  await tx
    .insert(managementUnits)
    .values(county.units.map((u) => ({ countyCode: c, id: unitIds.get(u.id)!, kind: u.kind, name: u.name, townshipCode: u.townshipCode })));

  const schoolIds = new Map(county.schools.map((s) => [s.code, uuidv7()]));
  await tx.insert(schools).values(
    county.schools.map((s) => ({
      countyCode: c,
      id: schoolIds.get(s.code)!,
      code: s.code,
      name: s.name,
      type: s.type,
      townshipCode: s.townshipCode,
      villageCode: s.villageCode,
      unitId: unitIds.get(s.unitId)!,
    })),
  );

  // 班主任 accounts: bzr0001 …, one per class
  const teacherIds = new Map(county.teachers.map((t) => [t.key, uuidv7()]));
  const teacherUsername = new Map(county.teachers.map((t, i) => [t.key, `bzr${String(i + 1).padStart(4, '0')}`]));
  const classIds = new Map(county.classes.map((k) => [k.key, uuidv7()]));
  await insertBatched(county.teachers, 500, (b) =>
    tx.insert(users).values(
      b.map((t) => ({
        id: teacherIds.get(t.key)!,
        countyCode: c,
        username: teacherUsername.get(t.key)!,
        displayName: t.name,
        phone: t.phone,
        passwordHash: hash,
      })),
    ),
  );
  await insertBatched(county.classes, 500, (b) =>
    tx.insert(classes).values(
      b.map((k) => ({
        countyCode: c,
        id: classIds.get(k.key)!,
        schoolId: schoolIds.get(k.schoolCode)!,
        schoolYear: k.schoolYear,
        grade: k.grade,
        name: k.name,
        headTeacherId: teacherIds.get(k.headTeacherKey)!,
      })),
    ),
  );
  await insertBatched(county.classes, 500, (b) =>
    tx.insert(userRoles).values(
      b.map((k) => ({
        userId: teacherIds.get(k.headTeacherKey)!,
        role: 'head_teacher',
        scopeKind: 'class',
        scopeId: classIds.get(k.key)!,
      })),
    ),
  );

  // children, in batches as they stream from the generator
  let batch: SynthChild[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch.map((k) => {
      const py = namePinyin(k.name);
      return {
        countyCode: c,
        id: uuidv7(),
        name: k.name,
        namePinyin: py.full,
        nameInitials: py.initials,
        gender: k.gender,
        birthDate: k.birthDate,
        idNumber: k.idNumber,
        idNumberValid: true,
        nation: k.nation,
        householdVillageCode: k.householdVillageCode,
        householdTownshipCode: k.householdVillageCode?.slice(0, 9) ?? null,
        householdAddress: k.householdAddress,
        guardianName: k.guardianName,
        guardianRelation: k.guardianRelation,
        guardianPhone: k.guardianPhone,
        schoolId: k.schoolCode ? schoolIds.get(k.schoolCode)! : null,
        classId: k.classKey ? classIds.get(k.classKey)! : null,
        grade: k.grade,
        studentNo: k.studentNo,
        status: k.status,
      };
    });
    await tx.insert(children).values(rows);
    const flags = batch.flatMap((k, i) =>
      k.keyGroups.map((g) => ({ countyCode: c, childId: rows[i].id, group: g, source: 'seed', sourceLabel: '演示数据' })),
    );
    if (flags.length) await tx.insert(childKeyGroups).values(flags);
    batch = [];
  };
  for (const child of generateChildren(county, synthOpts)) {
    batch.push(child);
    if (batch.length === 1000) await flush();
  }
  await flush();

  // demo accounts on the first township, its first school with classes, and one of its villages
  const t0 = county.divisions.find((d) => d.level === 'township')!;
  const v0 = county.divisions.find((d) => d.level === 'village' && d.parentCode === t0.code)!;
  const unit0 = county.units.find((u) => u.kind === 'central_school' && u.townshipCode === t0.code)!;
  const school0 = county.schools.find(
    (s) => s.townshipCode === t0.code && s.type === '小学' && county.classes.some((k) => k.schoolCode === s.code),
  )!;
  const school0Classes = county.classes.filter((k) => k.schoolCode === school0.code);
  const principalClass = school0Classes[school0Classes.length - 1];
  const teacherClass = school0Classes[0];
  type Spec = { username: string; name: string; grants: { role: Role; scopeKind: ScopeKind; scopeId: string }[]; rights?: ApprovalRight[] };
  const specs: Spec[] = [
    {
      username: 'admin',
      name: '李建华',
      grants: [{ role: 'county_admin', scopeKind: 'county', scopeId: c }],
      rights: ['deferral_verify', 'leave_county_filing'],
    },
    { username: 'leader', name: '王志强', grants: [{ role: 'county_leader', scopeKind: 'county', scopeId: c }] },
    {
      username: 'zhongxinxiao',
      name: '赵丽娟',
      grants: [{ role: 'unit_admin', scopeKind: 'unit', scopeId: unitIds.get(unit0.id)! }],
      rights: ['case_closure_confirm', 'leave_unit_filing'],
    },
    {
      username: 'xiaozhang',
      name: '孙国庆',
      grants: [
        { role: 'school_admin', scopeKind: 'school', scopeId: schoolIds.get(school0.code)! },
        { role: 'head_teacher', scopeKind: 'class', scopeId: classIds.get(principalClass.key)! },
      ],
      rights: ['leave_principal'],
    },
    { username: 'xiangzhen', name: '周海涛', grants: [{ role: 'township_official', scopeKind: 'township', scopeId: t0.code }] },
    { username: 'cunganbu', name: '吴秀英', grants: [{ role: 'village_official', scopeKind: 'village', scopeId: v0.code }] },
    { username: 'gongan', name: '郑伟', grants: [{ role: 'dept_liaison', scopeKind: 'department', scopeId: '公安' }] },
    {
      username: 'xiangcun',
      name: '冯建军',
      grants: [{ role: 'dept_liaison', scopeKind: 'department', scopeId: '乡村振兴' }],
      rights: ['deferral_agree'],
    },
  ];
  for (const s of specs) {
    const id = uuidv7();
    await tx.insert(users).values({ id, countyCode: c, username: s.username, displayName: s.name, passwordHash: hash });
    await tx.insert(userRoles).values(s.grants.map((g) => ({ userId: id, ...g })));
    if (s.rights?.length) await tx.insert(userApprovalRights).values(s.rights.map((right) => ({ userId: id, right })));
  }
  // the demo 班主任 account is the head teacher of the school's first class
  const bzrId = teacherIds.get(teacherClass.headTeacherKey)!;
  await tx.update(users).set({ username: 'banzhuren' }).where(eq(users.id, bzrId));
  // the principal's own class now has the principal as head teacher
  const principalId = (await tx.select({ id: users.id }).from(users).where(eq(users.username, 'xiaozhang')))[0].id;
  await tx
    .update(classes)
    .set({ headTeacherId: principalId })
    .where(eq(classes.id, classIds.get(principalClass.key)!));
  const formerId = teacherIds.get(principalClass.headTeacherKey)!;
  await tx.delete(userRoles).where(eq(userRoles.userId, formerId));
  await tx.update(users).set({ active: false }).where(eq(users.id, formerId));

  // the demo's dropouts are on the 辍学学生台账 (found in last spring's 摸排), so that 人账相符 holds
  const surveyNote = `${demoSchoolYear(today)}年春季学期摸排发现`;
  await tx.execute(sql`
    insert into ledger_entries (county_code, id, child_id, ledger, source, cause, note, opened_at)
    select county_code, uuid_v7(), id, 'dropout', 'survey',
      (array['厌学', '学习困难', '外出打工', '家庭原因', '疾病'])[1 + abs(hashtext(id::text)) % 5], ${surveyNote}, ${now.toISOString()}::timestamptz
    from children where county_code = ${c} and status = '辍学'`);
  await tx.execute(sql`
    insert into ledger_events (county_code, id, entry_id, at, actor_name, type, data)
    select county_code, uuid_v7(), id, opened_at, '系统', 'opened', jsonb_build_object('source', 'survey', 'cause', cause)
    from ledger_entries where county_code = ${c}`);
  await seedDemoCases(tx, c, now);
  await replaceCalendar(tx, c, cal);
  await seedDemoAttendance(tx, c, cal, now);
  await seedDemoDisclosure(tx, c, now);
  await seedDemoCohorts(tx, c, now, county, synthOpts);
  await insertAudit(tx, {
    countyCode: c,
    at: now,
    actorId: null,
    actorName: '系统',
    ip: null,
    action: 'demo.seeded',
    data: { children: opts.children, seed: opts.seed },
  });
}
