/** A person's merge/split of identities (issue 4, item 5): later runs respect it; revoking restores the engine's view. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeIdNumber, parseIdNumber } from '@notoneless/shared';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { uploadFile } from '../../../test/upload';
import { waitForImport } from '../imports/imports.service';
import { waitForRun } from './run.service';

let app: FastifyInstance;
let county: CountyFixture;
let admin: Session;
let schoolAdmin: Session;
let villageOfficial: Session;
let leader: Session;
let teacher: Session;
let otherAdmin: Session;

type F = { id: string; category: string; name: string; status: string; childId: string | null; explanation: string };
type Rec = { ref: string; kindLabel: string };
type Detail = F & { records: Rec[]; candidates: { ref: string; records: Rec[] }[]; abilities: Record<string, boolean> };
type Decision = { id: string; decision: string; reason: string; decidedByName: string; revokedAt: string | null };

async function importFile(kind: string, name: string, csv: string) {
  const up = await uploadFile(admin, '/api/imports', { kind }, name, csv);
  expect(up.statusCode, up.body).toBe(200);
  await waitForImport(up.json().id);
  const c = await admin.post(`/api/imports/${up.json().id}/commit`);
  expect(c.statusCode, c.body).toBe(200);
  await waitForImport(up.json().id);
}

async function run() {
  const res = await admin.post('/api/reconciliation/runs', {});
  expect(res.statusCode, res.body).toBe(200);
  await waitForRun(res.json().id);
  return (await admin.get(`/api/reconciliation/runs/${res.json().id}`)).json();
}

const findings = async (s: Session = admin) => (await s.get('/api/findings?pageSize=200')).json().items as F[];
const detail = async (id: string, s: Session = admin) => (await s.get(`/api/findings/${id}`)).json() as Detail;
const list = (fs: F[], name: string) =>
  fs
    .filter((f) => f.name === name)
    .map((f) => `${f.category} ${f.status}`)
    .sort();

// Twins of one name and birth date in 户籍; a 学籍 row without ID that fits both (the engine never guesses).
const TWIN = '周子轩';
// A 学籍 row whose mistyped number is one slip from another child's: 证件号纠错 ties them, wrongly.
const TYPO = '吴思远';
let ids: { twin1: string; twin2: string; typoOwner: string; typo: string };

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  const other = await makeCounty(db);
  admin = await login(app, county.users.countyAdmin.username);
  schoolAdmin = await login(app, county.users.schoolAdmin.username);
  villageOfficial = await login(app, county.users.villageOfficial.username);
  leader = await login(app, county.users.countyLeader.username);
  teacher = await login(app, county.users.headTeacher.username);
  otherAdmin = await login(app, other.users.countyAdmin.username);
  const id = (birth: string, seq: number) => makeIdNumber(county.countyCode, birth, seq);
  const owner = id('2013-05-05', 301);
  const typo = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    .map((d) => owner.slice(0, 15) + String((Number(owner[15]) + d) % 10) + owner.slice(16))
    .find((x) => !parseIdNumber(x).valid)!;
  ids = { twin1: id('2014-04-04', 201), twin2: id('2014-04-04', 203), typoOwner: owner, typo };
  const village = county.townships[0].villages[1];
  const school = county.townships[0].schools[0].code;
  await importFile(
    'hukou',
    '户籍.csv',
    `姓名,公民身份号码,户籍地区划代码\n${TWIN},${ids.twin1},${village}\n${TWIN},${ids.twin2},${village}\n${TYPO},${owner},${village}\n`,
  );
  await importFile(
    'xueji',
    '学籍.csv',
    '学籍号,姓名,性别,出生日期,身份证件号,学校标识码,年级,班级,学籍状态,随迁子女\n' +
      `L20140001,${TWIN},男,2014-04-04,,${school},6,1班,在读,否\n` +
      `,${TYPO},男,2013-05-05,${typo},${school},7,1班,在读,否\n`,
  );
});

describe('merge and split of identities, respected by later runs (issue 4, item 5)', () => {
  let noHousehold: F;
  let mismatch: F;
  let merge: Decision;
  let split: Decision;

  it('the first run leaves the ambiguous row apart with its candidates, and ties the mistyped number', async () => {
    await run();
    const all = await findings();
    expect(list(all, TWIN)).toEqual(['NO_HOUSEHOLD open', 'OUT_OF_SCHOOL open', 'OUT_OF_SCHOOL open']);
    expect(list(all, TYPO)).toEqual(['IDENTITY_MISMATCH open']);
    noHousehold = all.find((f) => f.name === TWIN && f.category === 'NO_HOUSEHOLD')!;
    mismatch = all.find((f) => f.name === TYPO)!;
    const d = await detail(noHousehold.id);
    expect(d.records.map((r) => r.kindLabel)).toEqual(['学籍']);
    expect(d.candidates).toHaveLength(1);
    expect(d.candidates[0].ref).toBe(d.records[0].ref);
    expect(d.candidates[0].records.map((r) => r.kindLabel)).toEqual(['户籍', '户籍']);
    expect(d.abilities).toMatchObject({ merge: true, split: false });
    expect((await detail(mismatch.id)).abilities).toMatchObject({ merge: false, split: true });
  });

  it('a person merges the 学籍 row with one twin: the next run ties them and those findings resolve', async () => {
    const d = await detail(noHousehold.id);
    const twin = d.candidates[0].records[0];
    const res = await admin.post(`/api/findings/${noHousehold.id}/identity-decisions`, {
      decision: 'merge',
      left: d.records[0].ref,
      right: twin.ref,
      reason: '家访核实：学籍上的周子轩是户籍第 1 行',
    });
    expect(res.statusCode, res.body).toBe(200);
    merge = res.json();
    expect(merge).toMatchObject({ decision: 'merge', decisionLabel: '合并为同一人', revokedAt: null, abilities: { revoke: true } });
    expect((await admin.get('/api/audit?action=identity.merged')).json().total).toBe(1);

    const r = await run();
    expect(r.summary.decisions).toEqual({ applied: 1, unmatched: 0 });
    const all = await findings();
    expect(list(all, TWIN)).toEqual(['NO_HOUSEHOLD resolved', 'OUT_OF_SCHOOL open', 'OUT_OF_SCHOOL resolved']);
    const merged = all.find((f) => f.name === TWIN && f.category === 'OUT_OF_SCHOOL' && f.status === 'resolved')!;
    expect((await admin.get(`/api/identity-decisions?childId=${merged.childId}`)).json().map((x: Decision) => x.id)).toEqual([merge.id]);
  });

  it('a person splits the wrong 证件号纠错 link: the next run keeps them apart, with the findings that follow', async () => {
    const d = await detail(mismatch.id);
    expect(d.records.map((r) => r.kindLabel)).toEqual(['户籍', '学籍']);
    const res = await schoolAdmin.post(`/api/findings/${mismatch.id}/identity-decisions`, {
      decision: 'split',
      left: d.records[0].ref,
      right: d.records[1].ref,
      reason: '出生日期相同但不是同一个孩子，学籍号码是另一名学生的',
    });
    expect(res.statusCode, res.body).toBe(200);
    split = res.json();
    const again = await schoolAdmin.post(`/api/findings/${mismatch.id}/identity-decisions`, {
      decision: 'merge',
      left: d.records[0].ref,
      right: d.records[1].ref,
      reason: '再试一次',
    });
    expect(again.statusCode).toBe(400);

    await run();
    const all = await findings();
    expect(list(all, TYPO)).toEqual(['IDENTITY_MISMATCH open', 'IDENTITY_MISMATCH resolved', 'NO_HOUSEHOLD open', 'OUT_OF_SCHOOL open']);
    const fresh = all.find((f) => f.name === TYPO && f.category === 'NO_HOUSEHOLD')!;
    expect(fresh.explanation).toContain('人工认定不是同一人');
    const seen = (await admin.get(`/api/findings/${fresh.id}/identity-decisions`)).json() as Decision[];
    expect(seen.map((x) => x.id)).toEqual([split.id]);
  });

  it('revoking both restores what the evidence says: the first findings open again', async () => {
    for (const x of [merge, split]) {
      const res = await admin.post(`/api/identity-decisions/${x.id}/revoke`, { reason: '认定有误' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().revokedAt).not.toBeNull();
    }
    const r = await run();
    expect(r.summary.decisions).toBeUndefined();
    const all = await findings();
    expect(list(all, TWIN)).toEqual(['NO_HOUSEHOLD open', 'OUT_OF_SCHOOL open', 'OUT_OF_SCHOOL open']);
    expect(all.find((f) => f.id === mismatch.id)?.status).toBe('open');
    expect(list(all, TYPO)).toEqual([
      'IDENTITY_MISMATCH open',
      'IDENTITY_MISMATCH resolved',
      'NO_HOUSEHOLD resolved',
      'OUT_OF_SCHOOL resolved',
    ]);
    // the history stays: revoked decisions are listed with who revoked them
    const seen = (await admin.get(`/api/findings/${mismatch.id}/identity-decisions`)).json() as Decision[];
    expect(seen).toMatchObject([{ id: split.id, revokedByName: expect.any(String) }]);
  });
});

const openFinding = async (category: string) => (await findings()).find((f) => f.category === category && f.status === 'open')!;

scopeCases('POST /api/findings/:id/identity-decisions', () => {
  it('needs a reason and records of the finding; a read-only role is refused; out of scope answers 404', async () => {
    const f = await openFinding('NO_HOUSEHOLD');
    const d = await detail(f.id);
    const body = { decision: 'merge', left: d.records[0].ref, right: d.candidates[0].records[1].ref, reason: '' };
    const noReason = await admin.post(`/api/findings/${f.id}/identity-decisions`, body);
    expect(noReason.statusCode).toBe(400);
    const foreign = await admin.post(`/api/findings/${f.id}/identity-decisions`, { ...body, right: 'hukou:x:1', reason: '核实' });
    expect(errorOf(foreign).message).toMatch(/不属于/);
    expect((await leader.post(`/api/findings/${f.id}/identity-decisions`, { ...body, reason: '核实' })).statusCode).toBe(403);
    expect((await villageOfficial.post(`/api/findings/${f.id}/identity-decisions`, { ...body, reason: '核实' })).statusCode).toBe(404);
    expect((await otherAdmin.post(`/api/findings/${f.id}/identity-decisions`, { ...body, reason: '核实' })).statusCode).toBe(404);
  });
});

scopeCases('GET /api/findings/:id/identity-decisions', () => {
  it('lists for whoever sees the finding; not for teachers or another county', async () => {
    const f = await openFinding('IDENTITY_MISMATCH');
    expect((await schoolAdmin.get(`/api/findings/${f.id}/identity-decisions`)).statusCode).toBe(200);
    expect((await teacher.get(`/api/findings/${f.id}/identity-decisions`)).statusCode).toBe(403);
    expect((await otherAdmin.get(`/api/findings/${f.id}/identity-decisions`)).statusCode).toBe(404);
    expect((await admin.get('/api/findings/nope/identity-decisions')).statusCode).toBe(400);
  });
});

scopeCases('GET /api/identity-decisions', () => {
  it('per child: needs a child id; 404 for a child of another county; not for teachers', async () => {
    const f = (await findings()).find((x) => x.childId)!;
    expect((await admin.get(`/api/identity-decisions?childId=${f.childId}`)).statusCode).toBe(200);
    expect((await admin.get('/api/identity-decisions')).statusCode).toBe(400);
    expect((await otherAdmin.get(`/api/identity-decisions?childId=${f.childId}`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/identity-decisions?childId=${f.childId}`)).statusCode).toBe(403);
  });
});

scopeCases('POST /api/identity-decisions/:id/revoke', () => {
  it('once; a read-only role is refused; another county answers 404', async () => {
    const f = await openFinding('IDENTITY_MISMATCH');
    const d = await detail(f.id);
    const made = await admin.post(`/api/findings/${f.id}/identity-decisions`, {
      decision: 'split',
      left: d.records[0].ref,
      right: d.records[1].ref,
      reason: '核实不是同一人',
    });
    expect(made.statusCode, made.body).toBe(200);
    const url = `/api/identity-decisions/${made.json().id}/revoke`;
    expect((await otherAdmin.post(url, {})).statusCode).toBe(404);
    expect((await leader.post(url, {})).statusCode).toBe(403);
    expect((await admin.post(url, {})).statusCode).toBe(200);
    expect((await admin.post(url, {})).statusCode).toBe(409);
  });
});
