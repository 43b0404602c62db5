import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase, testClock } from '../../../test/test-app';
import { makeCounty, type ChildFixture, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { addDeadline, addEvent, makeCase } from '../../../test/case-work-fixtures';
import { cases, children } from '../../db/schema/index';
import { docxPart, textOf } from '../documents/test-support';
import { maskChildName } from './brief-text';

const NOW = '2026-11-16T02:00:00Z';
let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};
let picked: { caseId: string; child: ChildFixture }[] = [];
let otherCase: string;

beforeAll(async () => {
  testClock.set(NOW);
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  s.otherAdmin = await login(app, other.users.countyAdmin.username);
  const c = county.countyCode;
  const [t0, t1] = county.townships;
  const a = t0.schools[0].classes[1].children[0];
  const b = t1.schools[1].classes[1].children[1];
  // a: reported in October, confirmed, visited, persuaded and back at school in October
  const ca = await makeCase(db, c, a, { status: 'returned', reportedOn: '2026-10-08' });
  await db.update(cases).set({ confirmedOn: '2026-10-10', returnedOn: '2026-10-20' }).where(eq(cases.id, ca.id));
  await addEvent(db, c, ca.id, 'verify', '2026-10-10', {
    result: 'dropout',
    dropoutKind: '辍学',
    cause: '厌学',
    text: `${a.name}不想上学`,
  });
  await addEvent(db, c, ca.id, 'home_visit', '2026-10-12', { result: '考虑中', metWith: `${a.name}的父亲` });
  await addEvent(db, c, ca.id, 'return', '2026-10-20', { planKind: '原年级原班', text: `${a.name}回校` });
  // b: confirmed in September, still being persuaded, with a 劝返 deadline missed in October (T1 is behind)
  const cb = await makeCase(db, c, b, { status: 'persuading', reportedOn: '2026-09-07' });
  await addDeadline(db, c, cb.id, 'notice_return', '2026-10-20');
  picked = [
    { caseId: ca.id, child: a },
    { caseId: cb.id, child: b },
  ];
  otherCase = (await makeCase(db, other.countyCode, other.townships[0].schools[0].classes[0].children[0])).id;
});
beforeEach(() => testClock.set(NOW));

const docxText = async (res: { rawPayload: Buffer }) => textOf(await docxPart(res.rawPayload));

scopeCases('GET /api/briefs/:month/preview', () => {
  it('the county sees the month’s headline numbers, changes, indicators and the townships behind (hand-computed)', async () => {
    const res = await s.countyLeader.get('/api/briefs/2026-10/preview');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      month: '2026-10',
      monthLabel: '2026年10月',
      title: '测试县控辍保学简报（2026年10月）',
      schools: 4,
      reported: 0,
    });
    const h = Object.fromEntries(p.headline.map((x: { key: string }) => [x.key, x]));
    // makeCounty: 2 townships × 2 schools × 2 classes × 2 children, all 在读 → 16 在籍
    expect(h.enrolled).toMatchObject({ value: '16人', previous: '16人', change: '持平' });
    expect(h.newSuspected.value).toBe('1人');
    expect(h.newDropouts.value).toBe('1人');
    expect(h.returned.value).toBe('1人');
    const ind = Object.fromEntries(p.indicators.map((x: { key: string }) => [x.key, x]));
    // 2 confirmed this school year (Sep 10, Oct 10) of 16 at the start; 1 returned after 12 days
    expect(ind.dropout.value).toBe('12.500%');
    expect(ind.persuasion.value).toBe('50.00%');
    expect(ind.medianDays.value).toBe('12天');
    expect(ind.consolidation.value).toMatch(/^—（无法计算：/);
    expect(ind.overdue.value).toBe('1件');
    // 18 eligible (9 per township), 16 of them in school
    expect(ind.enrollment.value).toBe('88.89%');
    expect(p.townshipsBehind).toContainEqual({ name: '测试西镇', issues: expect.arrayContaining(['逾期未办个案1件']) });
  });
  it('is for county roles only; a future month or a bad month is refused', async () => {
    for (const k of ['schoolAdmin', 'unitAdmin', 'headTeacher', 'townshipOfficial', 'villageOfficial', 'liaison'])
      expect((await s[k].get('/api/briefs/2026-10/preview')).statusCode, k).toBe(403);
    expect((await s.countyAdmin.get('/api/briefs/2026-13/preview')).statusCode).toBe(400);
    expect((await s.countyAdmin.get('/api/briefs/2027-01/preview')).statusCode).toBe(400);
  });
});

scopeCases('GET /api/briefs/:month.docx', () => {
  it('the DOCX carries the headline figures and the picked cases as 某某 — never a full name, ID number or id', async () => {
    const ids = picked.map((p) => p.caseId).join(',');
    const res = await s.countyAdmin.get(`/api/briefs/2026-10.docx?caseIds=${ids}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('控辍保学简报-2026年10月.docx');
    const text = await docxText(res);
    expect(text).toContain('控辍保学简报（2026年10月）测试县教育局');
    expect(text).toContain('（2026年10月）');
    expect(text).toContain('在籍学生16人（与上月持平）');
    expect(text).toContain('新认定辍学1人');
    expect(text).toContain('劝返率：50.00%');
    expect(text).toContain('测试西镇：');
    expect(text).toContain('逾期未办个案1件');
    const [a, b] = picked.map((p) => p.child);
    expect(text).toContain(`1. ${maskChildName(a.name)}，`);
    expect(text).toContain('10月10日核实认定为辍学（主要原因：厌学）');
    expect(text).toContain('10月20日复学（原年级原班）');
    expect(text).toContain(`2. ${maskChildName(b.name)}，`);
    const { db } = await getTestDatabase();
    const kids = await db.select().from(children).where(eq(children.countyCode, county.countyCode));
    for (const k of kids) {
      expect(text).not.toContain(k.name);
      expect(text).not.toContain(k.id);
      if (k.idNumber) expect(text).not.toContain(k.idNumber);
    }
    for (const p of picked) expect(text).not.toContain(p.caseId);
    const audit = (await s.countyAdmin.get('/api/audit?action=brief.exported')).json();
    expect(audit.items[0].data).toEqual({ month: '2026-10', caseIds: picked.map((p) => p.caseId) });
  });
  it('without cases it says none were picked; another county’s case is not found; bad ids are refused', async () => {
    const none = await s.countyLeader.get('/api/briefs/2026-10.docx');
    expect(none.statusCode).toBe(200);
    expect(await docxText(none)).toContain('本期未选录典型案例。');
    const foreign = await s.countyAdmin.get(`/api/briefs/2026-10.docx?caseIds=${otherCase}`);
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign).message).toContain('典型案例');
    expect((await s.countyAdmin.get('/api/briefs/2026-10.docx?caseIds=abc')).statusCode).toBe(400);
    expect((await s.schoolAdmin.get('/api/briefs/2026-10.docx')).statusCode).toBe(403);
    expect((await s.otherAdmin.get(`/api/briefs/2026-10.docx?caseIds=${picked[0].caseId}`)).statusCode).toBe(404);
  });
});
