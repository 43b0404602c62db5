import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, makeUser, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { addAttachment, addEvent, grantRights, makeCase } from '../../../test/case-work-fixtures';
import { attachments, caseEvents, cases, children } from '../../db/schema/index';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};
let caseId: string;
let rejectCaseId: string;
let withdrawCaseId: string;
let applicationId: string;
let guardianApplication: string;

const body = (o: Record<string, unknown> = {}) => ({
  type: 'deferral',
  health: false,
  reason: '学生本人拒不返校，监护人申请延缓入学',
  fromDate: '2026-10-01',
  toDate: '2027-06-30',
  guardianDutyDone: true,
  childStillRefuses: true,
  version: 1,
  ...o,
});

const caseRow = async (id: string) => {
  const { db } = await getTestDatabase();
  const [r] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.countyCode, county.countyCode), eq(cases.id, id)));
  return r;
};

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  const c = county.countyCode;
  const countyGrant = [{ role: 'county_admin' as const, scopeKind: 'county' as const, scopeId: c }];
  const verifier = await makeUser(db, c, `verifier.${c}`, countyGrant, { displayName: '核实人' });
  // as in the demo county: the leading group's member is the 乡村振兴 department's liaison (no child scope of their own)
  const agreer = await makeUser(db, c, `agreer.${c}`, [{ role: 'dept_liaison', scopeKind: 'department', scopeId: '乡村振兴' }], {
    displayName: '领导小组成员',
  });
  const both = await makeUser(db, c, `both.${c}`, countyGrant, { displayName: '两权人员' });
  await grantRights(db, verifier.id, ['deferral_verify']);
  await grantRights(db, agreer.id, ['deferral_agree']);
  await grantRights(db, both.id, ['deferral_verify', 'deferral_agree']);
  const otherVerifier = await makeUser(db, other.countyCode, `verifier.${other.countyCode}`, [
    { role: 'county_admin', scopeKind: 'county', scopeId: other.countyCode },
  ]);
  await grantRights(db, otherVerifier.id, ['deferral_verify', 'deferral_agree']);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  s.verifier = await login(app, verifier.username);
  s.agreer = await login(app, agreer.username);
  s.both = await login(app, both.username);
  s.other = await login(app, otherVerifier.username);
  const otherSchool = await makeUser(db, c, `school1.${c}`, [
    { role: 'school_admin', scopeKind: 'school', scopeId: county.townships[1].schools[1].id },
  ]);
  s.otherSchool = await login(app, otherSchool.username);
  const school = county.townships[0].schools[0];
  caseId = (await makeCase(db, c, school.classes[0].children[0])).id;
  rejectCaseId = (await makeCase(db, c, school.classes[0].children[1])).id;
  withdrawCaseId = (await makeCase(db, c, school.classes[1].children[0])).id;
  guardianApplication = await addAttachment(db, c, county.users.schoolAdmin.id, '监护人申请.pdf');
});

