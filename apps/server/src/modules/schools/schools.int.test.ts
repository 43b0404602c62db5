import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';

type SchoolBody = {
  id: string;
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  villageCode: string | null;
  unitId: string;
  unitName: string;
  active: boolean;
  classCount: number;
  studentCount: number;
};

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
let admin: Session;
let teacher: Session;
let schoolAdmin: Session;
let unitAdmin: Session;
let liaison: Session;

const ids = (body: { items: { id: string }[] }) => body.items.map((s) => s.id).sort();

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  admin = await login(app, county.users.countyAdmin.username);
  teacher = await login(app, county.users.headTeacher.username);
  schoolAdmin = await login(app, county.users.schoolAdmin.username);
  unitAdmin = await login(app, county.users.unitAdmin.username);
  liaison = await login(app, county.users.liaison.username);
});

scopeCases('GET /api/schools', () => {
  it('a county admin sees the county’s schools with township, unit, class and student counts', async () => {
    const res = await admin.get('/api/schools');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(4);
    expect(ids(body)).toEqual(county.townships.flatMap((t) => t.schools.map((s) => s.id)).sort());
    const s00 = (body.items as SchoolBody[]).find((s) => s.id === county.townships[0].schools[0].id)!;
    expect(s00).toMatchObject({
      name: '测试东镇第1小学',
      townshipName: '测试东镇',
      unitName: '测试东镇中心校',
      classCount: 2,
      studentCount: 4,
      active: true,
    });
  });
  it('each role sees its own schools: head teacher the school of their class, 中心校 its township’s', async () => {
    const s00 = county.townships[0].schools[0].id;
    expect(ids((await teacher.get('/api/schools')).json())).toEqual([s00]);
    expect(ids((await schoolAdmin.get('/api/schools')).json())).toEqual([s00]);
    expect(ids((await unitAdmin.get('/api/schools')).json())).toEqual(county.townships[0].schools.map((s) => s.id).sort());
  });
  it('filters by 学校标识码, name and township', async () => {
    const s11 = county.townships[1].schools[1];
    expect(ids((await admin.get(`/api/schools?q=${s11.code}`)).json())).toEqual([s11.id]);
    expect(ids((await admin.get(`/api/schools?q=${encodeURIComponent('西镇第2')}`)).json())).toEqual([s11.id]);
    expect(ids((await admin.get(`/api/schools?townshipCode=${county.townships[1].code}`)).json())).toEqual(
      county.townships[1].schools.map((s) => s.id).sort(),
    );
    expect((await admin.get(`/api/schools?q=${other.townships[0].schools[0].code}`)).json().total).toBe(0);
  });
  it('refuses a liaison, and bad paging or ids with a Chinese message', async () => {
    expect((await liaison.get('/api/schools')).statusCode).toBe(403);
    const bad = await admin.get('/api/schools?pageSize=0');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/每页条数/);
    const badUnit = await admin.get('/api/schools?unitId=abc');
    expect(badUnit.statusCode).toBe(400);
    expect(errorOf(badUnit).message).toMatch(/管理单位编号格式不正确/);
  });
});

scopeCases('GET /api/schools/:id', () => {
  it('sends what the actor may do: the county admin everything, the school admin its classes, the head teacher nothing', async () => {
    const s00 = county.townships[0].schools[0].id;
    const a = await admin.get(`/api/schools/${s00}`);
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ id: s00, classCount: 2, abilities: { update: true, manageClasses: true } });
    expect((await schoolAdmin.get(`/api/schools/${s00}`)).json().abilities).toEqual({ update: false, manageClasses: true });
    expect((await teacher.get(`/api/schools/${s00}`)).json().abilities).toEqual({ update: false, manageClasses: false });
  });
  it('another school of the county and another county’s school answer 404; a bad id 400', async () => {
    const s01 = county.townships[0].schools[1].id;
    const res = await schoolAdmin.get(`/api/schools/${s01}`);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).message).toBe('未找到该学校，或您无权查看');
    expect((await admin.get(`/api/schools/${other.townships[0].schools[0].id}`)).statusCode).toBe(404);
    expect((await liaison.get(`/api/schools/${s01}`)).statusCode).toBe(404);
    const bad = await admin.get('/api/schools/123');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/学校编号格式不正确/);
  });
});

