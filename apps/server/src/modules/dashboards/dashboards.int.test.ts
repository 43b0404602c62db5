import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Dashboard } from '@notoneless/shared';
import type { Database } from '../../db/client';
import { getTestApp, getTestDatabase, testClock } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { changedSince } from './dashboards.repository';

/**
 * The dashboards over a small county with hand-computed expectations (factories.ts: 2 townships × 2 schools ×
 * 2 classes (grades 1 and 7) × 2 children + 1 child out of school per township = 18 children, all born 2015-03-05,
 * so all age-eligible in the 2026—2027 school year). "Today" is 2026-10-20.
 *   A (T0 school 0, grade 1): 疑似辍学 ledger open; case verifying, reported 09-10, 核实 deadline 09-17 unmet → overdue
 *   B (T0 school 0, grade 7): 辍学 ledger open; case persuading, reported 09-05, confirmed 09-12
 *   C (T0 school 1):          case returned: reported 09-08, confirmed 09-10, returned 10-02 (24 days)
 *   D (T1 school 0):          case returned without confirmation: reported 09-20, returned 10-10 (20 days)
 *   脱贫户: A, B; 残疾: B.
 *   Daily reports (T0 school 0): 10-19 grade 1 class 2 enrolled / 1 present (1 无故缺勤), grade 7 class 2/2; 10-20 grade 1 class 2/2.
 *   月报 of 2026-09: only T0 school 0 submitted; due 10-05 has passed.
 */

let app: FastifyInstance;
let database: Database;
let county: CountyFixture;
let c: string;
const T = () => county.townships;

async function seedFacts() {
  const db = database.db;
  const [t0, t1] = T();
  const s00 = t0.schools[0];
  const A = s00.classes[0].children[0];
  const B = s00.classes[1].children[0];
  const C = t0.schools[1].classes[0].children[0];
  const D = t1.schools[0].classes[0].children[0];
  const at = '2026-10-01T00:00:00Z';
  const kase = async (childId: string, status: string, reported: string, confirmed: string | null, returned: string | null) => {
    const id = uuidv7();
    await db.execute(sql`insert into cases (county_code, id, child_id, status, status_since, source, reported_on, confirmed_on, returned_on,
      dropout_kind, opened_at, updated_at)
      values (${c}, ${id}, ${childId}, ${status}, ${at}, 'report', ${reported}, ${confirmed}, ${returned},
      ${confirmed ? '辍学' : null}, ${at}, ${at})`);
    return id;
  };
  const caseA = await kase(A.id, 'verifying', '2026-09-10', null, null);
  await kase(B.id, 'persuading', '2026-09-05', '2026-09-12', null);
  await kase(C.id, 'returned', '2026-09-08', '2026-09-10', '2026-10-02');
  await kase(D.id, 'returned', '2026-09-20', null, '2026-10-10');
  await db.execute(sql`insert into case_deadlines (county_code, id, case_id, kind, due_on, created_at)
    values (${c}, ${uuidv7()}, ${caseA}, 'verify', '2026-09-17', ${at})`);
  const entry = (childId: string, ledger: string) =>
    db.execute(sql`insert into ledger_entries (county_code, id, child_id, ledger, source, opened_at)
      values (${c}, ${uuidv7()}, ${childId}, ${ledger}, 'report', ${at})`);
  await entry(A.id, 'suspected');
  await entry(B.id, 'dropout');
  for (const [childId, group] of [
    [A.id, '脱贫户'],
    [B.id, '脱贫户'],
    [B.id, '残疾'],
  ])
    await db.execute(sql`insert into child_key_groups (county_code, child_id, "group", source, source_label)
      values (${c}, ${childId}, ${group}, 'seed', '测试')`);
  const report = (classId: string, date: string, enrolled: number, present: number, unexplained: number) =>
    db.execute(sql`insert into attendance_reports (county_code, id, class_id, school_id, date, list_source, enrolled, present,
      unexplained, submitted_by, submitted_by_name, first_submitted_at, submitted_at)
      values (${c}, ${uuidv7()}, ${classId}, ${s00.id}, ${date}, 'registry', ${enrolled}, ${present}, ${unexplained},
      ${county.users.headTeacher.id}, '班主任', ${at}, ${at})`);
  await report(s00.classes[0].id, '2026-10-19', 2, 1, 1);
  await report(s00.classes[1].id, '2026-10-19', 2, 2, 0);
  await report(s00.classes[0].id, '2026-10-20', 2, 2, 0);
  await db.execute(sql`insert into monthly_reports (county_code, id, level, school_id, month, status)
    values (${c}, ${uuidv7()}, 'school', ${s00.id}, '2026-09', 'submitted')`);
  return { A, B, C, D };
}

