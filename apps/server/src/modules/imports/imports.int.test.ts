import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeIdNumber } from '@notoneless/shared';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { uploadFile } from '../../../test/upload';
import { feedSnapshot } from './import-commit';
import * as repo from './imports.repository';
import { waitForImport } from './imports.service';
import { rows } from '../../db/client';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
let admin: Session;
let schoolAdmin: Session;
let teacher: Session;
let otherAdmin: Session;

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  admin = await login(app, county.users.countyAdmin.username);
  schoolAdmin = await login(app, county.users.schoolAdmin.username);
  teacher = await login(app, county.users.headTeacher.username);
  otherAdmin = await login(app, other.users.countyAdmin.username);
});

const village = () => county.townships[0].villages[0];
const id = (birth: string, seq: number) => makeIdNumber(county.countyCode, birth, seq);

async function uploadAndWait(s: Session, kind: string, fileName: string, content: Buffer | string, fields: Record<string, string> = {}) {
  const res = await uploadFile(s, '/api/imports', { kind, ...fields }, fileName, content);
  if (res.statusCode !== 200) return { res, detail: null };
  await waitForImport(res.json().id);
  const detail = (await s.get(`/api/imports/${res.json().id}`)).json();
  return { res, detail };
}

async function commitAndWait(s: Session, snapshotId: string) {
  const res = await s.post(`/api/imports/${snapshotId}/commit`);
  expect(res.statusCode, res.body).toBe(200);
  await waitForImport(snapshotId);
  return (await s.get(`/api/imports/${snapshotId}`)).json();
}

const childByName = async (s: Session, name: string) => (await s.get(`/api/children?q=${encodeURIComponent(name)}`)).json().items;

