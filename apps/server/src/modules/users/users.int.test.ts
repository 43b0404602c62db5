import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, makeUser, TEST_PASSWORD, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';

type Grant = { role: string; scopeKind: string; scopeId: string; scopeName: string };
type UserBody = {
  id: string;
  username: string;
  displayName: string;
  phone: string;
  active: boolean;
  locked: boolean;
  roles: Grant[];
  approvalRights: string[];
  lastLoginAt: string | null;
};

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
let admin: Session;
let schoolAdmin: Session;
let teacher: Session;
/** 班主任 of s00 who is also a 村干部: a school admin may not manage them */
let mixed: { id: string; username: string };
/** 班主任 of a class of another school */
let elsewhere: { id: string; username: string };

const s00 = () => county.townships[0].schools[0];
const s01 = () => county.townships[0].schools[1];
const ids = (body: { items: { id: string }[] }) => body.items.map((u) => u.id).sort();

/** Logins from an address of their own, so that the login rate limit (10 a minute per address) does not interfere. */
let ipSeq = 0;
const tryLogin = (username: string, password = TEST_PASSWORD) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers: { 'x-forwarded-for': `10.77.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}` },
  });

const headTeacherGrant = (classId: string) => ({ role: 'head_teacher' as const, scopeKind: 'class' as const, scopeId: classId });
const newUser = (username: string, roles: object[], extra: object = {}) => ({
  username,
  displayName: '新用户',
  password: 'Start2026',
  roles,
  ...extra,
});

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  mixed = await makeUser(db, county.countyCode, `mixed.${county.countyCode}`, [
    { role: 'head_teacher', scopeKind: 'class', scopeId: s00().classes[1].id },
    { role: 'village_official', scopeKind: 'village', scopeId: county.townships[0].villages[0] },
  ]);
  elsewhere = await makeUser(db, county.countyCode, `elsewhere.${county.countyCode}`, [
    { role: 'head_teacher', scopeKind: 'class', scopeId: s01().classes[0].id },
  ]);
  admin = await login(app, county.users.countyAdmin.username);
  schoolAdmin = await login(app, county.users.schoolAdmin.username);
  teacher = await login(app, county.users.headTeacher.username);
});

scopeCases('GET /api/users', () => {
  it('a county admin sees every account of the county, with named scopes and never a password hash', async () => {
    const res = await admin.get('/api/users?pageSize=200');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const expected = [...Object.values(county.users).map((u) => u.id), mixed.id, elsewhere.id].sort();
    expect(ids(body)).toEqual(expected);
    expect(res.body).not.toMatch(/scrypt|passwordHash|password_hash/);
    const sa = (body.items as UserBody[]).find((u) => u.id === county.users.schoolAdmin.id)!;
    expect(sa.roles).toEqual([{ role: 'school_admin', scopeKind: 'school', scopeId: s00().id, scopeName: '测试东镇第1小学' }]);
    expect(sa.lastLoginAt).not.toBeNull();
  });
  it('filters by name, user name or phone and by role', async () => {
    expect(ids((await admin.get(`/api/users?q=${encodeURIComponent('县管理员')}`)).json())).toEqual([county.users.countyAdmin.id]);
    expect(ids((await admin.get(`/api/users?q=elsewhere`)).json())).toEqual([elsewhere.id]);
    expect(ids((await admin.get('/api/users?role=head_teacher')).json())).toEqual(
      [county.users.headTeacher.id, mixed.id, elsewhere.id].sort(),
    );
  });
  it('a school admin sees only the accounts whose every grant they could give; the list agrees with the policy', async () => {
    const mine = (await schoolAdmin.get('/api/users?pageSize=200')).json();
    expect(ids(mine)).toEqual([county.users.headTeacher.id]);
    const everyone = (await admin.get('/api/users?pageSize=200')).json().items as UserBody[];
    for (const u of everyone) {
      const one = await schoolAdmin.get(`/api/users/${u.id}`);
      expect([u.username, one.statusCode]).toEqual([u.username, ids(mine).includes(u.id) ? 200 : 404]);
    }
  });
  it('a head teacher may not list accounts; a page size over 200 is refused in Chinese', async () => {
    expect((await teacher.get('/api/users')).statusCode).toBe(403);
    const bad = await admin.get('/api/users?pageSize=500');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/每页条数/);
  });
});

