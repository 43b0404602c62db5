import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  CASE_ACTION_RULES,
  CASE_ACTIONS,
  CASE_STATUSES,
  isCaseOpen,
  refuseCaseAction,
  type ApprovalRight,
  type CaseAction,
  type CaseStatus,
  type Role,
} from '@notoneless/shared';
import { getTestApp, getTestDatabase, testClock } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { grantRights, makeCase } from '../../../test/case-work-fixtures';
import { approvals, caseEvents, cases } from '../../db/schema/index';

/**
 * Every action of the transition table through the API, by role and state (issue 5: "Every transition allowed/refused
 * by role and state"): for each action, a state it may start from and one it may not, for each role; the HTTP answer
 * must be what the pure rule (refuseCaseAction) says — 200, or 422 with its words.
 */
const TODAY = '2026-10-12';
const base = { occurredOn: TODAY };
const BODIES: Partial<Record<CaseAction, Record<string, unknown>>> = {
  verify: { result: 'in_progress', text: '正在核实' },
  home_visit: { visitorKind: '班主任', visitors: '李老师', metWith: '父亲 张某', result: '考虑中', text: '入户走访' },
  contact: { channel: '电话', contactWith: '母亲', result: '考虑中', text: '电话联系' },
  notice_issued: { guardianName: '张某' },
  notice_delivered: { deliveredTo: '张某' },
  admonition: { text: '乡镇批评教育' },
  correction_order: { dueOn: '2026-10-26', text: '责令限期改正' },
  joint_persuasion: { participants: '乡镇干部、村干部', result: '考虑中', text: '联合劝返' },
  referral: { department: '民政', subject: '困难救助', text: '家庭困难，申请救助' },
  home_teaching_start: { text: '重度残疾（一级）' },
  home_teaching_end: { text: '具备随班就读条件' },
  return: { planKind: '原年级原班', planReason: '按学校安排', text: '返校复学' },
  follow_up: { channel: '在校', text: '巩固回访' },
  relapse: { text: '再次连续缺课' },
  closure_request: { text: '巩固期满' },
  closure_confirm: { text: '同意销号' },
  closure_reject: { text: '材料不全，退回' },
  deferral_end: { text: '延缓期满' },
  note: { text: '情况说明' },
};

let app: FastifyInstance;
let county: CountyFixture;
let caseId: string;
const sessions: Partial<Record<Role, Session>> = {};
const actors: Partial<Record<Role, { userId: string; rights: ApprovalRight[] }>> = {};

beforeEach(() => testClock.set(`${TODAY}T02:00:00Z`));
afterAll(() => testClock.reset());

beforeAll(async () => {
  testClock.set(`${TODAY}T02:00:00Z`);
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  await grantRights(db, county.users.unitAdmin.id, ['case_closure_confirm']);
  // class 0 child 1: household village 1, so every field role of township 0 sees it
  caseId = (await makeCase(db, county.countyCode, county.townships[0].schools[0].classes[0].children[1], { status: 'suspected' })).id;
  const u = county.users;
  const byRole: [Role, { id: string; username: string }, ApprovalRight[]][] = [
    ['head_teacher', u.headTeacher, []],
    ['school_admin', u.schoolAdmin, []],
    ['unit_admin', u.unitAdmin, ['case_closure_confirm']],
    ['township_official', u.townshipOfficial, []],
    ['village_official', u.villageOfficial, []],
    ['county_admin', u.countyAdmin, []],
    ['county_leader', u.countyLeader, []],
  ];
  for (const [role, user, rights] of byRole) {
    sessions[role] = await login(app, user.username);
    actors[role] = { userId: user.id, rights };
  }
});

/** A 劝返通知书 issued and not yet delivered, after every event so far (a delivery needs one: rules/cases/notices.ts). */
async function issueNotice() {
  const { db } = await getTestDatabase();
  await db.insert(caseEvents).values({
    countyCode: county.countyCode,
    id: uuidv7(),
    caseId,
    type: 'notice_issued',
    occurredOn: TODAY,
    at: new Date(`${TODAY}T02:00:00Z`),
    actorName: '学校',
    data: { guardianName: '张某' },
  });
}

/** Put the case in a state (version 1), with a pending 销号 request by the school when it waits for confirmation. */
async function resetTo(status: CaseStatus) {
  const { db } = await getTestDatabase();
  const c = county.countyCode;
  await db
    .update(cases)
    .set({ status, version: 1, closedAt: null, closeKind: null, followUpUntil: null })
    .where(and(eq(cases.countyCode, c), eq(cases.id, caseId)));
  await db.execute(sql`update approvals set status = 'withdrawn' where county_code = ${c} and case_id = ${caseId} and status = 'pending'`);
  // no 劝返通知书 return period running (rules/cases/notices.ts): a new notice may be issued
  await db.execute(sql`update case_deadlines set met_at = now() where county_code = ${c} and case_id = ${caseId} and met_at is null`);
  if (status === 'closure_pending')
    await db.insert(approvals).values({
      countyCode: c,
      id: uuidv7(),
      type: 'closure',
      caseId,
      childId: county.townships[0].schools[0].classes[0].children[1].id,
      requesterId: county.users.schoolAdmin.id,
      requesterName: '学校',
      status: 'pending',
      createdAt: new Date(),
    });
}

const OPEN = CASE_STATUSES.filter(isCaseOpen);
const USER_ACTIONS = CASE_ACTIONS.filter((a) => BODIES[a]);

describe('the transition table through the API (issue 5, item 2)', () => {
  it.each(USER_ACTIONS)('%s: allowed and refused by role and state as the rule says', async (action) => {
    const rule = CASE_ACTION_RULES[action];
    const states = [rule.from[0], OPEN.find((x) => !rule.from.includes(x))].filter((x): x is CaseStatus => !!x);
    for (const status of states) {
      for (const [role, session] of Object.entries(sessions) as [Role, Session][]) {
        await resetTo(status);
        if (action === 'notice_delivered') await issueNotice();
        const a = actors[role]!;
        const expected = refuseCaseAction(
          action,
          { status, followUpUntil: null, closureRequestedBy: status === 'closure_pending' ? county.users.schoolAdmin.id : null },
          { userId: a.userId, roles: [role], rights: a.rights },
          { today: TODAY },
        );
        const res = await session.post(`/api/cases/${caseId}/actions`, { type: action, ...base, ...BODIES[action], version: 1 });
        const where = `${action} from ${status} by ${role}`;
        if (expected === null) {
          expect(res.statusCode, `${where}: ${res.body}`).toBe(200);
          expect(res.json().events[0].type, where).toBe(action);
        } else {
          expect(res.statusCode, `${where}: ${res.body}`).toBe(422);
          expect(errorOf(res).message, where).toBe(expected);
        }
      }
    }
  });

  it('the system rows (deferral decisions) and 延缓入学 applications are not posted here', async () => {
    await resetTo('persuading');
    for (const type of ['deferral_approved', 'deferral_rejected', 'deferral_request'])
      expect((await sessions.county_admin!.post(`/api/cases/${caseId}/actions`, { type, ...base, text: 'x', version: 1 })).statusCode).toBe(
        400,
      );
  });
});
