import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { addCalendarDays, deadlineInboxEntry, inboxAudienceOf } from '@notoneless/shared';
import { getTestApp, getTestDatabase, testClock } from '../../../test/test-app';
import { makeCounty, makeUser, type CountyFixture } from '../../../test/factories';
import { login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { addDeadline, addReferral, grantRights, makeCase } from '../../../test/case-work-fixtures';
import { approvals } from '../../db/schema/index';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};
let schoolCase: string;
let townshipCase: string;

type Item = {
  id: string;
  caseId: string;
  kind: string;
  label: string;
  state: string;
  overdueDays: number;
  escalated: boolean;
  escalationLevel: number;
  link: string;
};
const inbox = async (session: Session) => {
  const res = await session.get('/api/inbox');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; count: number };
};
const badge = async (session: Session) => (await session.get('/api/inbox/count')).json().count as number;
const at = (day: string) => testClock.set(`${day}T10:00:00+08:00`);
const deadlinesOf = (items: Item[], caseId: string) => items.filter((i) => i.caseId === caseId && i.id.startsWith('deadline:'));

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  const c = county.countyCode;
  const t1Unit = await makeUser(db, c, `unit1.${c}`, [{ role: 'unit_admin', scopeKind: 'unit', scopeId: county.townships[1].unitId }]);
  const verifier = await makeUser(db, c, `verify.${c}`, [{ role: 'county_admin', scopeKind: 'county', scopeId: c }]);
  await grantRights(db, verifier.id, ['deferral_verify']);
  await grantRights(db, county.users.unitAdmin.id, ['case_closure_confirm']);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  s.t1Unit = await login(app, t1Unit.username);
  s.verifier = await login(app, verifier.username);
  s.other = await login(app, other.users.countyAdmin.username);

  const t0 = county.townships[0];
  schoolCase = (await makeCase(db, c, t0.schools[0].classes[0].children[0])).id;
  await addDeadline(db, c, schoolCase, 'notice_return', '2026-10-19');
  await addDeadline(db, c, schoolCase, 'home_visit', '2026-10-22');
  await addDeadline(db, c, schoolCase, 'follow_up', '2026-10-30');
  // a 失学 child with no school: the township's own case
  townshipCase = (await makeCase(db, c, t0.outOfSchoolChild)).id;
  await addDeadline(db, c, townshipCase, 'verify', '2026-10-19');
});