scopeCases('GET /api/users/:id', () => {
  it('answers the account with what the actor may do with it', async () => {
    const res = await admin.get(`/api/users/${county.users.headTeacher.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      username: county.users.headTeacher.username,
      active: true,
      locked: false,
      roles: [{ role: 'head_teacher', scopeId: s00().classes[0].id, scopeName: '测试东镇第1小学 一年级1班' }],
      abilities: { update: true, resetPassword: true, unlock: true, deactivate: true, grantApprovalRights: true },
    });
    expect((await admin.get(`/api/users/${county.users.countyAdmin.id}`)).json().abilities.deactivate).toBe(false);
    expect((await schoolAdmin.get(`/api/users/${county.users.headTeacher.id}`)).json().abilities).toMatchObject({
      update: true,
      grantApprovalRights: false,
    });
  });
  it('accounts the actor may not manage answer 404; a head teacher 403; a malformed id 400', async () => {
    expect((await schoolAdmin.get(`/api/users/${county.users.countyAdmin.id}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/users/${mixed.id}`)).statusCode).toBe(404);
    const foreign = await admin.get(`/api/users/${other.users.countyAdmin.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign).message).toBe('未找到该用户，或您无权查看');
    expect((await teacher.get(`/api/users/${county.users.headTeacher.id}`)).statusCode).toBe(403);
    expect(errorOf(await admin.get('/api/users/42')).message).toMatch(/用户编号格式不正确/);
  });
});

scopeCases('POST /api/users', () => {
  it('a county admin adds an account that must change its password; the audit holds no password', async () => {
    const username = `li.${county.countyCode}`;
    const res = await admin.post(
      '/api/users',
      newUser(username, [{ role: 'township_official', scopeKind: 'township', scopeId: county.townships[1].code }], {
        phone: '13900001111',
        approvalRights: ['case_closure_confirm'],
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const u = res.json();
    expect(u).toMatchObject({
      username,
      phone: '13900001111',
      active: true,
      locked: false,
      lastLoginAt: null,
      approvalRights: ['case_closure_confirm'],
    });
    expect(u.roles).toEqual([
      { role: 'township_official', scopeKind: 'township', scopeId: county.townships[1].code, scopeName: '测试西镇' },
    ]);
    const audit = (await admin.get(`/api/audit?targetId=${u.id}`)).json();
    expect(audit.items[0].action).toBe('user.created');
    expect(JSON.stringify(audit.items[0].data)).not.toMatch(/Start2026|password/i);
    const first = await tryLogin(username, 'Start2026');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().user.mustChangePassword).toBe(true);
  });
  it('a school admin adds a 班主任 for a class of their school, which becomes the class’s 班主任', async () => {
    const classId = s00().classes[1].id;
    const res = await schoolAdmin.post(
      '/api/users',
      newUser(`zhao.${county.countyCode}`, [headTeacherGrant(classId)], { displayName: '赵老师' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().roles[0]).toMatchObject({ role: 'head_teacher', scopeId: classId, scopeName: '测试东镇第1小学 七年级1班' });
    expect((await schoolAdmin.get(`/api/classes/${classId}`)).json()).toMatchObject({
      headTeacherId: res.json().id,
      headTeacherName: '赵老师',
    });
  });
  it('a school admin may not add a 班主任 for another school’s class, a county admin, nor approval rights', async () => {
    const otherClass = await schoolAdmin.post('/api/users', newUser(`x1.${county.countyCode}`, [headTeacherGrant(s01().classes[0].id)]));
    expect(otherClass.statusCode).toBe(403);
    expect(errorOf(otherClass).message).toBe('您只能为本校的班级设置班主任');
    const boss = await schoolAdmin.post(
      '/api/users',
      newUser(`x2.${county.countyCode}`, [{ role: 'county_admin', scopeKind: 'county', scopeId: county.countyCode }]),
    );
    expect(boss.statusCode).toBe(403);
    expect(errorOf(boss).message).toBe('您不能授予角色「县级管理员」');
    const rights = await schoolAdmin.post(
      '/api/users',
      newUser(`x3.${county.countyCode}`, [headTeacherGrant(s00().classes[0].id)], { approvalRights: ['leave_principal'] }),
    );
    expect(rights.statusCode).toBe(403);
    expect((await admin.get(`/api/users?q=x1.${county.countyCode}`)).json().total).toBe(0);
  });
  it('checks the password policy, the user name, each scope, in Chinese', async () => {
    const grants = [headTeacherGrant(s00().classes[0].id)];
    const weak = await admin.post('/api/users', newUser(`weak.${county.countyCode}`, grants, { password: 'abcdefgh' }));
    expect(weak.statusCode).toBe(400);
    expect(errorOf(weak).message).toBe('提交内容有误：密码：新密码须同时包含字母和数字');
    const short = await admin.post('/api/users', newUser(`weak.${county.countyCode}`, grants, { password: 'a1' }));
    expect(errorOf(short).message).toBe('提交内容有误：密码：新密码至少 8 位');
    const dup = await admin.post('/api/users', newUser(county.users.headTeacher.username, grants));
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup).message).toBe(`用户名 ${county.users.headTeacher.username} 已存在`);
    const kind = await admin.post(
      '/api/users',
      newUser(`k.${county.countyCode}`, [{ role: 'school_admin', scopeKind: 'class', scopeId: s00().classes[0].id }]),
    );
    expect(kind.statusCode).toBe(400);
    expect(errorOf(kind).message).toBe('角色「学校管理员/校长」的范围应为「学校」');
    const foreign = await admin.post(
      '/api/users',
      newUser(`f.${county.countyCode}`, [{ role: 'township_official', scopeKind: 'township', scopeId: other.townships[0].code }]),
    );
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).message).toMatch(/^角色「乡镇干部」的乡镇「\d+」不存在或不属于本县$/);
    const dept = await admin.post(
      '/api/users',
      newUser(`d.${county.countyCode}`, [{ role: 'dept_liaison', scopeKind: 'department', scopeId: '教育' }]),
    );
    expect(dept.statusCode).toBe(400);
    const noRoles = await admin.post('/api/users', newUser(`n.${county.countyCode}`, []));
    expect(errorOf(noRoles).message).toBe('提交内容有误：角色：至少分配一个角色');
    expect((await teacher.post('/api/users', newUser(`t.${county.countyCode}`, grants))).statusCode).toBe(403);
  });
});

