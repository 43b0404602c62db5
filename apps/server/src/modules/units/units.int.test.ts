import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';

type UnitBody = {
  id: string;
  kind: string;
  name: string;
  townshipCode: string | null;
  townshipName: string | null;
  active: boolean;
  schoolCount: number;
};

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
let admin: Session;
let teacher: Session;
let schoolAdmin: Session;
let liaison: Session;

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  admin = await login(app, county.users.countyAdmin.username);
  teacher = await login(app, county.users.headTeacher.username);
  schoolAdmin = await login(app, county.users.schoolAdmin.username);
  liaison = await login(app, county.users.liaison.username);
});

scopeCases('GET /api/units', () => {
  it('lists every unit of the own county to any staff member: the bureau first, with township and school counts', async () => {
    const res = await teacher.get('/api/units');
    expect(res.statusCode, res.body).toBe(200);
    const units = res.json() as UnitBody[];
    expect(units.map((u) => u.id)).toEqual([county.bureauId, county.townships[0].unitId, county.townships[1].unitId]);
    expect(units[0]).toMatchObject({ kind: 'bureau', name: '测试县教育局', townshipCode: null, schoolCount: 0, active: true });
    expect(units[1]).toMatchObject({
      kind: 'central_school',
      name: '测试东镇中心校',
      townshipCode: county.townships[0].code,
      townshipName: '测试东镇',
      schoolCount: 2,
    });
    expect(units.some((u) => u.id === other.bureauId || u.id === other.townships[0].unitId)).toBe(false);
  });
  it('a department liaison (who holds nothing else) is refused', async () => {
    const res = await liaison.get('/api/units');
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).message).toMatch(/管理单位/);
  });
});

scopeCases('POST /api/units', () => {
  it('county admin adds a 片区管理中心 without a township; it is audited', async () => {
    const res = await admin.post('/api/units', { kind: 'district_centre', name: '北片区管理中心' });
    expect(res.statusCode, res.body).toBe(200);
    const u = res.json() as UnitBody;
    expect(u).toMatchObject({
      kind: 'district_centre',
      name: '北片区管理中心',
      townshipCode: null,
      townshipName: null,
      active: true,
      schoolCount: 0,
    });
    const audit = (await admin.get(`/api/audit?targetId=${u.id}`)).json();
    expect(audit.items[0].action).toBe('unit.created');
    const list = (await admin.get('/api/units')).json() as UnitBody[];
    expect(list.at(-1)?.id).toBe(u.id);
  });
  it('a 中心校 needs a township of the own county; names are unique; the bureau cannot be created', async () => {
    const noTownship = await admin.post('/api/units', { kind: 'central_school', name: '无乡镇中心校' });
    expect(noTownship.statusCode).toBe(400);
    expect(errorOf(noTownship).message).toMatch(/须选择所在乡镇/);
    const foreign = await admin.post('/api/units', { kind: 'central_school', name: '越界中心校', townshipCode: other.townships[0].code });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).message).toMatch(/不属于本县/);
    const dup = await admin.post('/api/units', { kind: 'district_centre', name: '测试东镇中心校' });
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup).message).toBe('管理单位「测试东镇中心校」已存在');
    const bureau = await admin.post('/api/units', { kind: 'bureau', name: '第二教育局' });
    expect(bureau.statusCode).toBe(400);
    expect(errorOf(bureau).message).toMatch(/取值不在允许范围内/);
    const empty = await admin.post('/api/units', { kind: 'district_centre', name: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).message).toMatch(/请填写名称/);
  });
  it('a school admin may not add units', async () => {
    const res = await schoolAdmin.post('/api/units', { kind: 'district_centre', name: '越权中心' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).message).toMatch(/县级管理员/);
  });
});

scopeCases('PATCH /api/units/:id', () => {
  it('renames a unit and keeps its township when none is sent', async () => {
    const id = county.townships[1].unitId;
    const res = await admin.patch(`/api/units/${id}`, { name: '测试西镇中心学校' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '测试西镇中心学校', townshipCode: county.townships[1].code, kind: 'central_school' });
    const audit = (await admin.get(`/api/audit?targetId=${id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'unit.updated' });
    expect(audit.items[0].data.before.name).toBe('测试西镇中心校');
  });
  it('refuses to deactivate a unit that still has active schools, naming how many', async () => {
    const res = await admin.patch(`/api/units/${county.townships[0].unitId}`, { active: false });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).message).toMatch(/还有 2 所在用学校/);
    const still = (await admin.get('/api/units')).json() as UnitBody[];
    expect(still.find((u) => u.id === county.townships[0].unitId)?.active).toBe(true);
  });
  it('deactivates an empty unit and activates it again', async () => {
    const created = (
      await admin.post('/api/units', { kind: 'district_centre', name: '待撤销中心', townshipCode: county.townships[0].code })
    ).json() as UnitBody;
    const off = await admin.patch(`/api/units/${created.id}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, townshipName: '测试东镇' });
    expect((await admin.patch(`/api/units/${created.id}`, { active: true })).json().active).toBe(true);
  });
  it('the bureau cannot be deactivated nor moved, only renamed', async () => {
    const off = await admin.patch(`/api/units/${county.bureauId}`, { active: false });
    expect(off.statusCode).toBe(400);
    expect(errorOf(off).message).toMatch(/不能停用/);
    const moved = await admin.patch(`/api/units/${county.bureauId}`, { townshipCode: county.townships[0].code });
    expect(moved.statusCode).toBe(400);
    const renamed = await admin.patch(`/api/units/${county.bureauId}`, { name: '测试县教育和体育局' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ kind: 'bureau', name: '测试县教育和体育局', active: true });
  });
  it('another county’s unit answers 404, a teacher 403, a malformed id 400', async () => {
    const foreign = await admin.patch(`/api/units/${other.townships[0].unitId}`, { name: 'x' });
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign).message).toBe('未找到该管理单位，或您无权查看');
    expect((await teacher.patch(`/api/units/${county.townships[0].unitId}`, { name: 'y' })).statusCode).toBe(403);
    const bad = await admin.patch('/api/units/not-a-uuid', { name: 'z' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/管理单位编号格式不正确/);
  });
});

describe('units need a session', () => {
  it('anonymous gets 401', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
  });
});