scopeCases('POST /api/cases/:id/deferrals', () => {
  it('refuses an application that lacks conditions, naming each one (seed 002)', async () => {
    const res = await s.schoolAdmin.post(`/api/cases/${caseId}/deferrals`, body({ guardianDutyDone: false }));
    expect(res.statusCode, res.body).toBe(422);
    const e = res.json().error as { message: string; details: { missing: string[] } };
    expect(e.message).toContain('不符合延缓入学申请条件');
    expect(e.details.missing).toEqual([
      expect.stringContaining('已记录 0 次，须满 3 次'),
      expect.stringContaining('监护人已履行'),
      expect.stringContaining('书面申请'),
    ]);
  });

  it('after 3 joint persuasions, with the guardians’ application, the application is filed (pending, step 1)', async () => {
    const { db } = await getTestDatabase();
    for (const d of ['2026-09-12', '2026-09-19', '2026-09-26']) await addEvent(db, county.countyCode, caseId, 'joint_persuasion', d);
    const two = await s.schoolAdmin.post(
      `/api/cases/${caseId}/deferrals`,
      body({ guardianApplicationAttachmentId: guardianApplication, childStillRefuses: false }),
    );
    expect(two.statusCode).toBe(422);
    expect(errorOf(two).message).toContain('拒不返校');
    const res = await s.schoolAdmin.post(`/api/cases/${caseId}/deferrals`, body({ guardianApplicationAttachmentId: guardianApplication }));
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    applicationId = a.id;
    expect(a).toMatchObject({ type: 'deferral', typeLabel: '延缓入学', status: 'pending', nextRight: 'deferral_verify', steps: [] });
    expect(a.abilities).toEqual({ decide: false, withdraw: true });
    expect(a.data).toMatchObject({ jointPersuasions: 3, guardianApplicationAttachmentId: guardianApplication });
    // the application is on the case's timeline; the case's status does not move until the approvals
    const c = await caseRow(caseId);
    expect(c.status).toBe('persuading');
    expect(c.version).toBe(2);
    const events = await db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.countyCode, county.countyCode), eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'deferral_request')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromStatus: null, toStatus: null, actorRole: 'school_admin', attachmentIds: [guardianApplication] });
    // the guardians' application now belongs to the case, so the deciders can open it
    const [file] = await db
      .select()
      .from(attachments)
      .where(and(eq(attachments.countyCode, county.countyCode), eq(attachments.id, guardianApplication)));
    expect(file.caseId).toBe(caseId);
  });

  it('one pending application per case; a stale version is a conflict', async () => {
    const again = await s.schoolAdmin.post(
      `/api/cases/${caseId}/deferrals`,
      body({ guardianApplicationAttachmentId: guardianApplication, version: 2 }),
    );
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).message).toContain('审批中');
    const stale = await s.schoolAdmin.post(`/api/cases/${rejectCaseId}/deferrals`, body({ version: 9 }));
    expect(stale.statusCode).toBe(409);
  });

  it('a court ruling replaces the joint persuasions; a health-based one needs the medical certificate', async () => {
    const { db } = await getTestDatabase();
    const ruling = await addAttachment(db, county.countyCode, county.users.schoolAdmin.id, '判决书.pdf');
    const app2 = await addAttachment(db, county.countyCode, county.users.schoolAdmin.id, '申请2.pdf');
    const health = await s.schoolAdmin.post(
      `/api/cases/${withdrawCaseId}/deferrals`,
      body({ type: 'suspension', health: true, guardianApplicationAttachmentId: app2 }),
    );
    expect(health.statusCode).toBe(422);
    expect(errorOf(health).message).toContain('医疗证明');
    const res = await s.schoolAdmin.post(
      `/api/cases/${rejectCaseId}/deferrals`,
      body({ courtRulingAttachmentId: ruling, guardianApplicationAttachmentId: app2 }),
    );
    expect(res.statusCode, res.body).toBe(200);
  });

  it('wrong role 403, out of scope 404, unknown attachment 422, invalid input 400', async () => {
    expect((await s.headTeacher.post(`/api/cases/${withdrawCaseId}/deferrals`, body())).statusCode).toBe(403);
    expect((await s.liaison.post(`/api/cases/${withdrawCaseId}/deferrals`, body())).statusCode).toBe(403);
    expect((await s.other.post(`/api/cases/${withdrawCaseId}/deferrals`, body())).statusCode).toBe(404);
    expect((await s.villageOfficial.post(`/api/cases/${withdrawCaseId}/deferrals`, body())).statusCode).toBe(403);
    // another school of the county: as if absent
    expect((await s.otherSchool.post(`/api/cases/${withdrawCaseId}/deferrals`, body())).statusCode).toBe(404);
    const bad = await s.schoolAdmin.post(
      `/api/cases/${withdrawCaseId}/deferrals`,
      body({ guardianApplicationAttachmentId: '01890000-0000-7000-8000-000000000000' }),
    );
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad).message).toContain('材料不存在');
    expect((await s.schoolAdmin.post(`/api/cases/${withdrawCaseId}/deferrals`, body({ reason: '' }))).statusCode).toBe(400);
    expect((await s.schoolAdmin.post(`/api/cases/not-a-uuid/deferrals`, body())).statusCode).toBe(400);
  });
});