scopeCases('PATCH /api/users/:id', () => {
  it('renaming an account is audited; replacing roles replaces every grant', async () => {
    const target = county.users.villageOfficial.id;
    const res = await admin.patch(`/api/users/${target}`, {
      displayName: '村干部老刘',
      roles: [{ role: 'township_official', scopeKind: 'township', scopeId: county.townships[0].code }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      displayName: '村干部老刘',
      roles: [{ role: 'township_official', scopeId: county.townships[0].code, scopeName: '测试东镇' }],
    });
    const audit = (await admin.get(`/api/audit?targetId=${target}`)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'user.updated',
      actorName: '县管理员',
      data: { before: { displayName: county.users.villageOfficial.username }, change: { displayName: '村干部老刘' } },
    });
  });
  it('deactivating ends the user’s sessions and refuses their login', async () => {
    const leader = await login(app, county.users.countyLeader.username);
    expect((await leader.get('/api/auth/me')).statusCode).toBe(200);
    const res = await admin.patch(`/api/users/${county.users.countyLeader.id}`, { active: false });
    expect(res.json().active).toBe(false);
    expect((await leader.get('/api/auth/me')).statusCode).toBe(401);
    const again = await tryLogin(county.users.countyLeader.username);
    expect(again.statusCode).toBe(401);
    expect(ids((await admin.get('/api/users?pageSize=200')).json())).not.toContain(county.users.countyLeader.id);
    expect(ids((await admin.get('/api/users?pageSize=200&includeInactive=true')).json())).toContain(county.users.countyLeader.id);
  });
  it('nobody deactivates themselves or drops their own county admin grant', async () => {
    const self = county.users.countyAdmin.id;
    const off = await admin.patch(`/api/users/${self}`, { active: false });
    expect(off.statusCode).toBe(403);
    expect(errorOf(off).message).toBe('不能停用自己的账号');
    const demote = await admin.patch(`/api/users/${self}`, {
      roles: [{ role: 'county_leader', scopeKind: 'county', scopeId: county.countyCode }],
    });
    expect(demote.statusCode).toBe(403);
    expect(errorOf(demote).message).toMatch(/不能取消自己的县级管理员角色/);
    expect((await admin.patch(`/api/users/${self}`, { phone: '13800000000' })).json().phone).toBe('13800000000');
  });
  it('a school admin moves a 班主任 within their school only; others answer 404; a bad phone 400', async () => {
    const target = county.users.headTeacher.id;
    const away = await schoolAdmin.patch(`/api/users/${target}`, { roles: [headTeacherGrant(s01().classes[1].id)] });
    expect(away.statusCode).toBe(403);
    const within = await schoolAdmin.patch(`/api/users/${target}`, {
      roles: [headTeacherGrant(s00().classes[0].id), headTeacherGrant(s00().classes[1].id)],
    });
    expect(within.statusCode, within.body).toBe(200);
    expect(
      within
        .json()
        .roles.map((g: Grant) => g.scopeId)
        .sort(),
    ).toEqual(
      s00()
        .classes.map((c) => c.id)
        .sort(),
    );
    expect((await schoolAdmin.patch(`/api/users/${county.users.countyAdmin.id}`, { displayName: 'x' })).statusCode).toBe(404);
    expect((await admin.patch(`/api/users/${other.users.headTeacher.id}`, { displayName: 'x' })).statusCode).toBe(404);
    const phone = await admin.patch(`/api/users/${target}`, { phone: '123' });
    expect(phone.statusCode).toBe(400);
    expect(errorOf(phone).message).toBe('提交内容有误：手机号：手机号应为 11 位数字');
  });
});

