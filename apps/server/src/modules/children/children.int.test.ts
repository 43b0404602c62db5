import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeChild, makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  const t0 = county.townships[0];
  await makeChild(db, county.countyCode, {
    schoolId: t0.schools[1].id,
    classId: t0.schools[1].classes[0].id,
    grade: 1,
    villageCode: t0.villages[0],
    keyGroups: ['脱贫户', '留守'],
  });
});

type Item = { id: string; name: string; idNumberMasked: string; keyGroups: string[] };
const ids = async (session: Session, query = '') => {
  const res = await session.get(`/api/children?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Item[]).map((i) => i.id).sort();
};
const t = () => county.townships;
const allChildren = () => t().flatMap((tw) => [...tw.schools.flatMap((sc) => sc.classes.flatMap((c) => c.children)), tw.outOfSchoolChild]);

scopeCases('GET /api/children', () => {
  it('each role sees exactly its jurisdiction', async () => {
    const [t0, t1] = t();
    const class0 = t0.schools[0].classes[0];
    expect(await ids(s.headTeacher)).toEqual(class0.children.map((c) => c.id).sort());
    const school0 = t0.schools[0].classes.flatMap((c) => c.children.map((x) => x.id));
    expect(await ids(s.schoolAdmin)).toEqual(school0.sort());
    const countyIds = await ids(s.countyAdmin);
    expect(countyIds.length).toBe(allChildren().length + 1);
    // the 中心校 sees its schools and every child with household registration in its township
    const unit = await ids(s.unitAdmin);
    expect(unit).toContain(t0.outOfSchoolChild.id);
    expect(unit).not.toContain(t1.outOfSchoolChild.id);
    expect(unit).not.toContain(t1.schools[0].classes[0].children[0].id);
    // a village official sees the children registered in their village, wherever they study
    const village = await ids(s.villageOfficial);
    expect(village.length).toBeGreaterThan(0);
    expect(village).toContain(t0.outOfSchoolChild.id);
    expect(village).not.toContain(t0.schools[0].classes[0].children[0].id); // registered in village 1, not 2
    // nobody sees another county
    const otherIds = other.townships.flatMap((tw) => tw.schools.flatMap((sc) => sc.classes.flatMap((c) => c.children.map((x) => x.id))));
    expect(countyIds.some((i) => otherIds.includes(i))).toBe(false);
  });
  it('masks ID numbers in lists and filters by key group, grade and search words', async () => {
    const kg = await s.countyAdmin.get(`/api/children?keyGroup=${encodeURIComponent('脱贫户')}`);
    expect(kg.statusCode, kg.body).toBe(200);
    const res = kg.json();
    expect(res.total).toBe(1);
    expect(res.items[0].idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(res.items[0].keyGroups.sort()).toEqual(['留守', '脱贫户'].sort());
    const child = t()[0].schools[0].classes[1].children[0];
    const byName = (await s.countyAdmin.get(`/api/children?q=${encodeURIComponent(child.name)}`)).json();
    expect(byName.items.map((i: Item) => i.id)).toEqual([child.id]);
    const byLast4 = (await s.countyAdmin.get(`/api/children?q=${child.idNumber.slice(-4)}`)).json();
    expect(byLast4.items.map((i: Item) => i.id)).toContain(child.id);
    const byMasked = (await s.countyAdmin.get(`/api/children?q=${child.idNumber.slice(0, 6)}********${child.idNumber.slice(-4)}`)).json();
    expect(byMasked.items.map((i: Item) => i.id)).toContain(child.id);
    expect(
      (await s.countyAdmin.get('/api/children?grade=7&pageSize=200')).json().items.every((i: { grade: number }) => i.grade === 7),
    ).toBe(true);
  });
  it('department liaisons may not list children; bad filters are refused in Chinese', async () => {
    expect((await s.liaison.get('/api/children')).statusCode).toBe(403);
    const bad = await s.countyAdmin.get('/api/children?grade=12');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/年级/);
  });
});

scopeCases('GET /api/children/:id', () => {
  it('shows a child in scope (masked) and answers 404 outside scope or county', async () => {
    const mine = t()[0].schools[0].classes[0].children[0];
    const res = await s.headTeacher.get(`/api/children/${mine.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: mine.id, guardianPhoneMasked: '138****5678', abilities: { reveal: true } });
    expect(res.body).not.toContain(mine.idNumber);
    const otherSchool = t()[1].schools[0].classes[0].children[0];
    const nf = await s.headTeacher.get(`/api/children/${otherSchool.id}`);
    expect(nf.statusCode).toBe(404);
    expect(errorOf(nf).message).toBe('未找到该儿童，或您无权查看');
    const foreign = other.townships[0].schools[0].classes[0].children[0];
    expect((await s.countyAdmin.get(`/api/children/${foreign.id}`)).statusCode).toBe(404);
    expect((await s.countyAdmin.get('/api/children/not-a-uuid')).statusCode).toBe(400);
    expect((await s.liaison.get(`/api/children/${mine.id}`)).statusCode).toBe(403);
  });
});

scopeCases('POST /api/children/:id/reveal', () => {
  it('reveals the full ID to a user whose scope covers the child and audits it', async () => {
    const mine = t()[0].schools[0].classes[0].children[0];
    const res = await s.headTeacher.post(`/api/children/${mine.id}/reveal`, { field: 'idNumber' });
    expect(res.json()).toEqual({ field: 'idNumber', value: mine.idNumber });
    const phone = await s.headTeacher.post(`/api/children/${mine.id}/reveal`, { field: 'guardianPhone' });
    expect(phone.json().value).toBe('13812345678');
    const audit = (await s.countyAdmin.get(`/api/audit?childId=${mine.id}&action=child.revealed`)).json();
    expect(audit.total).toBe(2);
    expect(audit.items[0]).toMatchObject({ actorName: county.users.headTeacher.username, actionLabel: '查看完整个人信息' });
    expect(JSON.stringify(audit.items)).not.toContain(mine.idNumber);
  });
  it('404 outside scope, 400 for an unknown field', async () => {
    const otherSchool = t()[1].schools[0].classes[0].children[0];
    expect((await s.schoolAdmin.post(`/api/children/${otherSchool.id}/reveal`, { field: 'idNumber' })).statusCode).toBe(404);
    expect((await s.countyAdmin.post(`/api/children/${otherSchool.id}/reveal`, { field: 'password' })).statusCode).toBe(400);
  });
});

scopeCases('GET /api/children/export.xlsx', () => {
  it('exports the scoped list as XLSX with masked IDs and a title, audited; teachers may not export', async () => {
    const res = await s.schoolAdmin.get('/api/children/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toMatch(/名册/);
    expect(ws.getRow(3).getCell(1).value).toBe('姓名');
    const school0 = t()[0].schools[0].classes.flatMap((c) => c.children);
    expect(ws.rowCount).toBe(3 + school0.length);
    expect(String(ws.getRow(4).getCell(4).value)).toMatch(/\*{8}/);
    const audit = (await s.countyAdmin.get('/api/audit?action=child.list_exported')).json();
    expect(audit.items[0].data.rows).toBe(school0.length);
    expect((await s.headTeacher.get('/api/children/export.xlsx')).statusCode).toBe(403);
  });
});
