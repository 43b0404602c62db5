import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DisclosureContent } from '@notoneless/shared';
import { getTestApp, getTestDatabase, testClock } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { makeCase } from '../../../test/case-work-fixtures';
import { cases, children } from '../../db/schema/index';
import { PUBLIC_RATE_LIMIT } from './disclosure.routes';

const NOW = '2026-11-16T02:00:00Z';
let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};

const content: DisclosureContent = {
  title: '测试县2026—2027学年控辍保学信息公开',
  intro: '向社会公开，接受监督。',
  tasks: ['确保零辍学', '巩固率保持100%'],
  measures: [{ title: '四包一', text: '乡（镇）干部、驻村工作人员、村干部、帮扶人四包一劝返。' }],
  bodies: [{ name: '县教育局', duty: '牵头单位', contact: '0371-1234 5678' }],
  contacts: [{ label: '监督电话', phone: '12345', hours: '全天' }],
  supervision: '欢迎监督。',
};

const pub = (code: string, q = '', remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'GET', url: `/api/public/${code}${q}`, remoteAddress });

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  testClock.set(NOW);
  county = await makeCounty(db);
  other = await makeCounty(db);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  s.otherAdmin = await login(app, other.users.countyAdmin.username);
  const c = county.countyCode;
  const t0 = county.townships[0];
  const [k1, k2, k3] = [t0.schools[0].classes[1].children[0], t0.schools[0].classes[1].children[1], t0.schools[1].classes[1].children[0]];
  // T0: three suspected reports this school year, two confirmed, one of them returned; one older case (last year)
  await makeCase(db, c, k1, { status: 'suspected', reportedOn: '2026-09-07' });
  const confirmed = await makeCase(db, c, k2, { status: 'persuading', reportedOn: '2026-09-08' });
  const returned = await makeCase(db, c, k3, { status: 'returned', reportedOn: '2026-09-09' });
  await db.update(cases).set({ returnedOn: '2026-10-20' }).where(eq(cases.id, returned.id));
  const old = await makeCase(db, c, county.townships[1].schools[0].classes[0].children[0], {
    status: 'persuading',
    reportedOn: '2026-05-06',
  });
  await db.update(cases).set({ confirmedOn: '2026-05-10' }).where(eq(cases.id, old.id));
  expect(confirmed.id).toBeTruthy();
});
// worker-setup resets the clock after each test; every test runs on 16 November 2026
beforeEach(() => testClock.set(NOW));

scopeCases('GET /api/disclosure', () => {
  it('county admin and leader read the current school year; other roles are refused', async () => {
    const res = await s.countyAdmin.get('/api/disclosure');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      year: '2026-2027',
      yearLabel: '2026—2027学年',
      status: 'none',
      draft: null,
      publicPath: `/public/${county.countyCode}`,
      years: ['2027-2028', '2026-2027'],
      can: { edit: true, publish: false },
    });
    expect((await s.countyLeader.get('/api/disclosure')).json().can.edit).toBe(false);
    for (const k of ['schoolAdmin', 'headTeacher', 'unitAdmin', 'townshipOfficial', 'villageOfficial', 'liaison']) {
      expect((await s[k].get('/api/disclosure')).statusCode, k).toBe(403);
    }
    expect((await s.countyAdmin.get('/api/disclosure?year=2026-2028')).statusCode).toBe(400);
    expect((await s.countyAdmin.get('/api/disclosure?year=26')).statusCode).toBe(400);
  });
});

scopeCases('PUT /api/disclosure/:year', () => {
  it('the county admin saves a draft (audited); validation in Chinese; the leader may not edit', async () => {
    const bad = await s.countyAdmin.put('/api/disclosure/2026-2027', { ...content, tasks: [] });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(errorOf(bad).message).toContain('年度任务');
    expect((await s.countyLeader.put('/api/disclosure/2026-2027', content)).statusCode).toBe(403);
    const res = await s.countyAdmin.put('/api/disclosure/2026-2027', content);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'draft',
      draft: content,
      published: null,
      unpublishedChanges: true,
      can: { publish: true },
    });
    // a draft is not public
    expect((await pub(county.countyCode)).statusCode).toBe(404);
    // another county sees nothing of it
    expect((await s.otherAdmin.get('/api/disclosure')).json().status).toBe('none');
    const audit = (await s.countyAdmin.get('/api/audit?action=disclosure.saved')).json();
    expect(audit.items.length).toBe(1);
  });
});

scopeCases('POST /api/disclosure/:year/publish', () => {
  it('publishing makes the draft the public page; later edits stay private until published again', async () => {
    expect((await s.countyLeader.post('/api/disclosure/2026-2027/publish')).statusCode).toBe(403);
    expect((await s.otherAdmin.post('/api/disclosure/2026-2027/publish')).statusCode).toBe(409);
    const res = await s.countyAdmin.post('/api/disclosure/2026-2027/publish');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', unpublishedChanges: false, publishedAt: '2026-11-16T02:00:00.000Z' });
    const edited = await s.countyAdmin.put('/api/disclosure/2026-2027', { ...content, title: '改过的标题' });
    expect(edited.json().unpublishedChanges).toBe(true);
    expect((await pub(county.countyCode)).json().content.title).toBe(content.title);
  });
});