scopeCases('GET /api/approvals', () => {
  it('pending: only what this user may decide now (step 1 → deferral_verify), never the requester', async () => {
    const verifier = (await s.verifier.get('/api/approvals?status=pending')).json();
    expect(verifier.items.map((a: { id: string }) => a.id)).toContain(applicationId);
    const item = verifier.items.find((a: { id: string }) => a.id === applicationId);
    expect(item).toMatchObject({ caseId, childName: county.townships[0].schools[0].classes[0].children[0].name, version: 1 });
    expect(item.idNumberMasked).toMatch(/\*{8}/);
    expect(item.abilities.decide).toBe(true);
    expect((await s.agreer.get('/api/approvals?status=pending')).json().total).toBe(0);
    expect((await s.schoolAdmin.get('/api/approvals?status=pending')).json().total).toBe(0);
    const mine = (await s.schoolAdmin.get('/api/approvals?mine=true')).json();
    expect(mine.items.map((a: { id: string }) => a.id)).toContain(applicationId);
  });

  it('scope: another county sees none; a liaison may not list approvals; invalid status 400', async () => {
    expect((await s.other.get('/api/approvals')).json().total).toBe(0);
    expect((await s.liaison.get('/api/approvals')).statusCode).toBe(403);
    expect((await s.verifier.get('/api/approvals?status=nothing')).statusCode).toBe(400);
  });
});

scopeCases('POST /api/approvals/:id/decide', () => {
  it('step 1 by a verifier, step 2 by another person with deferral_agree; then the case is 延缓入学', async () => {
    expect((await s.agreer.post(`/api/approvals/${applicationId}/decide`, { decision: 'approve', version: 1 })).statusCode).toBe(403);
    expect((await s.schoolAdmin.post(`/api/approvals/${applicationId}/decide`, { decision: 'approve', version: 1 })).statusCode).toBe(403);
    expect((await s.other.post(`/api/approvals/${applicationId}/decide`, { decision: 'approve', version: 1 })).statusCode).toBe(404);
    expect((await s.verifier.post(`/api/approvals/${applicationId}/decide`, { decision: 'maybe', version: 1 })).statusCode).toBe(400);
    const one = await s.verifier.post(`/api/approvals/${applicationId}/decide`, { decision: 'approve', comment: '情况属实', version: 1 });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({
      status: 'pending',
      nextRight: 'deferral_agree',
      steps: [{ stepNo: 1, deciderName: '核实人', decision: 'approve' }],
    });
    // a second click with the old version: someone already decided
    expect((await s.verifier.post(`/api/approvals/${applicationId}/decide`, { decision: 'approve', version: 1 })).statusCode).toBe(409);
    expect((await s.verifier.get('/api/approvals?status=pending')).json().items.some((a: { id: string }) => a.id === applicationId)).toBe(
      false,
    );
    expect((await s.agreer.get('/api/approvals?status=pending')).json().items.map((a: { id: string }) => a.id)).toContain(applicationId);
    const two = await s.agreer.post(`/api/approvals/${applicationId}/decide`, { decision: 'approve', version: 2 });
    expect(two.statusCode, two.body).toBe(200);
    expect(two.json()).toMatchObject({ status: 'approved', nextRight: null });
    expect(two.json().steps).toHaveLength(2);
    const c = await caseRow(caseId);
    expect(c.status).toBe('deferred');
    const { db } = await getTestDatabase();
    const [child] = await db
      .select()
      .from(children)
      .where(and(eq(children.countyCode, county.countyCode), eq(children.id, c.childId)));
    expect(child.status).toBe('延缓入学');
    const approved = await db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.countyCode, county.countyCode), eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'deferral_approved')));
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ fromStatus: 'persuading', toStatus: 'deferred' });
    expect((await s.agreer.post(`/api/approvals/${applicationId}/decide`, { decision: 'approve', version: 3 })).statusCode).toBe(409);
  });

  it('the same person cannot decide both steps; a rejection records deferral_rejected and leaves the status', async () => {
    const pending = (await s.both.get('/api/approvals?status=pending'))
      .json()
      .items.find((a: { caseId: string }) => a.caseId === rejectCaseId);
    expect(pending).toBeTruthy();
    const one = await s.both.post(`/api/approvals/${pending.id}/decide`, { decision: 'approve', version: pending.version });
    expect(one.statusCode, one.body).toBe(200);
    const twice = await s.both.post(`/api/approvals/${pending.id}/decide`, { decision: 'approve', version: one.json().steps.length + 1 });
    expect(twice.statusCode).toBe(422);
    expect(errorOf(twice).message).toContain('不同人员');
    const no = await s.agreer.post(`/api/approvals/${pending.id}/decide`, { decision: 'reject', comment: '尚需继续劝返', version: 2 });
    expect(no.statusCode, no.body).toBe(200);
    expect(no.json().status).toBe('rejected');
    expect((await caseRow(rejectCaseId)).status).toBe('persuading');
    const { db } = await getTestDatabase();
    const rejected = await db
      .select()
      .from(caseEvents)
      .where(
        and(eq(caseEvents.countyCode, county.countyCode), eq(caseEvents.caseId, rejectCaseId), eq(caseEvents.type, 'deferral_rejected')),
      );
    expect(rejected).toHaveLength(1);
  });

  it('a requester who holds the right still cannot decide their own application', async () => {
    const { db } = await getTestDatabase();
    const school = county.townships[1].schools[0];
    const own = await makeCase(db, county.countyCode, school.classes[0].children[0]);
    for (const d of ['2026-09-12', '2026-09-19', '2026-09-26']) await addEvent(db, county.countyCode, own.id, 'joint_persuasion', d);
    const file = await addAttachment(db, county.countyCode, county.users.countyAdmin.id, '申请.pdf');
    const res = await s.both.post(`/api/cases/${own.id}/deferrals`, body({ guardianApplicationAttachmentId: file }));
    expect(res.statusCode, res.body).toBe(200);
    const mine = await s.both.post(`/api/approvals/${res.json().id}/decide`, { decision: 'approve', version: 1 });
    expect(mine.statusCode).toBe(422);
    expect(errorOf(mine).message).toContain('申请人不能审批');
  });
});