scopeCases('POST /api/users/:id/reset-password', () => {
  it('a reset ends the user’s sessions and makes them change the password at the next login', async () => {
    const u = (
      await admin.post(
        '/api/users',
        newUser(`reset.${county.countyCode}`, [{ role: 'county_leader', scopeKind: 'county', scopeId: county.countyCode }]),
      )
    ).json();
    const s = await login(app, u.username, 'Start2026');
    const res = await admin.post(`/api/users/${u.id}/reset-password`, { newPassword: 'Reset2026x' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    expect((await tryLogin(u.username, 'Start2026')).statusCode).toBe(401);
    const next = await tryLogin(u.username, 'Reset2026x');
    expect(next.statusCode).toBe(200);
    expect(next.json().user.mustChangePassword).toBe(true);
    const audit = (await admin.get(`/api/audit?targetId=${u.id}`)).json();
    expect(audit.items[0].action).toBe('user.password_reset');
    expect(JSON.stringify(audit.items[0].data)).not.toMatch(/Reset2026x/);
  });
  it('refuses a weak password in Chinese, accounts out of reach (404) and a head teacher (403)', async () => {
    const weak = await admin.post(`/api/users/${county.users.headTeacher.id}/reset-password`, { newPassword: '12345678' });
    expect(weak.statusCode).toBe(400);
    expect(errorOf(weak).message).toBe('提交内容有误：新密码：新密码须同时包含字母和数字');
    expect(
      (await schoolAdmin.post(`/api/users/${county.users.countyAdmin.id}/reset-password`, { newPassword: 'Reset2026x' })).statusCode,
    ).toBe(404);
    expect((await admin.post(`/api/users/${other.users.headTeacher.id}/reset-password`, { newPassword: 'Reset2026x' })).statusCode).toBe(
      404,
    );
    expect((await teacher.post(`/api/users/${county.users.headTeacher.id}/reset-password`, { newPassword: 'Reset2026x' })).statusCode).toBe(
      403,
    );
  });
});

scopeCases('POST /api/users/:id/unlock', () => {
  it('5 wrong passwords lock the account (423); an admin unlock lets the user in again', async () => {
    const { db } = await getTestDatabase();
    const u = await makeUser(db, county.countyCode, `locked.${county.countyCode}`, [headTeacherGrant(s00().classes[0].id)]);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await tryLogin(u.username, 'Wrong1234')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const locked = await tryLogin(u.username);
    expect(locked.statusCode).toBe(423);
    expect(errorOf(locked).message).toMatch(/锁定/);
    expect((await schoolAdmin.get(`/api/users/${u.id}`)).json().locked).toBe(true);
    const res = await schoolAdmin.post(`/api/users/${u.id}/unlock`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().locked).toBe(false);
    expect((await tryLogin(u.username)).statusCode).toBe(200);
    expect((await admin.get(`/api/audit?targetId=${u.id}`)).json().items.map((e: { action: string }) => e.action)).toContain(
      'user.unlocked',
    );
  });
  it('accounts out of reach answer 404, a head teacher 403, a malformed id 400', async () => {
    expect((await schoolAdmin.post(`/api/users/${county.users.countyAdmin.id}/unlock`)).statusCode).toBe(404);
    expect((await admin.post(`/api/users/${other.users.countyAdmin.id}/unlock`)).statusCode).toBe(404);
    expect((await teacher.post(`/api/users/${county.users.headTeacher.id}/unlock`)).statusCode).toBe(403);
    const bad = await admin.post('/api/users/abc/unlock');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/用户编号格式不正确/);
  });
});

scopeCases('GET /api/scope-options', () => {
  const opts = async (s: Session, query: string) => {
    const res = await s.get(`/api/scope-options?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; name: string }[];
  };
  it('a county admin picks from the whole county', async () => {
    expect(await opts(admin, 'kind=county')).toEqual([{ id: county.countyCode, name: '测试县' }]);
    expect((await opts(admin, 'kind=township')).map((o) => o.name)).toEqual(['测试东镇', '测试西镇']);
    expect((await opts(admin, `kind=village&q=${encodeURIComponent('西镇')}`)).map((o) => o.name)).toEqual([
      '测试西镇 测试西镇1村',
      '测试西镇 测试西镇2村',
    ]);
    expect(await opts(admin, `kind=department&q=${encodeURIComponent('公')}`)).toEqual([{ id: '公安', name: '公安' }]);
    expect((await opts(admin, 'kind=unit')).map((o) => o.id).sort()).toEqual(
      [county.bureauId, ...county.townships.map((t) => t.unitId)].sort(),
    );
    expect((await opts(admin, `kind=class&schoolId=${s01().id}`)).map((o) => o.name)).toEqual([
      '测试东镇第2小学 一年级1班',
      '测试东镇第2小学 七年级1班',
    ]);
    expect((await opts(admin, 'kind=school')).length).toBe(4);
  });
  it('a school admin picks only their school’s classes, and its teachers for the 班主任 picker', async () => {
    expect((await opts(schoolAdmin, 'kind=class')).map((o) => o.id).sort()).toEqual(
      s00()
        .classes.map((c) => c.id)
        .sort(),
    );
    expect(await opts(schoolAdmin, 'kind=school')).toEqual([]);
    expect(await opts(schoolAdmin, 'kind=county')).toEqual([]);
    const teachers = await opts(schoolAdmin, `kind=teacher&schoolId=${s00().id}`);
    const teacherIds = teachers.map((t) => t.id);
    expect(teacherIds).toContain(county.users.headTeacher.id);
    expect(teacherIds).toContain(county.users.schoolAdmin.id);
    expect(teacherIds).not.toContain(elsewhere.id);
    expect(teachers.find((t) => t.id === mixed.id)?.name).toBe(`${mixed.username}（${mixed.username}）`);
  });
  it('another school’s or county’s teachers answer 404; a head teacher is refused; a bad kind is 400', async () => {
    expect((await schoolAdmin.get(`/api/scope-options?kind=teacher&schoolId=${s01().id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/scope-options?kind=teacher&schoolId=${other.townships[0].schools[0].id}`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/scope-options?kind=teacher&schoolId=${s00().id}`)).statusCode).toBe(403);
    expect((await teacher.get('/api/scope-options?kind=class')).statusCode).toBe(403);
    const bad = await admin.get('/api/scope-options?kind=planet');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/范围类型应为/);
    expect(errorOf(await admin.get('/api/scope-options?kind=teacher')).message).toBe('请先选择学校');
  });
});

describe('users need a session', () => {
  it('anonymous gets 401', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });
});
