import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, makeUser, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';

type Grant = { role: string; scopeKind: string; scopeId: string; scopeName: string };

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
let admin: Session;
let teacher: Session;
let schoolAdmin: Session;
let unitAdmin: Session;
let liaison: Session;
let newTeacher: { id: string; username: string };
let retired: { id: string; username: string };

const ids = (body: { items: { id: string }[] }) => body.items.map((c) => c.id).sort();
const s00 = () => county.townships[0].schools[0];
/** The school year of the fixture's classes (that of the day the test runs). */
const Y = () => county.schoolYear;
const s01 = () => county.townships[0].schools[1];
const rolesOf = async (userId: string) =>
  ((await admin.get(`/api/users/${userId}`)).json().roles as Grant[]).map((g) => `${g.role}:${g.scopeId}`).sort();

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  newTeacher = await makeUser(db, county.countyCode, `wang.${county.countyCode}`, [], { displayName: '王老师' });
  retired = await makeUser(db, county.countyCode, `retired.${county.countyCode}`, [], { displayName: '退休老师', active: false });
  admin = await login(app, county.users.countyAdmin.username);
  teacher = await login(app, county.users.headTeacher.username);
  schoolAdmin = await login(app, county.users.schoolAdmin.username);
  unitAdmin = await login(app, county.users.unitAdmin.username);
  liaison = await login(app, county.users.liaison.username);
});

scopeCases('GET /api/classes', () => {
  it('each role sees the classes of its scope, with school name and student count', async () => {
    const all = (await admin.get('/api/classes')).json();
    expect(all.total).toBe(8);
    const first = all.items.find((c: { id: string }) => c.id === s00().classes[0].id);
    expect(first).toMatchObject({
      schoolId: s00().id,
      schoolName: '测试东镇第1小学',
      schoolYear: Y(),
      grade: 1,
      name: '1班',
      studentCount: 2,
      headTeacherId: null,
      headTeacherName: null,
    });
    expect(ids((await teacher.get('/api/classes')).json())).toEqual([s00().classes[0].id]);
    expect(ids((await schoolAdmin.get('/api/classes')).json())).toEqual(
      s00()
        .classes.map((c) => c.id)
        .sort(),
    );
    expect((await unitAdmin.get('/api/classes')).json().total).toBe(4);
    expect(ids((await admin.get(`/api/classes?schoolId=${s01().id}&grade=7`)).json())).toEqual([s01().classes[1].id]);
    expect((await schoolAdmin.get(`/api/classes?schoolId=${s01().id}`)).json().total).toBe(0);
    expect((await admin.get(`/api/classes?schoolId=${other.townships[0].schools[0].id}`)).json().total).toBe(0);
  });
  it('refuses a liaison; a grade outside 1–9 and a malformed school id answer 400 in Chinese', async () => {
    expect((await liaison.get('/api/classes')).statusCode).toBe(403);
    const bad = await admin.get('/api/classes?grade=10');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/^查询参数有误：年级/);
    const badSchool = await admin.get('/api/classes?schoolId=x');
    expect(errorOf(badSchool).message).toBe('学校编号格式不正确');
  });
});

