import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase, testClock } from '../../../test/test-app';
import { makeChild, makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { countGraduates } from '../children/graduates.repository';
import { getCountySettings } from './settings.service';

// 历史入学人数 (county setting `cohorts`) and 九年义务教育巩固率 (issue 7 item 4, docs/domain/indicators.md):
// the class graduating in 2026—2027 entered 一年级 in 2018 (2026 − 8).

const NOW = '2026-11-16T02:00:00Z';
let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
let admin: Session;
let leader: Session;

const row = (entryYear: number, entered: number, transfersIn = 0, transfersOut = 0, deaths = 0, note?: string) => ({
  entryYear,
  entered,
  transfersIn,
  transfersOut,
  deaths,
  ...(note ? { note } : {}),
});

beforeAll(async () => {
  testClock.set(NOW);
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  admin = await login(app, county.users.countyAdmin.username);
  leader = await login(app, county.users.countyLeader.username);
  // 3 初中毕业生 (学籍 毕业 → 已毕业) in the county, 1 in the other county
  const t0 = county.townships[0];
  for (let i = 0; i < 3; i++)
    await makeChild(db, county.countyCode, {
      schoolId: t0.schools[0].id,
      classId: null,
      grade: 9,
      villageCode: t0.villages[0],
      status: '已毕业',
    });
  const o0 = other.townships[0];
  await makeChild(db, other.countyCode, {
    schoolId: o0.schools[0].id,
    classId: null,
    grade: 9,
    villageCode: o0.villages[0],
    status: '已毕业',
  });
});
beforeEach(() => testClock.set(NOW));

const consolidation = async (s: Session) => {
  const res = await s.get('/api/briefs/2026-10/preview');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { indicators: { key: string; value: string; basis: string }[] }).indicators.find((i) => i.key === 'consolidation')!;
};

describe('初中毕业生 as the dashboards count them', () => {
  it('counts the county’s children with status 已毕业 only', async () => {
    const { db } = await getTestDatabase();
    expect(await countGraduates(db, county.countyCode)).toBe(3);
    expect(await countGraduates(db, other.countyCode)).toBe(1);
  });
});

describe('简报：九年义务教育巩固率 from the county’s 历史入学人数', () => {
  it('without the 2018 cohort the brief says plainly that it cannot be computed, and why', async () => {
    const c = await consolidation(leader);
    expect(c.value).toBe('—（无法计算：县里未录入2018年一年级入学人数（2026—2027学年毕业生的入学年份），学籍中也没有入学日期）');
    expect(c.basis).toBe('');
  });

  it('the county admin enters cohorts; the brief computes 3 ÷ (3 + 2 − 1 − 0) = 75.00% with its basis', async () => {
    const res = await admin.put('/api/settings', { cohorts: [row(2017, 50), row(2018, 3, 2, 1, 0, '2018年教育事业统计年报')] });
    expect(res.statusCode, res.body).toBe(200);
    const c = await consolidation(leader);
    expect(c.value).toBe('75.00%');
    expect(c.basis).toBe('（初中毕业生3人 ÷ 2018年一年级入学3人＋转入2人－转出1人－死亡0人）');
    // the other county has entered nothing
    const otherAdmin = await login(app, other.users.countyAdmin.username);
    expect((await consolidation(otherAdmin)).value).toMatch(/^—（无法计算：县里未录入2018年/);
  });
});

describe('数据看板：九年义务教育巩固率 from the same cohorts', () => {
  const card = async (s: Session, q: string) => {
    const res = await s.get(`/api/dashboards?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { indicators: { key: string; display: string; value: number | null }[] }).indicators.find(
      (i) => i.key === 'consolidation',
    )!;
  };
  it('the county card computes 3 ÷ 4 = 75.00% for 2026—2027; a township card says the cohorts are county-wide', async () => {
    // the cohorts saved by the brief test above: 2018 → 3 entered + 2 in − 1 out
    const whole = await card(leader, 'level=county&month=2026-10');
    expect(whole.display).toBe('75.00%');
    expect(whole.value).toBe(0.75);
    const t = await card(leader, `level=township&townshipCode=${county.townships[0].code}&month=2026-10`);
    expect(t.display).toBe('—（无法计算：历史入学人数只按全县录入，乡镇和学校的巩固率无法计算）');
    // an earlier school year whose entry year (2016 for 2024—2025) was not entered says which year is missing
    const old = await card(leader, 'level=county&month=2024-10');
    expect(old.display).toMatch(/^—（无法计算：县里未录入2016年一年级入学人数（2024—2025学年毕业生的入学年份）/);
  });
});

describe('county setting `cohorts`: round trip, validation, permissions', () => {
  it('saved rows come back as sent (key order and all), other settings untouched; an unrelated change does not touch them', async () => {
    const cohorts = [row(2016, 1200, 30, 41, 1), row(2018, 1150, 35, 40, 0, '据统计年报')];
    const put = await admin.put('/api/settings', { cohorts });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().settings.cohorts).toEqual(cohorts);
    expect(put.json().defaults.cohorts).toEqual([]);
    const got = (await leader.get('/api/settings')).json();
    expect(got.settings.cohorts).toEqual(cohorts);
    expect(got.settings.noticeReturnDays).toBe(5);
    const { db } = await getTestDatabase();
    expect(JSON.stringify((await getCountySettings(db, county.countyCode)).cohorts)).toBe(JSON.stringify(cohorts));
    expect((await getCountySettings(db, other.countyCode)).cohorts).toEqual([]);

    // the audit row names the change; saving other settings leaves the cohorts out of `changed` (jsonb reorders keys)
    let audit = (await admin.get('/api/audit?action=settings.updated')).json();
    expect(Object.keys(audit.items[0].data.changed)).toEqual(['cohorts']);
    expect(await admin.put('/api/settings', { noticeReturnDays: 6 })).toHaveProperty('statusCode', 200);
    audit = (await admin.get('/api/audit?action=settings.updated')).json();
    expect(audit.items[0].data.changed).toEqual({ noticeReturnDays: { from: 5, to: 6 } });
    expect((await leader.get('/api/settings')).json().settings.cohorts).toEqual(cohorts);
    expect(await admin.put('/api/settings', { noticeReturnDays: 5, cohorts: [] })).toHaveProperty('statusCode', 200);
    expect((await leader.get('/api/settings')).json().settings.cohorts).toEqual([]);
  });

  it('refuses a repeated 入学年份 and negative counts in Chinese; the county leader reads but may not change them', async () => {
    const dup = await admin.put('/api/settings', { cohorts: [row(2017, 10), row(2017, 12)] });
    expect(dup.statusCode).toBe(400);
    expect(errorOf(dup).message).toMatch(/入学年份 2017 重复/);
    const neg = await admin.put('/api/settings', { cohorts: [row(2017, -1)] });
    expect(neg.statusCode).toBe(400);
    expect(errorOf(neg).message).toMatch(/一年级入学人数不能为负数/);
    expect((await leader.put('/api/settings', { cohorts: [row(2017, 10)] })).statusCode).toBe(403);
    expect((await leader.get('/api/settings')).json().settings.cohorts).toEqual([]);
  });
});