scopeCases('GET /api/inbox', () => {
  it('the school and the 班主任 see an overdue item (overdue first) and one due within 3 days; the 中心校 not yet', async () => {
    at('2026-10-20');
    for (const who of ['schoolAdmin', 'headTeacher']) {
      const items = deadlinesOf((await inbox(s[who])).items, schoolCase);
      expect(
        items.map((i) => [i.kind, i.state, i.overdueDays, i.escalated]),
        who,
      ).toEqual([
        ['notice_return', 'overdue', 1, false],
        ['home_visit', 'due_soon', 0, false],
      ]);
      expect(items[0]).toMatchObject({ label: '劝返通知书返校期限', link: `/cases/${schoolCase}` });
    }
    expect(deadlinesOf((await inbox(s.unitAdmin)).items, schoolCase)).toEqual([]);
    expect(deadlinesOf((await inbox(s.countyAdmin)).items, schoolCase)).toEqual([]);
  });

  it('after escalationDays overdue the item appears also to the 中心校, after twice that to the county', async () => {
    at('2026-10-26'); // notice_return 7 days overdue, home_visit 4
    const unit = deadlinesOf((await inbox(s.unitAdmin)).items, schoolCase);
    expect(unit.map((i) => [i.kind, i.overdueDays, i.escalated, i.escalationLevel])).toEqual([['notice_return', 7, true, 1]]);
    expect(deadlinesOf((await inbox(s.schoolAdmin)).items, schoolCase).map((i) => i.kind)).toEqual(['notice_return', 'home_visit']);
    expect(deadlinesOf((await inbox(s.townshipOfficial)).items, schoolCase)).toHaveLength(1);
    expect(deadlinesOf((await inbox(s.countyAdmin)).items, schoolCase)).toEqual([]);
    expect(deadlinesOf((await inbox(s.t1Unit)).items, schoolCase)).toEqual([]); // another township's 中心校
    expect(deadlinesOf((await inbox(s.villageOfficial)).items, schoolCase)).toEqual([]);
    at('2026-11-02'); // 14 days
    const countyItems = deadlinesOf((await inbox(s.countyAdmin)).items, schoolCase);
    expect(countyItems.map((i) => [i.kind, i.overdueDays, i.escalated, i.escalationLevel])).toEqual([['notice_return', 14, true, 2]]);
    expect(deadlinesOf((await inbox(s.other)).items, schoolCase)).toEqual([]);
  });

  it('a township-level case (no school) is the township’s and the village’s own; the county gets it after escalationDays', async () => {
    at('2026-10-20');
    for (const who of ['unitAdmin', 'townshipOfficial', 'villageOfficial'])
      expect(
        deadlinesOf((await inbox(s[who])).items, townshipCase).map((i) => [i.state, i.escalated]),
        who,
      ).toEqual([['overdue', false]]);
    expect(deadlinesOf((await inbox(s.schoolAdmin)).items, townshipCase)).toEqual([]);
    expect(deadlinesOf((await inbox(s.countyAdmin)).items, townshipCase)).toEqual([]);
    at('2026-10-26');
    expect(deadlinesOf((await inbox(s.countyAdmin)).items, townshipCase).map((i) => i.escalationLevel)).toEqual([1]);
  });

  it('the SQL agrees with the rule, day by day', async () => {
    const settings = { escalationDays: 7 };
    for (let d = -5; d <= 16; d++) {
      const today = addCalendarDays('2026-10-19', d);
      at(today);
      for (const who of ['schoolAdmin', 'unitAdmin', 'countyAdmin'] as const) {
        const roles =
          who === 'schoolAdmin'
            ? (['school_admin'] as const)
            : who === 'unitAdmin'
              ? (['unit_admin'] as const)
              : (['county_admin'] as const);
        const audience = inboxAudienceOf(roles);
        const expected = ['2026-10-19', '2026-10-22', '2026-10-30'].filter(
          (dueOn) => deadlineInboxEntry({ dueOn, homeLevel: 'school' }, audience, today, settings) !== null,
        ).length;
        expect(deadlinesOf((await inbox(s[who])).items, schoolCase).length, `${who} on ${today}`).toBe(expected);
      }
    }
  });

  it('approvals waiting on a right, referrals waiting on a liaison, 销号 waiting on the 中心校', async () => {
    const { db } = await getTestDatabase();
    const c = county.countyCode;
    const child = county.townships[0].schools[0].classes[1].children[0];
    const deferralCase = await makeCase(db, c, child);
    await db.insert(approvals).values({
      countyCode: c,
      id: uuidv7(),
      type: 'deferral',
      caseId: deferralCase.id,
      childId: child.id,
      requesterId: county.users.schoolAdmin.id,
      requesterName: '学校',
      status: 'pending',
      createdAt: new Date(),
    });
    await addReferral(db, c, deferralCase.id, '公安', county.users.schoolAdmin.id);
    const closing = await makeCase(db, c, county.townships[0].schools[1].classes[0].children[0], { status: 'closure_pending' });
    await db.insert(approvals).values({
      countyCode: c,
      id: uuidv7(),
      type: 'closure',
      caseId: closing.id,
      childId: closing.childId,
      requesterId: county.users.schoolAdmin.id,
      requesterName: '学校',
      status: 'pending',
      createdAt: new Date(),
    });
    at('2026-10-20');
    const v = (await inbox(s.verifier)).items.filter((i) => i.state === 'waiting');
    expect(v.map((i) => [i.kind, i.label, i.caseId])).toEqual([['approval', '延缓入学申请待县教育局核实', deferralCase.id]]);
    const l = await inbox(s.liaison);
    expect(l.items.map((i) => [i.kind, i.state])).toEqual([['referral', 'waiting']]);
    expect(l.items[0].label).toContain('待接收');
    const u = (await inbox(s.unitAdmin)).items.filter((i) => i.state === 'waiting');
    expect(u.map((i) => [i.kind, i.caseId])).toEqual([['closure_pending', closing.id]]);
    expect((await inbox(s.schoolAdmin)).items.filter((i) => i.state === 'waiting')).toEqual([]);
  });
});

scopeCases('GET /api/inbox/count', () => {
  it('the badge counts exactly the items of the list, for every user', async () => {
    for (const day of ['2026-10-20', '2026-10-26', '2026-11-02']) {
      at(day);
      for (const [who, session] of Object.entries(s)) expect(await badge(session), `${who} on ${day}`).toBe((await inbox(session)).count);
    }
    at('2026-10-20');
    expect(await badge(s.schoolAdmin)).toBeGreaterThan(0);
    expect(await badge(s.other)).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/api/inbox/count' })).statusCode).toBe(401);
  });
});

describe('county leaders', () => {
  it('a county leader receives the county’s escalated items', async () => {
    at('2026-11-02');
    expect(deadlinesOf((await inbox(s.countyLeader)).items, schoolCase).map((i) => i.escalationLevel)).toEqual([2]);
  });
});