scopeCases('POST /api/imports', () => {
  it('stages a GB18030 户籍 CSV: detects the encoding, counts rows, keeps a bad check digit as a warning with row and column', async () => {
    const good = id('2016-05-06', 12);
    const bad = id('2015-02-03', 13).slice(0, 17) + (id('2015-02-03', 13).endsWith('1') ? '2' : '1');
    const csv = `姓名,性别,出生日期,公民身份号码,户籍地区划代码,监护人姓名,监护人电话\n钱多多,女,2016/5/6,${good},${village()},钱大,13900000001\n孙小圣,男,2015年2月3日,${bad},${village()},孙大,13900000002\n李老人,男,1950-01-01,${id('1950-01-01', 15)},${village()},,\n`;
    const { res, detail } = await uploadAndWait(admin, 'hukou', '户籍.csv', iconv.encode(csv, 'gb18030'));
    expect(res.statusCode, res.body).toBe(200);
    expect(detail).toMatchObject({
      status: 'staged',
      encoding: 'gb18030',
      rowCount: 3,
      acceptedCount: 3,
      rejectedCount: 0,
      kindLabel: '户籍',
    });
    expect(detail.previewRows[0]['姓名']).toBe('钱多多');
    expect(detail.problems).toEqual([
      expect.objectContaining({ row: 2, column: '公民身份号码', severity: 'warning', message: expect.stringMatching(/校验/) }),
    ]);
    expect(detail.abilities.commit).toBe(true);

    // nothing is visible until commit
    expect(await childByName(admin, '钱多多')).toEqual([]);
    const done = await commitAndWait(admin, detail.id);
    expect(done.status).toBe('committed');
    const [child] = await childByName(admin, '钱多多');
    expect(child).toMatchObject({ gender: '女', birthDate: '2016-05-06', status: '未入学' });
    // the 1950 adult is not an age-eligible child; the bad-ID row cannot be matched on its ID and adds no child
    expect(await childByName(admin, '李老人')).toEqual([]);
    const audit = (await admin.get(`/api/audit?targetId=${detail.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['import.uploaded', 'import.committed']));

    // the same file again: refused, says so
    const again = await uploadFile(admin, '/api/imports', { kind: 'hukou' }, '户籍(副本).csv', iconv.encode(csv, 'gb18030'));
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).message).toMatch(/完全相同/);
  });

  it('refuses whole, naming the file, and stores nothing: empty, header only, no 姓名 column, a PDF renamed .xlsx', async () => {
    const before = (await admin.get('/api/imports?pageSize=200')).json().total;
    const cases: [string, Buffer | string, RegExp][] = [
      ['空.csv', '', /空.csv/],
      ['只有表头.csv', '姓名,公民身份号码\n', /只有表头/],
      ['无姓名.csv', `公民身份号码\n${id('2016-01-01', 1)}\n`, /缺少.*姓名/],
      ['扫描件.xlsx', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), /扫描件\.xlsx/],
    ];
    for (const [name, content, message] of cases) {
      const r = await uploadFile(admin, '/api/imports', { kind: 'hukou' }, name, content);
      expect(r.statusCode, name).toBe(400);
      expect(errorOf(r).message, name).toMatch(message);
    }
    expect((await admin.get('/api/imports?pageSize=200')).json().total).toBe(before);
  });

  it('a school uploads its own roster; rows of another school are rejected with a clear message', async () => {
    const own = county.townships[0].schools[0];
    const foreign = county.townships[1].schools[0];
    const csv = `学校标识码,年级,班级,姓名,身份证件号\n${own.code},一年级,1班,本校生,\n${foreign.code},一年级,1班,外校生,\n`;
    const { res, detail } = await uploadAndWait(schoolAdmin, 'roster', '名册.csv', csv, { schoolId: own.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(detail).toMatchObject({ scopeKind: 'school', scopeName: own.name, acceptedCount: 1, rejectedCount: 1 });
    expect(detail.problems[0]).toMatchObject({
      row: 2,
      column: '学校标识码',
      severity: 'rejected',
      message: expect.stringMatching(/不是本校/),
    });
    const done = await commitAndWait(schoolAdmin, detail.id);
    expect(done.status).toBe('committed');
    // another school's roster upload by this school admin is refused
    const r = await uploadFile(schoolAdmin, '/api/imports', { kind: 'roster', schoolId: foreign.id }, '名册.csv', csv);
    expect(r.statusCode).toBe(403);
  });

  it('teachers and school admins may not import county registries; a bad kind is refused', async () => {
    expect((await uploadFile(teacher, '/api/imports', { kind: 'hukou' }, 'a.csv', '姓名\n张三\n')).statusCode).toBe(403);
    expect((await uploadFile(schoolAdmin, '/api/imports', { kind: 'poverty' }, 'a.csv', '姓名\n张三\n')).statusCode).toBe(403);
    const bad = await uploadFile(admin, '/api/imports', { kind: 'xyz' }, 'a.csv', '姓名\n张三\n');
    expect(bad.statusCode).toBe(400);
  });
});

describe('registries feed the children (issue 3, item 9)', () => {
  it('学籍 sets school, class, 学籍号 and key groups with their source; 脱贫户 flags come and go with the snapshot', async () => {
    const school = county.townships[1].schools[1];
    const sid = id('2014-09-09', 21);
    const xueji = `学籍号,姓名,性别,出生日期,身份证件号,学校标识码,年级,班级,学籍状态,随迁子女,留守儿童\nG${sid},周随迁,男,2014-09-09,${sid},${school.code},7,1班,在读,是,否\n`;
    const x = await uploadAndWait(admin, 'xueji', '学籍.xlsx.csv', xueji);
    await commitAndWait(admin, x.detail.id);
    const [child] = await childByName(admin, '周随迁');
    expect(child).toMatchObject({ schoolName: school.name, grade: 7, className: '1班', keyGroups: ['随迁'] });
    const page = (await admin.get(`/api/children/${child.id}`)).json();
    expect(page.keyGroupFlags[0].sourceLabel).toMatch(/学籍（学籍\.xlsx\.csv/);

    const poverty1 = `姓名,公民身份号码,户类型\n周随迁,${sid},脱贫户\n`;
    const p1 = await uploadAndWait(admin, 'poverty', '脱贫户.csv', poverty1);
    await commitAndWait(admin, p1.detail.id);
    expect((await childByName(admin, '周随迁'))[0].keyGroups.sort()).toEqual(['脱贫户', '随迁'].sort());
    const poverty2 = `姓名,公民身份号码,户类型\n别人,${id('2013-01-01', 22)},监测户\n`;
    const p2 = await uploadAndWait(admin, 'poverty', '脱贫户-11月.csv', poverty2);
    await commitAndWait(admin, p2.detail.id);
    expect((await childByName(admin, '周随迁'))[0].keyGroups).toEqual(['随迁']);
    const history = (await admin.get('/api/imports?kind=poverty')).json();
    expect(history.items.map((s: { status: string }) => s.status)).toEqual(['committed', 'superseded']);
  });

  it('keeps what a user corrected by hand, and keeps the history of what each snapshot said', async () => {
    const { db } = await getTestDatabase();
    const cid = id('2017-03-03', 31);
    const first = `姓名,公民身份号码,户籍地区划代码\n吴手改,${cid},${village()}\n`;
    const a = await uploadAndWait(admin, 'hukou', '户籍-1.csv', first);
    await commitAndWait(admin, a.detail.id);
    const [child] = await childByName(admin, '吴手改');
    await db.execute(sql`update children set manual_fields = array['name'] where county_code = ${county.countyCode} and id = ${child.id}`);
    const second = `姓名,公民身份号码,户籍地区划代码\n吴首改,${cid},${county.townships[1].villages[1]}\n`;
    const b = await uploadAndWait(admin, 'hukou', '户籍-2.csv', second);
    await commitAndWait(admin, b.detail.id);
    const after = (await admin.get(`/api/children/${child.id}`)).json();
    expect(after.name).toBe('吴手改');
    expect(after.householdVillageCode).toBe(county.townships[1].villages[1]);
    // the child's page names the registry row that mentions them and what each snapshot changed
    expect(after.registries).toEqual([
      expect.objectContaining({ kind: 'hukou', kindLabel: '户籍', fileName: '户籍-2.csv', rowNo: 1, name: '吴首改' }),
    ]);
    expect(after.identityHistory).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          fieldLabel: '户籍村（社区）',
          newValue: county.townships[1].villages[1],
          sourceLabel: expect.stringMatching(/户籍-2\.csv/),
        }),
      ]),
    );
    const h = await rows<{ field: string; old_value: string; new_value: string }>(
      db,
      sql`select field, old_value, new_value from child_identity_history where county_code = ${county.countyCode} and child_id = ${child.id}`,
    );
    expect(h).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'household_village_code', old_value: village(), new_value: county.townships[1].villages[1] }),
      ]),
    );
    expect(h.some((x) => x.field === 'name')).toBe(false);
  });

  it('feeds in row ranges (and on PostgreSQL on two connections by ID): one child per ID, a later row of the same ID wins, with history', async () => {
    const database = await getTestDatabase();
    const ids = Array.from({ length: 29 }, (_, i) => id('2016-05-05', 200 + i));
    const lines = ids.map((x, i) => `范围${i},${x},${village()}`);
    // the first ID again at row 25: in another range than row 1 (ranges of 3 rows × lanes), so fed after it
    lines.splice(24, 0, `范围改,${ids[0]},${village()}`);
    const up = await uploadAndWait(admin, 'hukou', '户籍-分段.csv', `姓名,公民身份号码,户籍地区划代码\n${lines.join('\n')}\n`);
    expect(up.detail.acceptedCount).toBe(30);
    // commit as the route does, then feed with small ranges
    const now = new Date();
    await repo.supersede(database.db, county.countyCode, 'hukou', county.countyCode, up.detail.id, now);
    await repo.updateSnapshot(database.db, county.countyCode, up.detail.id, { status: 'committed', committedAt: now });
    const s = (await repo.findSnapshot(database.db, county.countyCode, up.detail.id))!;
    await feedSnapshot(database, null, s, now, 3);
    const got = await rows<{ id_number: string; name: string; n: number }>(
      database.db,
      sql`select id_number, min(name) as name, count(*)::int as n from children
          where county_code = ${county.countyCode} and id_number in (${sql.join(
            ids.map((x) => sql`${x}`),
            sql`, `,
          )}) group by id_number`,
    );
    expect(got).toHaveLength(29);
    expect(got.every((g) => g.n === 1)).toBe(true);
    expect(got.find((g) => g.id_number === ids[0])!.name).toBe('范围改');
    expect(got.find((g) => g.id_number === ids[28])!.name).toBe('范围28');
    const [h] = await rows<{ old_value: string; new_value: string }>(
      database.db,
      sql`select h.old_value, h.new_value from child_identity_history h join children c on c.county_code = h.county_code and c.id = h.child_id
          where c.county_code = ${county.countyCode} and c.id_number = ${ids[0]} and h.field = 'name'`,
    );
    expect(h).toEqual({ old_value: '范围0', new_value: '范围改' });
  });

  it('a new name from the registry brings its pinyin and initials, so that search finds the child by the new name', async () => {
    const { db } = await getTestDatabase();
    const cid = id('2017-04-04', 32);
    const a = await uploadAndWait(admin, 'hukou', '户籍-改名-1.csv', `姓名,公民身份号码,户籍地区划代码\n张小兰,${cid},${village()}\n`);
    await commitAndWait(admin, a.detail.id);
    const b = await uploadAndWait(admin, 'hukou', '户籍-改名-2.csv', `姓名,公民身份号码,户籍地区划代码\n李小兰,${cid},${village()}\n`);
    await commitAndWait(admin, b.detail.id);
    const [c] = await rows<{ name: string; name_pinyin: string; name_initials: string }>(
      db,
      sql`select name, name_pinyin, name_initials from children where county_code = ${county.countyCode} and id_number = ${cid}`,
    );
    expect(c).toEqual({ name: '李小兰', name_pinyin: 'lixiaolan', name_initials: 'lxl' });
  });
});

scopeCases('GET /api/imports', () => {
  it('lists the county’s snapshots; a school admin sees only its own rosters; another county sees none of them', async () => {
    const all = (await admin.get('/api/imports?pageSize=200')).json();
    expect(all.total).toBeGreaterThan(3);
    const school = (await schoolAdmin.get('/api/imports?pageSize=200')).json();
    expect(school.items.every((s: { kind: string }) => s.kind === 'roster')).toBe(true);
    expect((await otherAdmin.get('/api/imports')).json().total).toBe(0);
    expect((await teacher.get('/api/imports')).json().total).toBe(0);
  });
});

scopeCases('GET /api/imports/:id', () => {
  it('answers 404 to another county and to a school for a county snapshot', async () => {
    const first = (await admin.get('/api/imports?kind=hukou')).json().items[0];
    expect((await admin.get(`/api/imports/${first.id}`)).statusCode).toBe(200);
    expect((await otherAdmin.get(`/api/imports/${first.id}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/imports/${first.id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/imports/xyz')).statusCode).toBe(400);
  });
});

scopeCases('GET /api/imports/:id/events', () => {
  it('streams progress as server-sent events and ends when the job is done; 404 outside scope', async () => {
    const { detail } = await uploadAndWait(
      admin,
      'disability',
      '残疾人.csv',
      `姓名,公民身份号码,残疾类别\n赵残,${id('2015-06-06', 41)},肢体\n`,
    );
    const res = await admin.get(`/api/imports/${detail.id}/events`);
    expect(res.headers['content-type']).toContain('text/event-stream');
    expect(res.body).toMatch(/event: progress\ndata: \{"phase":"done"/);
    expect((await otherAdmin.get(`/api/imports/${detail.id}/events`)).statusCode).toBe(404);
  });
});

scopeCases('POST /api/imports/:id/mapping', () => {
  it('lets the user map an unrecognised header to a required column', async () => {
    const csv = `学生名字,公民身份号码\n郑映射,${id('2016-07-07', 51)}\n`;
    const { detail } = await uploadAndWait(admin, 'hukou', '改列名.csv', csv);
    expect(detail.missingColumns).toEqual(['姓名']);
    expect(detail.abilities.commit).toBe(false);
    expect((await admin.post(`/api/imports/${detail.id}/commit`)).statusCode).toBe(400);
    const fixed = await admin.post(`/api/imports/${detail.id}/mapping`, { overrides: { 学生名字: 'name' } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ missingColumns: [], acceptedCount: 1 });
    expect(fixed.json().columns).toEqual(expect.arrayContaining([{ header: '学生名字', key: 'name', label: '姓名' }]));
    expect((await schoolAdmin.post(`/api/imports/${detail.id}/mapping`, { overrides: {} })).statusCode).toBe(404);
    const bad = await admin.post(`/api/imports/${detail.id}/mapping`, { overrides: { 学生名字: 'nonsense' } });
    expect(bad.statusCode).toBe(400);
  });
});

scopeCases('POST /api/imports/:id/commit', () => {
  it('a committed snapshot cannot be committed again; other counties get 404', async () => {
    const committed = (await admin.get('/api/imports?kind=hukou&status=committed')).json().items[0];
    expect((await admin.post(`/api/imports/${committed.id}/commit`)).statusCode).toBe(409);
    expect((await otherAdmin.post(`/api/imports/${committed.id}/commit`)).statusCode).toBe(404);
  });
});

scopeCases('POST /api/imports/:id/cancel', () => {
  it('cancels a staged import; nothing stays', async () => {
    const { detail } = await uploadAndWait(admin, 'hukou', '取消.csv', `姓名,公民身份号码\n取消者,${id('2016-08-08', 61)}\n`);
    expect((await teacher.post(`/api/imports/${detail.id}/cancel`)).statusCode).toBe(404);
    const r = await admin.post(`/api/imports/${detail.id}/cancel`);
    expect(r.json().status).toBe('cancelled');
    expect((await admin.post(`/api/imports/${detail.id}/commit`)).statusCode).toBe(409);
    expect(await childByName(admin, '取消者')).toEqual([]);
  });
});

scopeCases('GET /api/imports/:id/problems.xlsx', () => {
  it('mirrors the input with an extra column of messages; CSV-injection cells are not formulas', async () => {
    const csv = `姓名,公民身份号码,监护人姓名\n甲,123,=HYPERLINK("x")\n乙,${id('2016-09-09', 71)},\n`;
    const { detail } = await uploadAndWait(admin, 'hukou', '有问题.csv', csv);
    const res = await admin.get(`/api/imports/${detail.id}/problems.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '公民身份号码', '监护人姓名', '导入问题说明']);
    expect(String(ws.getRow(2).getCell(4).value)).toMatch(/公民身份号码/);
    expect(ws.getRow(2).getCell(3).value).toBe(`'=HYPERLINK("x")`);
    expect(ws.getRow(3).getCell(4).value ?? '').toBe('');
    expect((await otherAdmin.get(`/api/imports/${detail.id}/problems.xlsx`)).statusCode).toBe(404);
  });
});

scopeCases('GET /api/imports/templates/:kind', () => {
  it('downloads a template with canonical headers, an example row and a notes sheet', async () => {
    const res = await admin.get('/api/imports/templates/xueji');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toContain('学校标识码');
    expect(wb.worksheets[1].name).toBe('填写说明');
    expect((await teacher.get('/api/imports/templates/xueji')).statusCode).toBe(403);
    expect((await admin.get('/api/imports/templates/abc')).statusCode).toBe(400);
  });
});
