import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase, testClock } from '../../../test/test-app';
import { makeCounty, makeUser, type ChildFixture, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { grantRights } from '../../../test/case-work-fixtures';
import { uuidv7 } from 'uuidv7';
import { rows } from '../../db/client';
import { findings } from '../../db/schema/index';
import { replaceCalendar, saveSettingValues } from '../settings/settings.repository';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};
let otherSchoolAdmin: Session;
let otherCountyAdmin: Session;
let childA: ChildFixture;
let childB: ChildFixture;
let caseA: string;
let caseB: string;

const users: Record<string, string> = {};

/** The day the tests are on (the worker setup resets the clock after every test; beforeEach sets it again). */
let today = '2026-09-07';
const setClock = () => testClock.set(`${today}T02:00:00Z`);
beforeEach(setClock);

/** Move the test clock (Beijing 10:00 on that day) and log everyone in again (sessions expire with the clock). */
async function at(day: string) {
  today = day;
  setClock();
  for (const [k, u] of Object.entries(users)) s[k] = await login(app, u);
  otherSchoolAdmin = s.otherSchoolAdmin;
  otherCountyAdmin = s.otherCountyAdmin;
}

const act = (who: Session, id: string, body: Record<string, unknown>) => who.post(`/api/cases/${id}/actions`, body);
const detailOf = async (id: string, who: Session = s.countyAdmin) => {
  const res = await who.get(`/api/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const balance = async () => (await s.countyAdmin.get('/api/ledgers/balance')).json();
const deadline = (d: { deadlines: { kind: string; dueOn: string; met: boolean; overdueDays: number }[] }, kind: string) =>
  d.deadlines.filter((x) => x.kind === kind);

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  const t0 = county.townships[0];
  childA = t0.schools[0].classes[0].children[0]; // household village 0 (not the village official's)
  childB = t0.schools[0].classes[0].children[1]; // household village 1 (the village official's)
  for (const [k, u] of Object.entries(county.users)) users[k] = u.username;
  await grantRights(db, county.users.unitAdmin.id, ['case_closure_confirm']);
  await grantRights(db, county.users.countyAdmin.id, ['case_closure_confirm']);
  const o = await makeUser(db, county.countyCode, `school2.${county.countyCode}`, [
    { role: 'school_admin', scopeKind: 'school', scopeId: t0.schools[1].id },
  ]);
  users.otherSchoolAdmin = o.username;
  users.otherCountyAdmin = other.users.countyAdmin.username;
  await at('2026-09-07');
});

afterAll(() => testClock.reset());

scopeCases('POST /api/cases', () => {
  it('a 班主任 reports a child of their class: the case opens 疑似辍学, in the 疑似辍学 ledger, to be verified within a week', async () => {
    const before = await balance();
    const res = await s.headTeacher.post('/api/cases', {
      childId: childA.id,
      reportedOn: '2026-09-07',
      text: '开学一周未报到，电话无人接',
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    caseA = d.id;
    expect(d).toMatchObject({ created: true, notice: null, status: 'suspected', statusLabel: '疑似辍学', source: '教师报告', version: 1 });
    expect(deadline(d, 'verify')).toEqual([expect.objectContaining({ dueOn: '2026-09-14', met: false, overdueDays: 0 })]);
    expect(d.events.map((e: { label: string }) => e.label)).toEqual(['建立个案']);
    expect(d.actions).toContain('verify');
    const after = await balance();
    expect(after.byCategory['疑似辍学']).toBe(before.byCategory['疑似辍学'] + 1);
    expect(after.total).toBe(before.total);
  });

  it('a second report adds a note to the open case and says so (one open case per child)', async () => {
    const res = await s.schoolAdmin.post('/api/cases', { childId: childA.id, reportedOn: '2026-09-07', text: '家长电话仍打不通' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: caseA, created: false });
    expect(res.json().notice).toMatch(/已有进行中的个案（疑似辍学），本次报告已记入该个案/);
    expect(res.json().events[0]).toMatchObject({ type: 'note', label: '情况说明' });
    expect(res.json().events[0].data.text).toMatch(/再次报告/);
    const { db } = await getTestDatabase();
    const open = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from cases where county_code = ${county.countyCode} and child_id = ${childA.id} and closed_at is null`,
    );
    expect(open[0].n).toBe(1);
  });

  it('refuses a child out of scope (404), a wrong role (403), a bad body (400) and a future date', async () => {
    const foreign = county.townships[1].schools[0].classes[0].children[0];
    expect((await s.headTeacher.post('/api/cases', { childId: foreign.id, reportedOn: '2026-09-07', text: '未到校' })).statusCode).toBe(
      404,
    );
    expect((await s.villageOfficial.post('/api/cases', { childId: childB.id, reportedOn: '2026-09-07', text: '未到校' })).statusCode).toBe(
      403,
    );
    expect((await s.countyLeader.post('/api/cases', { childId: childB.id, reportedOn: '2026-09-07', text: '未到校' })).statusCode).toBe(
      403,
    );
    const bad = await s.headTeacher.post('/api/cases', { childId: childB.id, reportedOn: '2026-09-07', text: '' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/请填写报告情况/);
    expect((await s.headTeacher.post('/api/cases', { childId: childB.id, reportedOn: '2026-09-30', text: '未到校' })).statusCode).toBe(422);
    expect((await otherCountyAdmin.post('/api/cases', { childId: childB.id, reportedOn: '2026-09-07', text: '未到校' })).statusCode).toBe(
      404,
    );
  });
});

