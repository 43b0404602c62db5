import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeIdNumber } from '@notoneless/shared';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { uploadFile } from '../../../test/upload';
import { waitForImport } from '../imports/imports.service';
import { waitForRun } from './run.service';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
let admin: Session;
let schoolAdmin: Session;
let villageOfficial: Session;
let teacher: Session;
let otherAdmin: Session;

const id = (birth: string, seq: number) => makeIdNumber(county.countyCode, birth, seq);
type F = { id: string; category: string; name: string; status: string };

async function importFile(kind: string, name: string, csv: string, fields: Record<string, string> = {}) {
  const up = await uploadFile(admin, '/api/imports', { kind, ...fields }, name, csv);
  expect(up.statusCode, up.body).toBe(200);
  await waitForImport(up.json().id);
  const c = await admin.post(`/api/imports/${up.json().id}/commit`);
  expect(c.statusCode, c.body).toBe(200);
  await waitForImport(up.json().id);
}

async function run(s: Session, body: Record<string, string> = {}) {
  const res = await s.post('/api/reconciliation/runs', body);
  expect(res.statusCode, res.body).toBe(200);
  await waitForRun(res.json().id);
  return (await s.get(`/api/reconciliation/runs/${res.json().id}`)).json();
}

const findings = async (s: Session, q = '') => (await s.get(`/api/findings?pageSize=200${q}`)).json().items as F[];

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  admin = await login(app, county.users.countyAdmin.username);
  schoolAdmin = await login(app, county.users.schoolAdmin.username);
  villageOfficial = await login(app, county.users.villageOfficial.username);
  teacher = await login(app, county.users.headTeacher.username);
  otherAdmin = await login(app, other.users.countyAdmin.username);
});