scopeCases('GET /api/public/:countyCode', () => {
  it('answers without login: the published content and the aggregate numbers, hand-computed', async () => {
    const res = await pub(county.countyCode);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ countyCode: county.countyCode, countyName: '测试县', year: '2026-2027', yearLabel: '2026—2027学年' });
    expect(body.figures).toMatchObject({ from: '2026-09-01', to: '2026-11-16', asOf: '2026-11-16' });
    // makeCounty: 9 eligible children per township (8 at school + 1 out of school), all born 2015-03-05
    expect(body.figures.county).toEqual({ eligible: 18, suspected: 3, dropouts: 2, returned: 1 });
    const [t0, t1] = body.figures.townships;
    // township totals under 5 are suppressed too (3 suspected, 2 dropouts, 1 returned in 东镇; none in 西镇 — the
    // 2026-05 case belongs to last school year)
    expect(t0).toEqual({ name: '测试东镇', eligible: 9, suspected: '<5', dropouts: '<5', returned: '<5' });
    expect(t1).toEqual({ name: '测试西镇', eligible: 9, suspected: '<5', dropouts: '<5', returned: '<5' });
    // villages: 4 and 5 eligible → 4 is under 5, and 5 is hidden as '*' (secondary suppression); all case counts small
    expect(body.figures.villages[0]).toEqual({
      township: '测试东镇',
      rows: [
        { name: '测试东镇1村', eligible: '<5', suspected: '<5', dropouts: '<5', returned: '<5' },
        { name: '测试东镇2村', eligible: '*', suspected: '<5', dropouts: '<5', returned: '<5' },
      ],
    });
    expect(res.headers['cache-control']).toContain('max-age');
  });

  it('no personal field can leak: no name, ID number, child id, birth date, address or phone of any child of the county', async () => {
    const { db } = await getTestDatabase();
    const kids = await db.select().from(children).where(eq(children.countyCode, county.countyCode));
    const caseRows = await db.select().from(cases).where(eq(cases.countyCode, county.countyCode));
    expect(kids.length).toBe(18);
    const text = (await pub(county.countyCode)).body;
    const needles = [
      ...kids.flatMap((k) => [k.name, k.id, k.idNumber, k.birthDate, k.studentNo, k.guardianPhone, k.householdAddress, k.namePinyin]),
      ...caseRows.flatMap((c) => [c.id, c.childId]),
    ].filter((v): v is string => typeof v === 'string' && v.length > 0);
    for (const n of needles) expect(text.includes(n), `leaked: ${n}`).toBe(false);
    // key names against a deny-list of personal fields
    const DENY =
      /^(id|childId|caseId|idNumber|idNumberMasked|birthDate|gender|address|householdAddress|guardian.*|studentNo|className|namePinyin|nameInitials|children|items)$/i;
    const keys: string[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          keys.push(k);
          walk(x);
        }
    };
    walk(JSON.parse(text));
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((k) => DENY.test(k))).toEqual([]);
    // every cell below the county level is a suppressed small count, a hidden one or ≥ 5
    const f = JSON.parse(text).figures;
    for (const r of [...f.townships, ...f.villages.flatMap((g: { rows: unknown[] }) => g.rows)])
      for (const k of ['eligible', 'suspected', 'dropouts', 'returned'])
        expect(r[k] === '<5' || r[k] === '*' || r[k] >= 5, `${r.name}.${k}`).toBe(true);
  });

  it('an unknown county, a county with nothing published and an unpublished year answer 404 in Chinese', async () => {
    const none = await pub(other.countyCode);
    expect(none.statusCode).toBe(404);
    expect(errorOf(none).message).toContain('尚未发布');
    expect((await pub('999999')).statusCode).toBe(404);
    expect((await pub('abc')).statusCode).toBe(404);
    expect((await pub(county.countyCode, '?year=2025-2026')).statusCode).toBe(404);
  });

  it(`is rate-limited: more than ${PUBLIC_RATE_LIMIT} requests a minute from one address are refused`, async () => {
    let last = 0;
    for (let i = 0; i <= PUBLIC_RATE_LIMIT; i++) last = (await pub(county.countyCode, '', '10.77.0.1')).statusCode;
    expect(last).toBe(429);
    expect((await pub(county.countyCode, '', '10.77.0.2')).statusCode).toBe(200);
  });
});

scopeCases('POST /api/disclosure/:year/unpublish', () => {
  it('withdrawing takes the page offline; only the county admin may', async () => {
    expect((await s.countyLeader.post('/api/disclosure/2026-2027/unpublish')).statusCode).toBe(403);
    const res = await s.countyAdmin.post('/api/disclosure/2026-2027/unpublish');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('draft');
    expect((await pub(county.countyCode, '', '10.77.0.3')).statusCode).toBe(404);
    expect((await s.countyAdmin.post('/api/disclosure/2026-2027/unpublish')).statusCode).toBe(409);
  });
});