describe('核实 (seed 001) — 非辍学 needs its reason and evidence; 劝退 is never a way to close', () => {
  it('opens B, refuses 劝退 and a missing reason, then closes 核实非辍学 (转学): off the suspected ledger, child 外地就读', async () => {
    const opened = await s.headTeacher.post('/api/cases', { childId: childB.id, reportedOn: '2026-09-07', text: '未报到' });
    caseB = opened.json().id;
    const v = opened.json().version;
    const kicked = await act(s.schoolAdmin, caseB, {
      type: 'verify',
      result: 'not_dropout',
      reason: '数据错误',
      evidence: '家长同意劝退回家',
      text: '学生成绩差，学校劝退',
      occurredOn: '2026-09-07',
      version: v,
    });
    expect(kicked.statusCode).toBe(422);
    expect(errorOf(kicked).message).toMatch(/不能以「劝退」方式结案/);
    const noReason = await act(s.schoolAdmin, caseB, {
      type: 'verify',
      result: 'not_dropout',
      text: '已核实',
      occurredOn: '2026-09-07',
      version: v,
    });
    expect(noReason.statusCode).toBe(422);
    expect(errorOf(noReason).message).toMatch(/须选择原因/);
    const noEvidence = await act(s.schoolAdmin, caseB, {
      type: 'verify',
      result: 'not_dropout',
      reason: '转学',
      text: '已核实',
      occurredOn: '2026-09-07',
      version: v,
    });
    expect(errorOf(noEvidence).message).toMatch(/须填写依据/);
    const unreachable = await act(s.schoolAdmin, caseB, {
      type: 'verify',
      result: 'unreachable',
      text: '联系不上',
      occurredOn: '2026-09-07',
      version: v,
    });
    expect(unreachable.statusCode).toBe(422);
    expect(errorOf(unreachable).message).toMatch(/书面报告/);

    const ok = await act(s.schoolAdmin, caseB, {
      type: 'verify',
      result: 'not_dropout',
      reason: '转学',
      evidence: '已转入郑州市某小学，学籍系统转学记录 2026-09-01',
      text: '经核实已转学',
      occurredOn: '2026-09-07',
      version: v,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'not_dropout', closeKind: 'not_dropout', actions: [] });
    expect(ok.json().closeReason).toMatch(/^转学：/);
    expect(deadline(ok.json(), 'verify')[0].met).toBe(true);
    expect(ok.json().deadlines.every((x: { met: boolean }) => x.met)).toBe(true);
    const { db } = await getTestDatabase();
    const [entry] = await rows<{ reason: string; evidence: string }>(
      db,
      sql`select close_reason as reason, close_evidence as evidence from ledger_entries where county_code = ${county.countyCode} and child_id = ${childB.id} and ledger = 'suspected'`,
    );
    expect(entry).toMatchObject({ reason: '已转学', evidence: expect.stringContaining('学籍系统转学记录') });
    const [child] = await rows<{ status: string }>(
      db,
      sql`select status from children where county_code = ${county.countyCode} and id = ${childB.id}`,
    );
    expect(child.status).toBe('外地就读');
    const again = await act(s.schoolAdmin, caseB, { type: 'note', text: '补充', occurredOn: '2026-09-07', version: ok.json().version });
    expect(errorOf(again).message).toMatch(/个案已核实非辍学，不能再「情况说明」/);
  });
});