describe('two deciders at once', () => {
  it('one wins, the other gets a clear conflict; one step recorded', async () => {
    const { db } = await getTestDatabase();
    const own = await makeCase(db, county.countyCode, county.townships[1].schools[1].classes[0].children[0]);
    const ruling = await addAttachment(db, county.countyCode, county.users.countyAdmin.id, '裁定书.pdf');
    const file = await addAttachment(db, county.countyCode, county.users.countyAdmin.id, '申请4.pdf');
    const res = await s.countyAdmin.post(
      `/api/cases/${own.id}/deferrals`,
      body({ courtRulingAttachmentId: ruling, guardianApplicationAttachmentId: file }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id;
    const [a, b] = await Promise.all([
      s.verifier.post(`/api/approvals/${id}/decide`, { decision: 'approve', version: 1 }),
      s.both.post(`/api/approvals/${id}/decide`, { decision: 'reject', version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(errorOf(loser).message).toContain('已被他人处理');
    const list = (await s.countyAdmin.get('/api/approvals?mine=true')).json().items.find((x: { id: string }) => x.id === id);
    expect(list.steps).toHaveLength(1);
  });
});

scopeCases('POST /api/approvals/:id/withdraw', () => {
  it('only the requester, only while pending', async () => {
    const { db } = await getTestDatabase();
    for (const d of ['2026-09-12', '2026-09-19', '2026-09-26'])
      await addEvent(db, county.countyCode, withdrawCaseId, 'joint_persuasion', d);
    const file = await addAttachment(db, county.countyCode, county.users.schoolAdmin.id, '申请3.pdf');
    const version = (await caseRow(withdrawCaseId)).version;
    const res = await s.schoolAdmin.post(
      `/api/cases/${withdrawCaseId}/deferrals`,
      body({ guardianApplicationAttachmentId: file, version }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id;
    expect((await s.verifier.post(`/api/approvals/${id}/withdraw`, { version: 1 })).statusCode).toBe(403);
    expect((await s.other.post(`/api/approvals/${id}/withdraw`, { version: 1 })).statusCode).toBe(404);
    expect((await s.schoolAdmin.post(`/api/approvals/${id}/withdraw`, {})).statusCode).toBe(400);
    const w = await s.schoolAdmin.post(`/api/approvals/${id}/withdraw`, { version: 1 });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().status).toBe('withdrawn');
    expect((await s.schoolAdmin.post(`/api/approvals/${id}/withdraw`, { version: 2 })).statusCode).toBe(409);
  });
});

describe('audit', () => {
  it('applications and decisions are audited with the child', async () => {
    const res = (await s.countyAdmin.get('/api/audit?pageSize=200')).json() as { items: { action: string }[] };
    const actions = res.items.map((i) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['approval.requested', 'approval.decided', 'approval.withdrawn']));
  });
});
