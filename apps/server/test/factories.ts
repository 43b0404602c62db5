import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { DEFAULT_COUNTY_SETTINGS, schoolYearOf, shanghaiToday, type Role, type ScopeKind } from '@notoneless/shared';
import type { DbOrTx } from '../src/db/client';
import { children, childKeyGroups, classes, divisions, managementUnits, schools, userRoles, users } from '../src/db/schema/index';
import { hashPassword } from '../src/modules/auth/password';
import { testClock } from './test-app';

export const TEST_PASSWORD = 'Test1234';
let passwordHash: Promise<string> | null = null;
const hashed = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

/** A county code no other test uses: 41xxxx (a real province prefix, so generated ID numbers are valid), claimed atomically in `counties`. */
export async function claimCountyCode(db: DbOrTx, name = '测试县'): Promise<string> {
  for (;;) {
    const code = `41${String(1000 + Math.floor(Math.random() * 9000))}`;
    if (code === '410182') continue;
    const r = (await db.execute(
      sql`insert into counties (code, name) values (${code}, ${name}) on conflict do nothing returning code`,
    )) as unknown as { rows: unknown[] };
    if (r.rows.length === 1) return code;
  }
}

export async function makeUser(
  db: DbOrTx,
  countyCode: string,
  username: string,
  grants: { role: Role; scopeKind: ScopeKind; scopeId: string }[],
  extra: Partial<typeof users.$inferInsert> = {},
) {
  const id = uuidv7();
  await db
    .insert(users)
    .values({ id, countyCode, username, displayName: extra.displayName ?? username, passwordHash: await hashed(), ...extra });
  if (grants.length) await db.insert(userRoles).values(grants.map((g) => ({ userId: id, ...g })));
  return { id, username };
}

export type ChildFixture = {
  id: string;
  name: string;
  idNumber: string;
  schoolId: string | null;
  classId: string | null;
  villageCode: string;
};
export type ClassFixture = { id: string; grade: number; children: ChildFixture[] };
export type SchoolFixture = { id: string; code: string; name: string; classes: ClassFixture[] };
export type TownshipFixture = {
  code: string;
  name: string;
  unitId: string;
  villages: string[];
  schools: SchoolFixture[];
  outOfSchoolChild: ChildFixture;
};

let idSeq = 0;
const fakeId = (countyCode: string) => {
  idSeq++;
  return `${countyCode}2015${String(1000 + (idSeq % 9000)).slice(0, 4)}${String(idSeq % 1000).padStart(3, '0')}X`;
};

/**
 * A small county of its own for one test file: 2 townships × (2 villages, a 中心校, 2 schools × 2 classes × 2 children,
 * one child out of school), and one user for each role (username = `${role}.${countyCode}`).
 */