describe('the lifecycle of A: 认定 → 劝返 → 复学 → 巩固跟踪 → 销号, the ledgers and the clocks following it', () => {
  it('认定辍学 needs 辍学/失学 and the cause; then the child moves to the 辍学 ledger and a home visit is due in 7 days', async () => {
    let d = await detailOf(caseA);
    const progress = await act(s.headTeacher, caseA, {
      type: 'verify',
      result: 'in_progress',
      text: '正在联系家长',
      occurredOn: '2026-09-07',
      version: d.version,
    });
    expect(progress.json().status).toBe('verifying');
    d = progress.json();
    const noCause = await act(s.schoolAdmin, caseA, {
      type: 'verify',
      result: 'dropout',
      dropoutKind: '辍学',
      text: '确认辍学',
      occurredOn: '2026-09-07',
      version: d.version,
    });
    expect(errorOf(noCause).message).toMatch(/辍学原因/);
    const before = await balance();
    const res = await act(s.schoolAdmin, caseA, {
      type: 'verify',
      result: 'dropout',
      dropoutKind: '辍学',
      cause: '厌学',
      text: '家访确认该生厌学不愿上学',
      signedBy: '王校长',
      occurredOn: '2026-09-07',
      version: d.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    d = res.json();
    expect(d).toMatchObject({ status: 'confirmed', dropoutKind: '辍学', cause: '厌学', confirmedOn: '2026-09-07' });
    expect(d.events[0]).toMatchObject({ type: 'verify', fromStatus: 'verifying', toStatus: 'confirmed', signedBy: '王校长' });
    expect(deadline(d, 'verify')[0].met).toBe(true);
    expect(deadline(d, 'home_visit')).toEqual([expect.objectContaining({ dueOn: '2026-09-14', met: false })]);
    const after = await balance();
    expect(after.byCategory['疑似辍学']).toBe(before.byCategory['疑似辍学'] - 1);
    expect(after.byCategory['辍学']).toBe(before.byCategory['辍学'] + 1);
    expect(after.total).toBe(before.total);
    const { db } = await getTestDatabase();
    const entries = await rows<{ ledger: string; closeReason: string | null }>(
      db,
      sql`select ledger, close_reason as "closeReason" from ledger_entries where county_code = ${county.countyCode} and child_id = ${childA.id} order by opened_at`,
    );
    expect(entries.sort((a, b) => b.ledger.localeCompare(a.ledger))).toEqual([
      { ledger: 'suspected', closeReason: '转入辍学台账' },
      { ledger: 'dropout', closeReason: null },
    ]);
  });

  it('a home visit resent from a phone with the same clientKey is recorded once, and meets the visit deadline', async () => {
    const d = await detailOf(caseA);
    const visit = {
      type: 'home_visit',
      visitorKind: '班主任',
      visitors: '李老师',
      metWith: '父亲 张某',
      result: '考虑中',
      text: '家长表示考虑让孩子返校',
      occurredOn: '2026-09-07',
      clientKey: 'offline-visit-0001',
      version: d.version,
    };
    const first = await act(s.headTeacher, caseA, visit);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().status).toBe('persuading');
    const resent = await act(s.headTeacher, caseA, visit);
    expect(resent.statusCode, resent.body).toBe(200);
    const visits = resent.json().events.filter((e: { type: string }) => e.type === 'home_visit');
    expect(visits).toHaveLength(1);
    expect(resent.json().version).toBe(first.json().version);
    expect(deadline(resent.json(), 'home_visit')[0].met).toBe(true);
  });

  it('劝返通知书: issued by the school (not the 班主任), delivered → return due 5 days later; overdue when the clock passes it', async () => {
    await at('2026-09-11');
    let d = await detailOf(caseA);
    // nothing issued yet: a delivery is neither offered nor accepted
    expect((await detailOf(caseA, s.schoolAdmin)).actions).toEqual(expect.arrayContaining(['notice_issued']));
    expect((await detailOf(caseA, s.schoolAdmin)).actions).not.toContain('notice_delivered');
    const early = await act(s.headTeacher, caseA, {
      type: 'notice_delivered',
      deliveredTo: '张某',
      occurredOn: '2026-09-11',
      version: d.version,
    });
    expect(early.statusCode).toBe(422);
    expect(errorOf(early).message).toMatch(/没有待送达的《劝返通知书》/);
    expect(
      (await act(s.headTeacher, caseA, { type: 'notice_issued', guardianName: '张某', occurredOn: '2026-09-11', version: d.version }))
        .statusCode,
    ).toBe(422);
    d = (
      await act(s.schoolAdmin, caseA, { type: 'notice_issued', guardianName: '张某', occurredOn: '2026-09-11', version: d.version })
    ).json();
    const res = await act(s.headTeacher, caseA, {
      type: 'notice_delivered',
      deliveredTo: '张某',
      occurredOn: '2026-09-11',
      version: d.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(deadline(res.json(), 'notice_return')).toEqual([expect.objectContaining({ dueOn: '2026-09-16', met: false })]);
    // delivered: not delivered again, and no new notice while its return period runs (the last day included)
    d = await detailOf(caseA, s.schoolAdmin);
    expect(d.actions).not.toContain('notice_delivered');
    expect(d.actions).not.toContain('notice_issued');
    expect(d.actions).toContain('home_visit');
    const twice = await act(s.schoolAdmin, caseA, {
      type: 'notice_delivered',
      deliveredTo: '张某',
      occurredOn: '2026-09-11',
      version: d.version,
    });
    expect(errorOf(twice).message).toMatch(/请先「发放劝返通知书」/);
    const again = await act(s.schoolAdmin, caseA, {
      type: 'notice_issued',
      guardianName: '张某',
      occurredOn: '2026-09-11',
      version: d.version,
    });
    expect(again.statusCode).toBe(422);
    expect(errorOf(again).message).toBe('已送达的《劝返通知书》返校期限至 2026-09-16，期限届满仍未返校的方可再次发放');
    await at('2026-09-16');
    expect((await detailOf(caseA, s.schoolAdmin)).actions).not.toContain('notice_issued');
    await at('2026-09-20');
    d = await detailOf(caseA);
    // the period passed without a return: a new notice may be issued (and only then delivered)
    expect((await detailOf(caseA, s.schoolAdmin)).actions).toContain('notice_issued');
    expect((await detailOf(caseA, s.schoolAdmin)).actions).not.toContain('notice_delivered');
    expect(deadline(d, 'notice_return')[0].overdueDays).toBe(4);
    const overdue = (await s.schoolAdmin.get('/api/cases?overdue=true')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(caseA);
    expect(overdue.items.find((i: { id: string }) => i.id === caseA).nextDeadline).toMatchObject({ kind: 'notice_return', overdueDays: 4 });
  });

  it('复学 with the 复学方案: a different plan needs a reason; the child leaves the 辍学 ledger and 巩固跟踪 starts', async () => {
    let d = await detailOf(caseA);
    expect(d.resumeSuggestion).toMatchObject({ kind: '原年级原班' });
    // out for under a year: the child's own wish does not change the plan (seed 004)
    expect(d.resumeSuggestionIfUnwilling).toMatchObject({ kind: '原年级原班' });
    const differs = await act(s.schoolAdmin, caseA, {
      type: 'return',
      planKind: '单独编班',
      text: '复学',
      occurredOn: '2026-09-20',
      version: d.version,
    });
    expect(differs.statusCode).toBe(422);
    expect(errorOf(differs).message).toMatch(/与建议的「原年级原班」不同，请填写理由/);
    const before = await balance();
    const res = await act(s.schoolAdmin, caseA, {
      type: 'return',
      planKind: '原年级原班',
      text: '经劝返于今日返校，编入原班级，班主任一对一帮扶',
      occurredOn: '2026-09-20',
      version: d.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    d = res.json();
    expect(d).toMatchObject({ status: 'returned', returnedOn: '2026-09-20', followUpUntil: '2026-12-19', resumeSuggestion: null });
    expect(deadline(d, 'notice_return')[0].met).toBe(true);
    expect(deadline(d, 'follow_up')).toEqual([expect.objectContaining({ dueOn: '2026-10-20', met: false })]);
    expect(deadline(d, 'follow_up_end')).toEqual([expect.objectContaining({ dueOn: '2026-12-19', met: false })]);
    const after = await balance();
    expect(after.byCategory['辍学']).toBe(before.byCategory['辍学'] - 1);
    expect(after.byCategory['本地在读']).toBe(before.byCategory['本地在读'] + 1);
    expect(after.total).toBe(before.total);
    const { db } = await getTestDatabase();
    const [dropout] = await rows<{ reason: string }>(
      db,
      sql`select close_reason as reason from ledger_entries where county_code = ${county.countyCode} and child_id = ${childA.id} and ledger = 'dropout'`,
    );
    expect(dropout.reason).toBe('已复学');
    // 销号 only after 巩固跟踪
    const early = await act(s.schoolAdmin, caseA, {
      type: 'closure_request',
      text: '已复学',
      occurredOn: '2026-09-20',
      version: d.version,
    });
    expect(errorOf(early).message).toMatch(/巩固跟踪期至 2026-12-19/);
    const follow = await act(s.headTeacher, caseA, {
      type: 'follow_up',
      channel: '在校',
      text: '按时到校，情绪稳定',
      occurredOn: '2026-09-20',
      version: d.version,
    });
    expect(follow.statusCode, follow.body).toBe(200);
    expect(deadline(follow.json(), 'follow_up').map((x: { met: boolean; dueOn: string }) => [x.dueOn, x.met])).toEqual([
      ['2026-10-20', false], // a visit on the day of the return keeps the visit due then: one clock, listed once
    ]);
  });

  it('销号 needs someone else with the right; two confirmers at once: one wins, the other gets 409, nothing lost', async () => {
    await at('2026-12-20');
    let d = await detailOf(caseA);
    const req = await act(s.countyAdmin, caseA, {
      type: 'closure_request',
      text: '巩固跟踪期满，学习生活正常',
      occurredOn: '2026-12-20',
      version: d.version,
    });
    expect(req.statusCode, req.body).toBe(200);
    d = req.json();
    expect(d.status).toBe('closure_pending');
    expect(d.approvals[0]).toMatchObject({ type: 'closure', status: 'pending', nextRight: 'case_closure_confirm' });
    const own = await act(s.countyAdmin, caseA, { type: 'closure_confirm', occurredOn: '2026-12-20', version: d.version });
    expect(own.statusCode).toBe(422);
    expect(errorOf(own).message).toMatch(/销号申请人不能确认自己的申请/);
    const noRight = await act(s.schoolAdmin, caseA, { type: 'closure_confirm', occurredOn: '2026-12-20', version: d.version });
    expect(errorOf(noRight).message).toMatch(/需要销号确认权限/);
    const kicked = await act(s.unitAdmin, caseA, {
      type: 'closure_confirm',
      text: '同意劝退',
      occurredOn: '2026-12-20',
      version: d.version,
    });
    expect(errorOf(kicked).message).toMatch(/劝退/);

    // the requester's colleague and the 中心校 confirm at the same moment
    const { db } = await getTestDatabase();
    const second = await makeUser(db, county.countyCode, `confirm2.${county.countyCode}`, [
      { role: 'county_admin', scopeKind: 'county', scopeId: county.countyCode },
    ]);
    await grantRights(db, second.id, ['case_closure_confirm']);
    const colleague = await login(app, second.username);
    const body = { type: 'closure_confirm', text: '经核查同意销号', occurredOn: '2026-12-20', version: d.version };
    const [r1, r2] = await Promise.all([act(s.unitAdmin, caseA, body), act(colleague, caseA, body)]);
    const codes = [r1.statusCode, r2.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = r1.statusCode === 409 ? r1 : r2;
    expect(errorOf(loser).message).toBe('该个案已被他人更新，请刷新后再操作');
    d = await detailOf(caseA);
    expect(d).toMatchObject({ status: 'closed', statusLabel: '已销号', closeKind: 'cancelled', closeReason: '经核查同意销号' });
    expect(d.events.filter((e: { type: string }) => e.type === 'closure_confirm')).toHaveLength(1);
    expect(d.approvals[0]).toMatchObject({ status: 'approved', nextRight: null });
    expect(d.approvals[0].steps).toHaveLength(1);
    expect(d.deadlines.every((x: { met: boolean }) => x.met)).toBe(true);
    // each clock once: 巩固跟踪回访 is not listed twice
    const clocks = d.deadlines.map((x: { kind: string; dueOn: string }) => `${x.kind} ${x.dueOn}`);
    expect(new Set(clocks).size).toBe(clocks.length);
    expect(deadline(d, 'follow_up')).toHaveLength(1);
  });

  it('a closed case: its clock stops at the close date, and nothing of it is left in the 待办', async () => {
    await at('2026-12-31');
    const d = await detailOf(caseA);
    expect(d.status).toBe('closed');
    expect(d.daysOpen).toBe(104); // 2026-09-07 → 2026-12-20, not → 2026-12-31
    const listed = (await s.countyAdmin.get(`/api/cases?status=closed_all`)).json();
    expect(listed.items.find((i: { id: string }) => i.id === caseA).daysOpen).toBe(104);
    const { db } = await getTestDatabase();
    const [open] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from case_deadlines where county_code = ${county.countyCode} and case_id = ${caseA} and met_at is null`,
    );
    expect(open.n).toBe(0);
    for (const who of [s.headTeacher, s.schoolAdmin, s.unitAdmin, s.countyAdmin]) {
      const inbox = await who.get('/api/inbox');
      expect(inbox.statusCode, inbox.body).toBe(200);
      expect(inbox.json().items.filter((i: { caseId: string }) => i.caseId === caseA)).toEqual([]);
    }
  });

  it('relapse after 销号 opens a new case linked to the old one; the child page tells both, newest first', async () => {
    await at('2027-01-04');
    const res = await s.headTeacher.post('/api/cases', { childId: childA.id, reportedOn: '2027-01-04', text: '寒假前再次连续缺课' });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ created: true, previousCaseId: caseA, source: '销号后再次流失', status: 'suspected' });
    expect(d.history).toEqual([expect.objectContaining({ id: caseA, status: 'closed' })]);
    const timeline = await s.headTeacher.get(`/api/children/${childA.id}/cases`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    const items = timeline.json().items;
    expect(items.map((i: { id: string }) => i.id)).toEqual([d.id, caseA]);
    expect(items[1].events[0].type).toBe('closure_confirm');
    expect(items[1].events.at(-1).type).toBe('opened');
  });
});

scopeCases('GET /api/cases', () => {
  it('lists cases in scope: a village official only their village, a school its own; filters by status; 403 for a liaison', async () => {
    const ids = async (who: Session, q = '') => (await who.get(`/api/cases${q}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids(s.countyAdmin, '?status=closed_all')).toEqual(expect.arrayContaining([caseA, caseB]));
    expect(await ids(s.villageOfficial, '?status=closed_all')).toEqual([caseB]);
    expect(await ids(otherSchoolAdmin, '?status=closed_all')).toEqual([]);
    expect(await ids(otherCountyAdmin, '?status=closed_all')).toEqual([]);
    expect(await ids(s.schoolAdmin, '?status=not_dropout')).toEqual([caseB]);
    const list = (await s.schoolAdmin.get('/api/cases?status=open')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i: { status: string }) => !['closed', 'not_dropout'].includes(i.status))).toBe(true);
    expect(list.items[0].idNumberMasked).toMatch(/\*{8}/);
    expect((await s.liaison.get('/api/cases')).statusCode).toBe(403);
    expect((await s.countyAdmin.get('/api/cases?status=nothing')).statusCode).toBe(400);
    expect(await ids(s.countyAdmin, `?status=closed_all&q=${encodeURIComponent(childB.name)}`)).toEqual([caseB]);
  });
});

scopeCases('GET /api/cases/:id', () => {
  it('shows the whole file, audited; 404 out of scope, for another school, another county and a village official of another village', async () => {
    const d = await detailOf(caseB, s.villageOfficial);
    expect(d).toMatchObject({ id: caseB, guardianPhoneMasked: '138****5678' });
    expect((await s.villageOfficial.get(`/api/cases/${caseA}`)).statusCode).toBe(404);
    expect((await otherSchoolAdmin.get(`/api/cases/${caseA}`)).statusCode).toBe(404);
    expect((await otherCountyAdmin.get(`/api/cases/${caseA}`)).statusCode).toBe(404);
    expect((await s.liaison.get(`/api/cases/${caseA}`)).statusCode).toBe(403);
    expect((await s.countyAdmin.get('/api/cases/not-a-uuid')).statusCode).toBe(400);
    const audit = (await s.countyAdmin.get('/api/audit?action=case.viewed')).json();
    expect(audit.total).toBeGreaterThan(0);
  });
});

scopeCases('POST /api/cases/:id/actions', () => {
  it('a school cannot act on another school’s case (404); stale versions 409; the system rows cannot be posted', async () => {
    const open = (await s.countyAdmin.get('/api/cases')).json().items.find((i: { childId: string }) => i.childId === childA.id);
    const d = await detailOf(open.id);
    const note = { type: 'note', text: '说明', occurredOn: '2027-01-04', version: d.version };
    expect((await act(otherSchoolAdmin, d.id, note)).statusCode).toBe(404);
    expect((await act(otherCountyAdmin, d.id, note)).statusCode).toBe(404);
    expect((await act(s.villageOfficial, d.id, note)).statusCode).toBe(404);
    const stale = await act(s.schoolAdmin, d.id, { ...note, version: d.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).message).toBe('该个案已被他人更新，请刷新后再操作');
    expect((await act(s.schoolAdmin, d.id, { type: 'deferral_approved', occurredOn: '2027-01-04', version: d.version })).statusCode).toBe(
      400,
    );
    expect((await act(s.schoolAdmin, d.id, { type: 'note', text: '', occurredOn: '2027-01-04', version: d.version })).statusCode).toBe(400);
    expect((await act(s.schoolAdmin, d.id, { ...note, occurredOn: '2027-02-01' })).statusCode).toBe(422);
  });
});

describe('ledger entries open and follow the case', () => {
  it('a finding confirmed straight into the 辍学 ledger opens the case as 已认定 (失学 for 适龄失学), linked to the finding', async () => {
    const { db } = await getTestDatabase();
    const child = county.townships[0].outOfSchoolChild;
    const findingId = uuidv7();
    const run = uuidv7();
    await db.insert(findings).values({
      countyCode: county.countyCode,
      id: findingId,
      fingerprint: `fp-${findingId}`,
      category: 'OUT_OF_SCHOOL',
      name: child.name,
      childId: child.id,
      townshipCode: child.villageCode.slice(0, 9),
      villageCode: child.villageCode,
      status: 'open',
      firstRunId: run,
      lastRunId: run,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const res = await s.townshipOfficial.post(`/api/findings/${findingId}/confirm`, {
      ledger: 'dropout',
      cause: '家庭贫困',
      note: '入户核实从未入学',
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await s.villageOfficial.get(`/api/cases?q=${encodeURIComponent(child.name)}`)).json();
    expect(list.items).toHaveLength(1);
    const d = await detailOf(list.items[0].id, s.villageOfficial);
    expect(d).toMatchObject({ status: 'confirmed', source: '四查三比对', findingId, dropoutKind: '失学', cause: '家庭贫困' });
    expect(d.resumeSuggestion).toMatchObject({ kind: '调整年级' });
    expect(res.json().ledgerEntryId).toBeTruthy();
  });

  it('a 辍学 entry added on the ledger page opens the case as 已认定 with a home visit due; its 已复学 销号 goes through the case', async () => {
    const child = county.townships[0].schools[0].classes[1].children[0];
    const res = await s.schoolAdmin.post('/api/ledgers/entries', {
      childId: child.id,
      ledger: 'dropout',
      source: 'survey',
      cause: '外出打工',
      note: '摸排发现',
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await s.schoolAdmin.get(`/api/cases?q=${encodeURIComponent(child.name)}`)).json();
    expect(list.items).toHaveLength(1);
    const d = await detailOf(list.items[0].id);
    expect(d).toMatchObject({ status: 'confirmed', dropoutKind: '辍学', cause: '外出打工', confirmedOn: '2027-01-04' });
    expect(deadline(d, 'home_visit')[0].dueOn).toBe('2027-01-11');
    const closed = await s.schoolAdmin.post(`/api/ledgers/entries/${res.json().id}/close`, {
      reason: '已复学',
      evidence: '已返校，原班就读',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ closeReason: '已复学', closeEvidence: '已返校，原班就读' });
    expect((await detailOf(d.id)).status).toBe('returned');
    // a dropout's other 销号 reasons belong to the case
    const c2 = county.townships[0].schools[0].classes[1].children[1];
    const e2 = (
      await s.schoolAdmin.post('/api/ledgers/entries', { childId: c2.id, ledger: 'dropout', source: 'survey', cause: '厌学' })
    ).json();
    const refused = await s.schoolAdmin.post(`/api/ledgers/entries/${e2.id}/close`, { reason: '外地就读', evidence: '在外地上学' });
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused).message).toMatch(/须在个案中办理/);
  });
});

describe('deadlines in working days across weekends and holidays (county setting)', () => {
  it('劝返通知书 delivered before National Day: return due on the 5th working day, the 调休 Saturday counted', async () => {
    const { db } = await getTestDatabase();
    await saveSettingValues(db, county.countyCode, { deadlineDayKind: 'working' }, null, new Date());
    await replaceCalendar(db, county.countyCode, {
      terms: [{ name: '2027春', startDate: '2027-02-20', endDate: '2027-07-10' }],
      days: [
        ...['01', '02', '03', '04', '05', '06', '07'].map((x) => ({ date: `2027-10-${x}`, kind: 'holiday' as const, name: '国庆节' })),
        { date: '2027-10-09', kind: 'workday' as const, name: '国庆调休' },
      ],
    });
    await at('2027-09-29');
    const child = county.townships[0].schools[1].classes[0].children[0];
    const entry = (
      await s.countyAdmin.post('/api/ledgers/entries', { childId: child.id, ledger: 'dropout', source: 'survey', cause: '厌学' })
    ).json();
    expect(entry.ledger).toBe('dropout');
    const id = (await s.countyAdmin.get(`/api/cases?q=${encodeURIComponent(child.name)}`)).json().items[0].id;
    let d = await detailOf(id);
    // confirmed Wed 2027-09-29: 7 working days → 09-30, (10-01…07 off), 10-08, 10-09 调休, 10-11, 10-12, 10-13, 10-14
    expect(deadline(d, 'home_visit')[0].dueOn).toBe('2027-10-14');
    d = (
      await act(s.countyAdmin, id, { type: 'notice_issued', guardianName: '家长', occurredOn: '2027-09-29', version: d.version })
    ).json();
    d = (
      await act(s.countyAdmin, id, { type: 'notice_delivered', deliveredTo: '家长', occurredOn: '2027-09-29', version: d.version })
    ).json();
    // Wed 09-29 + 5 working days: 09-30, 10-08, 10-09 (调休), 10-11, 10-12
    expect(deadline(d, 'notice_return')[0].dueOn).toBe('2027-10-12');
    // 复学 into another school's class: within scope only; the child moves with the case
    const target = county.townships[0].schools[0].classes[1];
    const ret = {
      type: 'return',
      planKind: '原年级原班',
      planReason: '转入邻校就读',
      classId: target.id,
      text: '复学',
      occurredOn: '2027-09-29',
      version: d.version,
    };
    expect((await act(otherSchoolAdmin, id, ret)).statusCode).toBe(404);
    const foreignClass = await act(s.countyAdmin, id, { ...ret, classId: other.townships[0].schools[0].classes[0].id });
    expect(foreignClass.statusCode).toBe(404);
    expect(errorOf(foreignClass).message).toMatch(/班级/);
    const moved = await act(s.countyAdmin, id, ret);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'returned', schoolName: county.townships[0].schools[0].name, grade: 7 });
    expect(moved.json().events[0].data.placement).toMatchObject({ moved: true, classId: target.id, grade: 7 });
    await saveSettingValues(db, county.countyCode, {}, null, new Date());
  });
});

scopeCases('GET /api/children/:id/cases', () => {
  it('404 for a child out of scope; 403 for a liaison', async () => {
    expect((await s.villageOfficial.get(`/api/children/${childA.id}/cases`)).statusCode).toBe(404);
    expect((await otherCountyAdmin.get(`/api/children/${childA.id}/cases`)).statusCode).toBe(404);
    expect((await s.liaison.get(`/api/children/${childA.id}/cases`)).statusCode).toBe(403);
    const b = (await s.villageOfficial.get(`/api/children/${childB.id}/cases`)).json();
    expect(b.items.map((i: { id: string }) => i.id)).toEqual([caseB]);
  });
});

scopeCases('GET /api/cases/export', () => {
  it('exports the filtered list as XLSX with masked IDs; audited; not for a 班主任', async () => {
    const res = await s.countyAdmin.get('/api/cases/export?status=closed_all');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toMatch(/个案/);
    expect(String(ws.getCell(2, 1).value)).toMatch(/脱敏/);
    expect(ws.rowCount).toBeGreaterThanOrEqual(5);
    expect(String(ws.getCell(4, 3).value)).toMatch(/\*{8}/);
    expect((await s.headTeacher.get('/api/cases/export')).statusCode).toBe(403);
    expect((await s.countyAdmin.get('/api/audit?action=case.list_exported')).json().total).toBe(1);
  });
});

describe('四包一 team', () => {
  let openId: string;
  let memberId: string;
  scopeCases('POST /api/cases/:id/team', () => {
    it('names the people of the case; a named user must be in scope; 403 for a village official', async () => {
      openId = (await s.countyAdmin.get('/api/cases')).json().items.find((i: { childId: string }) => i.childId === childA.id).id;
      const res = await s.townshipOfficial.post(`/api/cases/${openId}/team`, {
        personName: '刘乡长',
        role: '乡镇干部',
        phone: '13912345678',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual([expect.objectContaining({ personName: '刘乡长', role: '乡镇干部', phoneMasked: '139****5678' })]);
      memberId = res.json()[0].id;
      const named = await s.schoolAdmin.post(`/api/cases/${openId}/team`, {
        personName: '班主任',
        role: '班主任',
        userId: county.users.headTeacher.id,
      });
      expect(named.statusCode, named.body).toBe(200);
      const foreign = await s.schoolAdmin.post(`/api/cases/${openId}/team`, {
        personName: '外校老师',
        role: '帮扶人',
        userId: other.users.headTeacher.id,
      });
      expect(foreign.statusCode).toBe(404);
      expect((await s.villageOfficial.post(`/api/cases/${openId}/team`, { personName: '张村长', role: '村干部' })).statusCode).toBe(404);
      expect((await s.countyLeader.post(`/api/cases/${openId}/team`, { personName: '张村长', role: '村干部' })).statusCode).toBe(403);
      expect((await s.schoolAdmin.post(`/api/cases/${openId}/team`, { personName: '张村长', role: '村长' })).statusCode).toBe(400);
      expect((await detailOf(openId)).team).toHaveLength(2);
    });
  });
  scopeCases('DELETE /api/cases/:id/team/:memberId', () => {
    it('removes a member; 404 for another school', async () => {
      const del = (who: Session, m: string) => who.raw({ method: 'DELETE', url: `/api/cases/${openId}/team/${m}` });
      expect((await del(otherSchoolAdmin, memberId)).statusCode).toBe(404);
      const res = await del(s.townshipOfficial, memberId);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().map((m: { personName: string }) => m.personName)).toEqual(['班主任']);
      expect((await del(s.townshipOfficial, memberId)).statusCode).toBe(404);
    });
  });
});