let kids: Awaited<ReturnType<typeof seedFacts>>;

beforeAll(async () => {
  testClock.set('2026-10-20T02:00:00Z');
  app = await getTestApp();
  database = await getTestDatabase();
  county = await makeCounty(database.db);
  c = county.countyCode;
  kids = await seedFacts();
});
// every test on 2026-10-20 (test/worker-setup.ts puts the real clock back after each test)
beforeEach(() => testClock.set('2026-10-20T02:00:00Z'));
afterAll(() => testClock.reset());

const get = async (username: string, url: string) => {
  const s = await login(app, username);
  return s.get(url);
};

describe('county dashboard (hand-computed)', () => {
  let d: Dashboard;
  beforeAll(async () => {
    const res = await get(county.users.countyAdmin.username, '/api/dashboards?month=2026-10');
    expect(res.statusCode, res.body).toBe(200);
    d = res.json();
  });

  it('computes the indicators from the snapshot', () => {
    const by = Object.fromEntries(d.indicators.map((i) => [i.key, i]));
    expect(d.level).toBe('county');
    expect(d.scopeLabel).toBe('测试县');
    expect(d.trail).toEqual([{ label: '测试县', link: null }]);
    expect(d.schoolYear).toEqual({ label: '2026—2027学年', from: '2026-09-01', to: '2027-08-31' });
    // 18 eligible, 14 本地在读 (A 疑似辍学, B 辍学, 2 out of school 未说明)
    expect(by.enrollment.ratio).toMatchObject({ numerator: 14, denominator: 18 });
    expect(by.enrollment.display).toBe('77.78%');
    // dropouts confirmed this school year: B and C; on the register: the 16 school children
    expect(by.dropout.ratio).toMatchObject({ numerator: 2, denominator: 16, value: 0.125 });
    // of B and C, C returned
    expect(by.persuasion.display).toBe('50.00%');
    // C 24 days, D 20 days
    expect(by.medianDays.value).toBe(22);
    expect(by.overdueCases.value).toBe(1);
    expect(by.overdueCases.link).toBe('/cases?overdue=true');
    expect(by.consolidation.ratio?.computable).toBe(false);
    expect(by.consolidation.display).toContain('无法计算');
    expect(by.enrollment.definition).toContain('适龄');
    expect(Date.parse(d.computedAt)).toBe(Date.parse('2026-10-20T02:00:00Z'));
  });

  it('draws the month-by-month trends with attendance from the daily reports', () => {
    expect(d.trends.map((t) => t.month)).toEqual(['2026-09', '2026-10']);
    const [sep, oct] = d.trends;
    expect(sep).toMatchObject({ newSuspected: 4, newDropouts: 2, returns: 0, attendanceRate: null });
    expect(oct).toMatchObject({ newSuspected: 0, newDropouts: 0, returns: 2, reportDays: 2 });
    expect(oct.attendanceRate).toBeCloseTo(5 / 6);
    expect(oct.links.attendance).toBe('/attendance/overview?date=2026-10-20');
  });

  it("a trend point opens the cases behind it: that month's reported, confirmed or returned cases, whatever their status", async () => {
    const [sep, oct] = d.trends;
    expect(sep.links.newSuspected).toBe('/cases?status=all&month=2026-09&monthEvent=reported');
    const count = async (link: string) => {
      const q = new URLSearchParams(link.split('?')[1]);
      q.delete('status'); // 全部个案 is the absence of the filter in the API
      const res = await get(county.users.countyAdmin.username, `/api/cases?${q.toString()}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().total as number;
    };
    for (const t of [sep, oct]) {
      expect(await count(t.links.newSuspected)).toBe(t.newSuspected);
      expect(await count(t.links.newDropouts)).toBe(t.newDropouts);
      expect(await count(t.links.returns)).toBe(t.returns);
    }
    expect((await get(county.users.countyAdmin.username, '/api/cases?month=2026-13')).statusCode).toBe(400);
  });

  it('counts the three ledgers with their links', () => {
    expect(d.ledgers.eligible).toEqual({ count: 18, link: '/ledgers/eligible' });
    expect(d.ledgers.suspected).toEqual({ count: 1, link: '/ledgers/suspected' });
    expect(d.ledgers.dropout).toEqual({ count: 1, link: '/ledgers/dropout' });
    const cat = Object.fromEntries(d.ledgers.byCategory.map((x) => [x.category, x.count]));
    expect(cat).toMatchObject({ 本地在读: 14, 疑似辍学: 1, 辍学: 1, 未说明: 2, 外地就读: 0 });
    expect(d.ledgers.byCategory.find((x) => x.category === '未说明')?.link).toBe(
      `/ledgers/eligible?category=${encodeURIComponent('未说明')}`,
    );
  });

  it('ranks the townships', () => {
    const [t0, t1] = T();
    expect(d.ranking?.by).toBe('township');
    const r0 = d.ranking!.rows.find((r) => r.id === t0.code)!;
    const r1 = d.ranking!.rows.find((r) => r.id === t1.code)!;
    expect(r0).toMatchObject({ name: t0.name, eligible: 9, suspected: 1, dropouts: 1, overdue: 1, unexplained: 1, unexplainedAbsences: 1 });
    expect(r0.attendanceRate).toBeCloseTo(5 / 6);
    expect(r1).toMatchObject({ eligible: 9, suspected: 0, dropouts: 0, overdue: 0, unexplained: 1, attendanceRate: null });
    expect(r0.dashboardLink).toBe(`/reports/dashboard?level=township&townshipCode=${t0.code}&month=2026-10`);
    expect(r0.links.dropouts).toBe(`/ledgers/dropout?townshipCode=${t0.code}`);
  });

  it('breaks down the key groups', () => {
    expect(d.keyGroups.map((g) => [g.group, g.children, g.suspected, g.dropouts])).toEqual([
      ['脱贫户', 2, 1, 1],
      ['残疾', 1, 0, 1],
    ]);
    expect(d.keyGroups[0].links.children).toBe(`/children?keyGroup=${encodeURIComponent('脱贫户')}`);
  });

  it('lists the overdue work: cases, late 月报, classes not reporting', () => {
    expect(d.overdue.cases).toMatchObject({ count: 1, byKind: [{ kind: 'verify', count: 1 }] });
    expect(d.overdue.lateReports).toMatchObject({ month: '2026-09', dueOn: '2026-10-05', pastDue: true, count: 3 });
    expect(d.overdue.lateReports.items.every((x) => x.status === 'not_started')).toBe(true);
    expect(d.overdue.lateReports.link).toBe('/reports/monthly?month=2026-09');
    // 8 classes, one reported on 10-20
    expect(d.overdue.silentClasses).toMatchObject({ date: '2026-10-20', count: 7 });
  });
});

describe('township and school levels', () => {
  it('gives the 中心校 its township, ranking its schools', async () => {
    const [t0] = T();
    const res = await get(county.users.unitAdmin.username, '/api/dashboards');
    expect(res.statusCode, res.body).toBe(200);
    const d: Dashboard = res.json();
    expect(d).toMatchObject({ level: 'township', townshipCode: t0.code, scopeLabel: t0.name, canCounty: false });
    expect(d.trail).toEqual([{ label: t0.name, link: null }]);
    expect(d.ranking?.by).toBe('school');
    expect(d.ranking!.rows.map((r) => [r.id, r.suspected, r.dropouts, r.overdue])).toEqual([
      [t0.schools[0].id, 1, 1, 1],
      [t0.schools[1].id, 0, 0, 0],
    ]);
    expect(d.ledgers.eligible.count).toBe(9);
    expect(d.overdue.lateReports.count).toBe(1);
    expect(d.indicators.find((i) => i.key === 'overdueCases')?.link).toBe(`/cases?townshipCode=${t0.code}&overdue=true`);
    expect(d.trends[1].returns).toBe(1);
  });

  it('gives a school its own figures', async () => {
    const s00 = T()[0].schools[0];
    const res = await get(county.users.schoolAdmin.username, '/api/dashboards');
    expect(res.statusCode, res.body).toBe(200);
    const d: Dashboard = res.json();
    expect(d).toMatchObject({ level: 'school', schoolId: s00.id, ranking: null });
    expect(d.ledgers.eligible.count).toBe(4);
    // a school admin has no township dashboard: the trail names the township without a link
    expect(d.trail).toEqual([
      { label: T()[0].name, link: null },
      { label: s00.name, link: null },
    ]);
    expect(d.ledgers.suspected).toEqual({ count: 1, link: `/ledgers/suspected?schoolId=${s00.id}` });
    expect(d.overdue.lateReports.count).toBe(0);
    expect(d.overdue.silentClasses.count).toBe(1);
  });
});

describe('freshness', () => {
  it('serves the snapshot until it is recomputed, then the new figures', async () => {
    const admin = await login(app, county.users.countyAdmin.username);
    await database.db.execute(sql`insert into ledger_entries (county_code, id, child_id, ledger, source, opened_at)
      values (${c}, ${uuidv7()}, ${kids.C.id}, 'suspected', 'report', now())`);
    expect(((await admin.get('/api/dashboards')).json() as Dashboard).ledgers.suspected.count).toBe(1);
    testClock.set('2026-10-20T03:00:00Z');
    const r = await admin.post('/api/dashboards/refresh');
    expect(r.statusCode, r.body).toBe(200);
    const d: Dashboard = (await admin.get('/api/dashboards')).json();
    expect(d.ledgers.suspected.count).toBe(2);
    expect(Date.parse(d.computedAt)).toBe(Date.parse('2026-10-20T03:00:00Z'));
    testClock.set('2026-10-20T02:00:00Z');
  });

  it('notices audited writes, not views', async () => {
    const since = new Date('2030-01-01T00:00:00Z');
    const ins = (action: string) =>
      database.db.execute(sql`insert into audit_events (county_code, id, at, actor_name, action, ip)
        values (${c}, ${uuidv7()}, '2030-01-02T00:00:00Z', '测试', ${action}, '127.0.0.1')`);
    await ins('case.viewed');
    expect(await changedSince(database.db, c, since)).toBe(false);
    await ins('case.action');
    expect(await changedSince(database.db, c, since)).toBe(true);
  });
});

describe('a 局属 school in a township', () => {
  it('is ranked for the county, not for the 中心校 it does not belong to', async () => {
    const [t0] = T();
    const id = uuidv7();
    await database.db.execute(sql`insert into schools (county_code, id, code, name, type, township_code, unit_id)
      values (${c}, ${id}, ${`9${c}999`.slice(0, 10)}, '局属特校', '特殊教育学校', ${t0.code}, ${county.bureauId})`);
    const admin = await login(app, county.users.countyAdmin.username);
    expect((await admin.post('/api/dashboards/refresh')).statusCode).toBe(200);
    const forCounty: Dashboard = (await admin.get(`/api/dashboards?townshipCode=${t0.code}`)).json();
    expect(forCounty.ranking!.rows.map((r) => r.name)).toContain('局属特校');
    const unit = await login(app, county.users.unitAdmin.username);
    const forUnit: Dashboard = (await unit.get('/api/dashboards')).json();
    expect(forUnit.ranking!.rows.map((r) => r.id)).toEqual(t0.schools.map((x) => x.id));
  });
});

scopeCases('GET /api/dashboards', () => {
  it('refuses levels outside the scope', async () => {
    const [t0, t1] = T();
    const school = await login(app, county.users.schoolAdmin.username);
    expect((await school.get('/api/dashboards?level=county')).statusCode).toBe(403);
    expect((await school.get(`/api/dashboards?townshipCode=${t0.code}`)).statusCode).toBe(403);
    expect((await school.get(`/api/dashboards?schoolId=${t0.schools[1].id}`)).statusCode).toBe(403);
    const unit = await login(app, county.users.unitAdmin.username);
    expect((await unit.get(`/api/dashboards?townshipCode=${t1.code}`)).statusCode).toBe(403);
    expect((await unit.get(`/api/dashboards?schoolId=${t0.schools[1].id}`)).statusCode).toBe(200);
    const teacher = await login(app, county.users.headTeacher.username);
    const res = await teacher.get('/api/dashboards');
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).message).toContain('数据看板');
  });
  it('requires a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/dashboards' })).statusCode).toBe(401);
  });
});

scopeCases('POST /api/dashboards/refresh', () => {
  it('is for the county admin only', async () => {
    const leader = await login(app, county.users.countyLeader.username);
    expect((await leader.post('/api/dashboards/refresh')).statusCode).toBe(403);
    const admin = await login(app, county.users.countyAdmin.username);
    expect((await admin.post('/api/dashboards/refresh')).statusCode).toBe(200);
  });
});