export async function makeCounty(db: DbOrTx) {
  const countyCode = await claimCountyCode(db);
  // the classes are those of the school year of the test's clock (a registry import files children into this year's)
  const schoolYear = schoolYearOf(shanghaiToday(testClock.now()), DEFAULT_COUNTY_SETTINGS);
  await db.insert(divisions).values({ countyCode, code: countyCode, level: 'county', parentCode: null, name: '测试县' });
  const bureauId = uuidv7();
  await db.insert(managementUnits).values({ countyCode, id: bureauId, kind: 'bureau', name: '测试县教育局' });
  const townships: TownshipFixture[] = [];
  for (let t = 0; t < 2; t++) {
    const code = `${countyCode}${100 + t}`;
    const name = `测试${t === 0 ? '东' : '西'}镇`;
    await db.insert(divisions).values({ countyCode, code, level: 'township', parentCode: countyCode, name });
    const villages = [`${code}201`, `${code}202`];
    await db
      .insert(divisions)
      .values(villages.map((v, i) => ({ countyCode, code: v, level: 'village' as const, parentCode: code, name: `${name}${i + 1}村` })));
    const unitId = uuidv7();
    await db.insert(managementUnits).values({ countyCode, id: unitId, kind: 'central_school', name: `${name}中心校`, townshipCode: code });
    const schoolList: SchoolFixture[] = [];
    for (let s = 0; s < 2; s++) {
      const school = {
        id: uuidv7(),
        code: `1${countyCode}${t}${s}0`.slice(0, 10).padEnd(10, '0'),
        name: `${name}第${s + 1}小学`,
        classes: [] as ClassFixture[],
      };
      await db.insert(schools).values({
        countyCode,
        id: school.id,
        code: school.code,
        name: school.name,
        type: '九年一贯制',
        townshipCode: code,
        villageCode: villages[0],
        unitId,
      });
      for (const grade of [1, 7]) {
        const cls: ClassFixture = { id: uuidv7(), grade, children: [] };
        await db.insert(classes).values({ countyCode, id: cls.id, schoolId: school.id, schoolYear, grade, name: '1班' });
        for (let k = 0; k < 2; k++)
          cls.children.push(await makeChild(db, countyCode, { schoolId: school.id, classId: cls.id, grade, villageCode: villages[k % 2] }));
        school.classes.push(cls);
      }
      schoolList.push(school);
    }
    const outOfSchoolChild = await makeChild(db, countyCode, {
      schoolId: null,
      classId: null,
      grade: null,
      villageCode: villages[1],
      status: '未入学',
    });
    townships.push({ code, name, unitId, villages, schools: schoolList, outOfSchoolChild });
  }
  const t0 = townships[0];
  const s00 = t0.schools[0];
  const u = (role: Role) => `${role}.${countyCode}`;
  const usersByRole = {
    countyAdmin: await makeUser(db, countyCode, u('county_admin'), [{ role: 'county_admin', scopeKind: 'county', scopeId: countyCode }], {
      displayName: '县管理员',
    }),
    countyLeader: await makeUser(db, countyCode, u('county_leader'), [{ role: 'county_leader', scopeKind: 'county', scopeId: countyCode }]),
    unitAdmin: await makeUser(db, countyCode, u('unit_admin'), [{ role: 'unit_admin', scopeKind: 'unit', scopeId: t0.unitId }]),
    schoolAdmin: await makeUser(db, countyCode, u('school_admin'), [{ role: 'school_admin', scopeKind: 'school', scopeId: s00.id }]),
    headTeacher: await makeUser(db, countyCode, u('head_teacher'), [
      { role: 'head_teacher', scopeKind: 'class', scopeId: s00.classes[0].id },
    ]),
    townshipOfficial: await makeUser(db, countyCode, u('township_official'), [
      { role: 'township_official', scopeKind: 'township', scopeId: t0.code },
    ]),
    villageOfficial: await makeUser(db, countyCode, u('village_official'), [
      { role: 'village_official', scopeKind: 'village', scopeId: t0.villages[1] },
    ]),
    liaison: await makeUser(db, countyCode, u('dept_liaison'), [{ role: 'dept_liaison', scopeKind: 'department', scopeId: '公安' }]),
  };
  return { countyCode, bureauId, schoolYear, townships, users: usersByRole };
}
export type CountyFixture = Awaited<ReturnType<typeof makeCounty>>;

let childSeq = 0;
export async function makeChild(
  db: DbOrTx,
  countyCode: string,
  p: { schoolId: string | null; classId: string | null; grade: number | null; villageCode: string; status?: string; keyGroups?: string[] },
): Promise<ChildFixture> {
  childSeq++;
  const id = uuidv7();
  const name = `测试${'甲乙丙丁戊己庚辛壬癸'[childSeq % 10]}${childSeq}`;
  const idNumber = fakeId(countyCode);
  await db.insert(children).values({
    countyCode,
    id,
    name,
    namePinyin: `ceshi${childSeq}`,
    nameInitials: 'cs',
    gender: childSeq % 2 ? '男' : '女',
    birthDate: '2015-03-05',
    idNumber,
    idNumberValid: false,
    householdVillageCode: p.villageCode,
    householdTownshipCode: p.villageCode.slice(0, 9),
    guardianName: '测试家长',
    guardianPhone: '13812345678',
    schoolId: p.schoolId,
    classId: p.classId,
    grade: p.grade,
    studentNo: p.schoolId ? `G${idNumber}` : null,
    status: p.status ?? '在读',
  });
  for (const g of p.keyGroups ?? [])
    await db.insert(childKeyGroups).values({ countyCode, childId: id, group: g, source: 'seed', sourceLabel: '测试数据' });
  return { id, name, idNumber, schoolId: p.schoolId, classId: p.classId, villageCode: p.villageCode };
}