scopeCases('GET /api/classes/:id', () => {
  it('the school admin may change their class, the head teacher only reads it', async () => {
    const id = s00().classes[0].id;
    const mine = await schoolAdmin.get(`/api/classes/${id}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ id, studentCount: 2, abilities: { update: true } });
    expect((await teacher.get(`/api/classes/${id}`)).json().abilities).toEqual({ update: false });
  });
  it('another class, another county’s class answer 404; a malformed id 400', async () => {
    const res = await teacher.get(`/api/classes/${s00().classes[1].id}`);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).message).toBe('未找到该班级，或您无权查看');
    expect((await admin.get(`/api/classes/${other.townships[0].schools[0].classes[0].id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/classes/nope')).statusCode).toBe(400);
  });
});

let created: string;

scopeCases('POST /api/classes', () => {
  it('a school admin adds a class with a 班主任, who gets the 班主任 grant on it (audited on the user)', async () => {
    const res = await schoolAdmin.post('/api/classes', {
      schoolId: s00().id,
      schoolYear: Y(),
      grade: 3,
      name: '2班',
      headTeacherId: newTeacher.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    created = c.id;
    expect(c).toMatchObject({
      schoolName: '测试东镇第1小学',
      grade: 3,
      name: '2班',
      headTeacherId: newTeacher.id,
      headTeacherName: '王老师',
      studentCount: 0,
      abilities: { update: true },
    });
    const user = (await admin.get(`/api/users/${newTeacher.id}`)).json();
    expect(user.roles).toEqual([{ role: 'head_teacher', scopeKind: 'class', scopeId: c.id, scopeName: '测试东镇第1小学 三年级2班' }]);
    const audit = (await admin.get(`/api/audit?targetId=${newTeacher.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'user.updated', data: { addedRoles: [{ role: 'head_teacher', scopeId: c.id }] } });
    expect((await admin.get(`/api/audit?targetId=${c.id}`)).json().items[0].action).toBe('class.created');
  });
  it('refuses a second 七年级「1班」 of the same school year', async () => {
    const res = await admin.post('/api/classes', { schoolId: s00().id, schoolYear: Y(), grade: 7, name: '1班' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).message).toBe(`该学校 ${Y()} 学年七年级已有「1班」`);
    expect((await admin.post('/api/classes', { schoolId: s00().id, schoolYear: Y() + 1, grade: 7, name: '1班' })).statusCode).toBe(200);
  });
  it('a school it cannot see answers 404, one it only reads 403; the 中心校 manages its township’s schools', async () => {
    const body = { schoolYear: Y(), grade: 2, name: '9班' };
    expect((await schoolAdmin.post('/api/classes', { ...body, schoolId: s01().id })).statusCode).toBe(404);
    expect((await admin.post('/api/classes', { ...body, schoolId: other.townships[0].schools[0].id })).statusCode).toBe(404);
    const ro = await teacher.post('/api/classes', { ...body, schoolId: s00().id });
    expect(ro.statusCode).toBe(403);
    expect(errorOf(ro).message).toBe('您不能管理该学校的班级');
    const unit = await unitAdmin.post('/api/classes', { ...body, schoolId: s01().id });
    expect(unit.statusCode, unit.body).toBe(200);
  });
  it('refuses a grade outside 1–9 and a 班主任 who is inactive or of another county', async () => {
    const bad = await schoolAdmin.post('/api/classes', { schoolId: s00().id, schoolYear: Y(), grade: 10, name: '1班' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toBe('提交内容有误：年级：年级应为 1–9');
    const body = { schoolId: s00().id, schoolYear: Y(), grade: 4, name: '1班' };
    const inactive = await schoolAdmin.post('/api/classes', { ...body, headTeacherId: retired.id });
    expect(inactive.statusCode).toBe(400);
    expect(errorOf(inactive).message).toMatch(/班主任账号不存在、已停用/);
    expect((await schoolAdmin.post('/api/classes', { ...body, headTeacherId: other.users.headTeacher.id })).statusCode).toBe(400);
  });
});

scopeCases('PATCH /api/classes/:id', () => {
  it('a principal becomes 班主任 of a class of their school: they get the grant besides their school role', async () => {
    const id = s00().classes[1].id;
    const principal = county.users.schoolAdmin.id;
    const res = await schoolAdmin.patch(`/api/classes/${id}`, { headTeacherId: principal });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ headTeacherId: principal, headTeacherName: county.users.schoolAdmin.username });
    expect(await rolesOf(principal)).toEqual([`head_teacher:${id}`, `school_admin:${s00().id}`]);
  });
  it('changing the 班主任 moves the grant; other changes keep the 班主任; null removes them', async () => {
    const moved = await schoolAdmin.patch(`/api/classes/${created}`, { headTeacherId: county.users.headTeacher.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await rolesOf(newTeacher.id)).toEqual([]);
    expect(await rolesOf(county.users.headTeacher.id)).toEqual([`head_teacher:${s00().classes[0].id}`, `head_teacher:${created}`].sort());
    const audit = (await admin.get(`/api/audit?targetId=${newTeacher.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'user.updated', data: { removedRoles: [{ role: 'head_teacher', scopeId: created }] } });
    const renamed = await schoolAdmin.patch(`/api/classes/${created}`, { name: '3班' });
    expect(renamed.json()).toMatchObject({ name: '3班', headTeacherId: county.users.headTeacher.id });
    const cleared = await schoolAdmin.patch(`/api/classes/${created}`, { headTeacherId: null });
    expect(cleared.json().headTeacherName).toBeNull();
    expect(await rolesOf(county.users.headTeacher.id)).toEqual([`head_teacher:${s00().classes[0].id}`]);
    expect((await admin.get(`/api/audit?targetId=${created}`)).json().items[0].action).toBe('class.updated');
  });
  it('deactivates a class: it leaves the list', async () => {
    const off = await schoolAdmin.patch(`/api/classes/${created}`, { active: false });
    expect(off.json().active).toBe(false);
    expect(ids((await schoolAdmin.get(`/api/classes?schoolId=${s00().id}`)).json())).not.toContain(created);
    expect(ids((await schoolAdmin.get(`/api/classes?schoolId=${s00().id}&includeInactive=true`)).json())).toContain(created);
  });
  it('a head teacher may not change their class (403); other schools and counties 404; duplicates 409; empty name 400', async () => {
    expect((await teacher.patch(`/api/classes/${s00().classes[0].id}`, { name: '改名' })).statusCode).toBe(403);
    expect((await schoolAdmin.patch(`/api/classes/${s01().classes[0].id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await admin.patch(`/api/classes/${other.townships[0].schools[0].classes[0].id}`, { name: '改名' })).statusCode).toBe(404);
    const dup = await schoolAdmin.patch(`/api/classes/${s00().classes[1].id}`, { grade: 1 });
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup).message).toBe(`该学校 ${Y()} 学年一年级已有「1班」`);
    const empty = await schoolAdmin.patch(`/api/classes/${s00().classes[1].id}`, { name: '' });
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).message).toBe('提交内容有误：名称：请填写班级名称');
  });
});

describe('classes need a session', () => {
  it('anonymous gets 401', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/classes' })).statusCode).toBe(401);
  });
});