scopeCases('POST /api/schools', () => {
  const t1 = () => county.townships[1];
  it('county admin adds a school; it is audited and counted', async () => {
    const res = await admin.post('/api/schools', {
      code: '4199000001',
      name: '测试西镇新建小学',
      type: '小学',
      townshipCode: t1().code,
      villageCode: t1().villages[1],
      unitId: t1().unitId,
    });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({
      code: '4199000001',
      townshipName: '测试西镇',
      villageCode: t1().villages[1],
      unitId: t1().unitId,
      classCount: 0,
      studentCount: 0,
      abilities: { update: true },
    });
    expect((await admin.get(`/api/audit?targetId=${s.id}`)).json().items[0].action).toBe('school.created');
    expect((await admin.get('/api/schools')).json().total).toBe(5);
  });
  it('refuses a duplicate 学校标识码, naming the school that has it', async () => {
    const s00 = county.townships[0].schools[0];
    const res = await admin.post('/api/schools', {
      code: s00.code,
      name: '重复',
      type: '小学',
      townshipCode: t1().code,
      unitId: t1().unitId,
    });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).message).toBe(`学校标识码 ${s00.code} 已被「测试东镇第1小学」使用`);
  });
  it('needs an active township and unit of the own county, a village of that township, a 10-digit code', async () => {
    const base = { code: '4199000002', name: '测试学校', type: '初中', townshipCode: t1().code, unitId: t1().unitId };
    const foreignTownship = await admin.post('/api/schools', { ...base, townshipCode: other.townships[0].code });
    expect(foreignTownship.statusCode).toBe(400);
    expect(errorOf(foreignTownship).message).toMatch(/不属于本县/);
    const foreignUnit = await admin.post('/api/schools', { ...base, unitId: other.townships[0].unitId });
    expect(foreignUnit.statusCode).toBe(400);
    expect(errorOf(foreignUnit).message).toMatch(/管理单位不存在/);
    const wrongVillage = await admin.post('/api/schools', { ...base, villageCode: county.townships[0].villages[0] });
    expect(wrongVillage.statusCode).toBe(400);
    expect(errorOf(wrongVillage).message).toMatch(/不属于「测试西镇」/);
    const shortCode = await admin.post('/api/schools', { ...base, code: '123' });
    expect(shortCode.statusCode).toBe(400);
    expect(errorOf(shortCode).message).toMatch(/学校标识码应为 10 位数字/);
    const unit = (await admin.post('/api/units', { kind: 'district_centre', name: '已停用中心' })).json();
    await admin.patch(`/api/units/${unit.id}`, { active: false });
    const inactiveUnit = await admin.post('/api/schools', { ...base, unitId: unit.id });
    expect(inactiveUnit.statusCode).toBe(400);
    expect(errorOf(inactiveUnit).message).toMatch(/已停用/);
  });
  it('a school admin and a 中心校 admin may not add schools', async () => {
    const body = {
      code: '4199000003',
      name: '越权学校',
      type: '小学',
      townshipCode: county.townships[0].code,
      unitId: county.townships[0].unitId,
    };
    expect((await schoolAdmin.post('/api/schools', body)).statusCode).toBe(403);
    expect((await unitAdmin.post('/api/schools', body)).statusCode).toBe(403);
  });
});

scopeCases('PATCH /api/schools/:id', () => {
  it('renames and moves a school to another unit, keeping its village; audited', async () => {
    const s10 = county.townships[1].schools[0].id;
    const res = await admin.patch(`/api/schools/${s10}`, { name: '测试西镇第一完全小学', unitId: county.bureauId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: '测试西镇第一完全小学',
      unitId: county.bureauId,
      unitName: '测试县教育局',
      villageCode: county.townships[1].villages[0],
    });
    const audit = (await admin.get(`/api/audit?targetId=${s10}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'school.updated' });
    expect(audit.items[0].data.before.name).toBe('测试西镇第1小学');
  });
  it('moving to another township drops the old village; deactivating hides it from the list', async () => {
    const s11 = county.townships[1].schools[1].id;
    const moved = await admin.patch(`/api/schools/${s11}`, { townshipCode: county.townships[0].code });
    expect(moved.json()).toMatchObject({ townshipCode: county.townships[0].code, villageCode: null });
    const off = await admin.patch(`/api/schools/${s11}`, { active: false });
    expect(off.json().active).toBe(false);
    expect(ids((await admin.get('/api/schools')).json())).not.toContain(s11);
    expect(ids((await admin.get('/api/schools?includeInactive=true')).json())).toContain(s11);
  });
  it('a school admin may not change their school (403) and does not see others (404); another county 404; empty name 400', async () => {
    const [s00, s01] = county.townships[0].schools;
    expect((await schoolAdmin.patch(`/api/schools/${s00.id}`, { name: '自改名' })).statusCode).toBe(403);
    expect((await schoolAdmin.patch(`/api/schools/${s01.id}`, { name: '改别校' })).statusCode).toBe(404);
    expect((await admin.patch(`/api/schools/${other.townships[0].schools[0].id}`, { name: 'x' })).statusCode).toBe(404);
    const bad = await admin.patch(`/api/schools/${s00.id}`, { name: '' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toBe('提交内容有误：名称：请填写学校名称');
    expect((await admin.patch(`/api/schools/${s00.id}`, { type: '大学' })).statusCode).toBe(400);
  });
});

describe('schools need a session', () => {
  it('anonymous gets 401', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/schools' })).statusCode).toBe(401);
  });
});