describe('四查三比对 in the platform (issue 4, items 4–5)', () => {
  const school = () => county.townships[0].schools[0];
  const village = () => county.townships[0].villages[1];
  const names = { out: '陈失学', absent: '林不在', present: '黄在校', poor: '郭贫困' };

  it('runs on the committed snapshots and assigns findings by jurisdiction', async () => {
    const out = id('2014-04-04', 101);
    const absent = id('2013-05-05', 103);
    const present = id('2012-06-06', 105);
    const poor = id('2015-07-07', 107);
    await importFile(
      'hukou',
      '户籍.csv',
      `姓名,公民身份号码,户籍地区划代码\n${names.out},${out},${village()}\n${names.absent},${absent},${village()}\n${names.present},${present},${village()}\n${names.poor},${poor},${village()}\n`,
    );
    await importFile(
      'xueji',
      '学籍.csv',
      `学籍号,姓名,身份证件号,学校标识码,年级,班级,学籍状态\nG${absent},${names.absent},${absent},${school().code},7,1班,在读\nG${present},${names.present},${present},${school().code},7,1班,在读\n`,
    );
    await importFile('roster', '名册.csv', `学校标识码,年级,班级,姓名,身份证件号\n${school().code},7,1班,${names.present},${present}\n`);
    await importFile('poverty', '脱贫户.csv', `姓名,公民身份号码,户类型\n${names.poor},${poor},脱贫户\n`);

    const r = await run(admin);
    expect(r.status).toBe('done');
    expect(r.summary.new).toBeGreaterThanOrEqual(3);
    const all = await findings(admin);
    const of = (name: string) =>
      all
        .filter((f) => f.name === name)
        .map((f) => f.category)
        .sort();
    expect(of(names.out)).toEqual(['OUT_OF_SCHOOL']);
    expect(of(names.absent)).toEqual(['ENROLLED_ABSENT']);
    expect(of(names.poor)).toEqual(['OUT_OF_SCHOOL', 'POVERTY_DROPOUT']);
    expect(of(names.present)).toEqual([]);
    // OUT_OF_SCHOOL belongs to the household's village; ENROLLED_ABSENT to the school
    expect((await findings(villageOfficial)).map((f) => f.name).sort()).toEqual([names.out, names.poor, names.poor].sort());
    expect((await findings(schoolAdmin)).map((f) => f.name)).toEqual([names.absent]);
    expect(await findings(otherAdmin)).toEqual([]);
  });

  it('confirms one into the 疑似辍学 ledger and closes another with a reason; a re-run keeps both decisions', async () => {
    const absent = (await findings(schoolAdmin))[0];
    const d = (await schoolAdmin.get(`/api/findings/${absent.id}`)).json();
    expect(d.records.map((r: { kindLabel: string }) => r.kindLabel)).toEqual(['户籍', '学籍']);
    expect(d.abilities).toMatchObject({ confirm: true, close: true });
    const confirmed = await schoolAdmin.post(`/api/findings/${absent.id}/confirm`, { ledger: 'suspected', note: '电话联系不上' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', statusLabel: '已列入台账' });
    expect((await schoolAdmin.post(`/api/findings/${absent.id}/close`, { reason: '请假', evidence: '病假条' })).statusCode).toBe(409);

    const out = (await findings(villageOfficial)).find((f) => f.name === names.out)!;
    const bad = await villageOfficial.post(`/api/findings/${out.id}/close`, { reason: '外地就读', evidence: '' });
    expect(bad.statusCode).toBe(400);
    const closed = await villageOfficial.post(`/api/findings/${out.id}/close`, {
      reason: '外地就读',
      evidence: '郑州市金水区某小学，学籍号G4101…',
    });
    expect(closed.statusCode, closed.body).toBe(200);

    const again = await run(admin);
    expect(again.summary).toMatchObject({ new: 0, resolved: 0 });
    const after = await findings(admin);
    expect(after.find((f) => f.id === absent.id)?.status).toBe('confirmed');
    expect(after.find((f) => f.id === out.id)?.status).toBe('closed');
    expect(after.filter((f) => f.name === names.absent)).toHaveLength(1);
    const ledger = (await schoolAdmin.get('/api/ledgers/suspected/entries')).json();
    expect(ledger.items.map((e: { name: string; sourceLabel: string }) => [e.name, e.sourceLabel])).toEqual([[names.absent, '四查三比对']]);
  });
});

scopeCases('POST /api/reconciliation/runs', () => {
  it('only the county admin runs for the county; a teacher may not; one run at a time', async () => {
    expect((await teacher.post('/api/reconciliation/runs', {})).statusCode).toBe(403);
    expect((await schoolAdmin.post('/api/reconciliation/runs', {})).statusCode).toBe(403);
    const u = await login(app, county.users.unitAdmin.username);
    expect((await u.post('/api/reconciliation/runs', { townshipCode: county.townships[1].code })).statusCode).toBe(403);
    const own = await run(u, { townshipCode: county.townships[0].code });
    expect(own.scopeKind).toBe('township');
  });
});

scopeCases('GET /api/reconciliation/runs', () => {
  it('lists the county’s runs; not for teachers; not another county', async () => {
    expect((await admin.get('/api/reconciliation/runs')).json().total).toBeGreaterThanOrEqual(3);
    expect((await otherAdmin.get('/api/reconciliation/runs')).json().total).toBe(0);
    expect((await teacher.get('/api/reconciliation/runs')).statusCode).toBe(403);
  });
});

scopeCases('GET /api/reconciliation/runs/:id', () => {
  it('404 for another county', async () => {
    const first = (await admin.get('/api/reconciliation/runs')).json().items[0];
    expect((await admin.get(`/api/reconciliation/runs/${first.id}`)).statusCode).toBe(200);
    expect((await otherAdmin.get(`/api/reconciliation/runs/${first.id}`)).statusCode).toBe(404);
  });
});

scopeCases('GET /api/reconciliation/runs/:id/events', () => {
  it('streams the finished job; 404 for another county', async () => {
    const first = (await admin.get('/api/reconciliation/runs')).json().items[0];
    const res = await admin.get(`/api/reconciliation/runs/${first.id}/events`);
    expect(res.body).toMatch(/event: progress/);
    expect((await otherAdmin.get(`/api/reconciliation/runs/${first.id}/events`)).statusCode).toBe(404);
  });
});

scopeCases('GET /api/findings', () => {
  it('filters by category and status; refuses a bad category; teachers cannot read findings', async () => {
    const oos = await findings(admin, '&category=OUT_OF_SCHOOL');
    expect(oos.every((f) => f.category === 'OUT_OF_SCHOOL')).toBe(true);
    expect((await admin.get('/api/findings?category=NOPE')).statusCode).toBe(400);
    expect((await teacher.get('/api/findings')).statusCode).toBe(403);
  });
});

scopeCases('GET /api/findings/counts', () => {
  it('counts by category and status within scope', async () => {
    const c = (await admin.get('/api/findings/counts')).json();
    expect(c.some((x: { category: string }) => x.category === 'POVERTY_DROPOUT')).toBe(true);
    expect((await otherAdmin.get('/api/findings/counts')).json()).toEqual([]);
  });
});

scopeCases('GET /api/findings/:id', () => {
  it('404 out of scope', async () => {
    const f = (await findings(villageOfficial))[0];
    expect((await schoolAdmin.get(`/api/findings/${f.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.get(`/api/findings/${f.id}`)).statusCode).toBe(404);
  });
});

scopeCases('POST /api/findings/:id/confirm', () => {
  it('refuses a dropout without a cause, and out-of-scope users', async () => {
    const poor = (await findings(villageOfficial)).find((f) => f.category === 'POVERTY_DROPOUT')!;
    const noCause = await villageOfficial.post(`/api/findings/${poor.id}/confirm`, { ledger: 'dropout' });
    expect(noCause.statusCode).toBe(400);
    expect(errorOf(noCause).message).toMatch(/原因/);
    expect((await schoolAdmin.post(`/api/findings/${poor.id}/confirm`, { ledger: 'suspected' })).statusCode).toBe(404);
  });
});

scopeCases('POST /api/findings/:id/close', () => {
  it('refuses 劝退 as a reason', async () => {
    const poor = (await findings(villageOfficial)).find((f) => f.category === 'POVERTY_DROPOUT')!;
    expect((await villageOfficial.post(`/api/findings/${poor.id}/close`, { reason: '劝退', evidence: '家长同意' })).statusCode).toBe(400);
  });
});

scopeCases('POST /api/findings/bulk', () => {
  it('decides several at once and reports each refusal', async () => {
    const open = (await findings(villageOfficial, '&status=open')).map((f) => f.id);
    const res = await villageOfficial.post('/api/findings/bulk', {
      ids: [...open, open[0]],
      action: 'confirm',
      confirm: { ledger: 'suspected' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().done.length).toBe(open.length);
    expect(res.json().refused).toHaveLength(1);
    expect(
      (await teacher.post('/api/findings/bulk', { ids: open, action: 'confirm', confirm: { ledger: 'suspected' } })).json().refused,
    ).toHaveLength(open.length);
  });
});

scopeCases('GET /api/findings/export.xlsx', () => {
  it('exports the findings in scope, audited', async () => {
    const res = await admin.get('/api/findings/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect((await admin.get('/api/audit?action=findings.exported')).json().total).toBe(1);
    expect((await teacher.get('/api/findings/export.xlsx')).statusCode).toBe(403);
  });
});
