import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeChild, makeCounty, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { rows } from '../../db/client';
import { children } from '../../db/schema/index';
import { ledgerCategory } from './ledger.rules';
import { ledgerCategorySql } from './ledgers.repository';
import { and, eq } from 'drizzle-orm';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};
let otherAdmin: Session;

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  // factory children are born 2015-03-05: age-eligible in every school year 2021–2030
  const t1 = county.townships[1];
  await makeChild(db, county.countyCode, { schoolId: null, classId: null, grade: null, villageCode: t1.villages[0], status: '外地就读' });
  await makeChild(db, county.countyCode, { schoolId: null, classId: null, grade: null, villageCode: t1.villages[0], status: '死亡' });
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  otherAdmin = await login(app, other.users.countyAdmin.username);
});

const balance = async (session: Session, q = '') => (await session.get(`/api/ledgers/balance${q}`)).json();

scopeCases('GET /api/ledgers/balance', () => {
  it('人账相符: every age-eligible child in one category; the 未入学 children are listed as unexplained', async () => {
    const b = await balance(s.countyAdmin);
    // 2 townships × 9 + 2 = 20 children; 16 在读, 2 未入学 (unexplained), 1 外地就读, 1 死亡
    expect(b.total).toBe(20);
    expect(b.byCategory).toMatchObject({ 本地在读: 16, 外地就读: 1, 已核实离开: 1, 未说明: 2, 疑似辍学: 0, 辍学: 0 });
    expect(b.balanced).toBe(false);
    expect(b.unexplained).toBe(2);
    const teacher = await balance(s.headTeacher);
    expect(teacher.total).toBe(2);
    expect((await s.liaison.get('/api/ledgers/balance')).statusCode).toBe(403);
  });
});

scopeCases('GET /api/ledgers/eligible', () => {
  it('lists the 适龄儿童台账 with categories, filtered; scoped; masked', async () => {
    const res = (await s.countyAdmin.get(`/api/ledgers/eligible?category=${encodeURIComponent('未说明')}`)).json();
    expect(res.items.map((r: { childId: string }) => r.childId).sort()).toEqual(county.townships.map((t) => t.outOfSchoolChild.id).sort());
    expect(res.items[0].idNumberMasked).toMatch(/\*{8}/);
    const mine = (await s.schoolAdmin.get('/api/ledgers/eligible?pageSize=100')).json();
    expect(mine.total).toBe(4);
    expect((await s.countyAdmin.get('/api/ledgers/eligible?category=abc')).statusCode).toBe(400);
    expect(
      (await otherAdmin.get('/api/ledgers/eligible?pageSize=200'))
        .json()
        .items.some((r: { childId: string }) => r.childId === county.townships[0].outOfSchoolChild.id),
    ).toBe(false);
  });
  it('the SQL category is the same as the pure rule for every child', async () => {
    const { db } = await getTestDatabase();
    const r = await db
      .select({ status: children.status, category: ledgerCategorySql() })
      .from(children)
      .where(and(eq(children.countyCode, county.countyCode)));
    for (const x of r)
      expect(x.category).toBe(ledgerCategory({ status: x.status, openSuspected: false, openDropout: false, openDropoutFinding: false }));
  });
});

scopeCases('POST /api/ledgers/entries', () => {
  it('a head teacher reports a suspected dropout of their class; not another school’s child; no duplicate', async () => {
    const child = county.townships[0].schools[0].classes[0].children[0];
    const res = await s.headTeacher.post('/api/ledgers/entries', {
      childId: child.id,
      ledger: 'suspected',
      source: 'report',
      note: '连续三天未到校，电话无人接',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ledger: 'suspected', sourceLabel: '教师报告', closedAt: null });
    expect(
      (await s.headTeacher.post('/api/ledgers/entries', { childId: child.id, ledger: 'suspected', source: 'report' })).statusCode,
    ).toBe(409);
    const foreign = county.townships[1].schools[0].classes[0].children[0];
    expect(
      (await s.headTeacher.post('/api/ledgers/entries', { childId: foreign.id, ledger: 'suspected', source: 'report' })).statusCode,
    ).toBe(404);
    expect((await s.headTeacher.post('/api/ledgers/entries', { childId: child.id, ledger: 'dropout', source: 'report' })).statusCode).toBe(
      403,
    );
    expect(
      (await s.countyLeader.post('/api/ledgers/entries', { childId: child.id, ledger: 'suspected', source: 'report' })).statusCode,
    ).toBe(403);
    expect((await balance(s.countyAdmin)).byCategory['疑似辍学']).toBe(1);
  });
});

scopeCases('GET /api/ledgers/:ledger/entries', () => {
  it('lists open entries in scope only', async () => {
    const list = (await s.schoolAdmin.get('/api/ledgers/suspected/entries')).json();
    expect(list.total).toBe(1);
    expect((await s.townshipOfficial.get('/api/ledgers/suspected/entries')).json().total).toBe(1);
    expect((await otherAdmin.get('/api/ledgers/suspected/entries')).json().total).toBe(0);
    expect((await s.countyAdmin.get('/api/ledgers/nothing/entries')).statusCode).toBe(400);
  });
});

describe('认定辍学 then 动态销号 (劝返一个、销号一个)', () => {
  let entryId: string;
  scopeCases('GET /api/ledgers/entries/:id', () => {
    it('shows the entry with its history; 404 out of scope', async () => {
      entryId = (await s.schoolAdmin.get('/api/ledgers/suspected/entries')).json().items[0].id;
      const d = (await s.schoolAdmin.get(`/api/ledgers/entries/${entryId}`)).json();
      expect(d.events.map((e: { typeLabel: string }) => e.typeLabel)).toEqual(['列入台账']);
      expect(d.abilities).toEqual({ close: true, confirmDropout: true });
      expect((await otherAdmin.get(`/api/ledgers/entries/${entryId}`)).statusCode).toBe(404);
      expect((await s.villageOfficial.get(`/api/ledgers/entries/${entryId}`)).statusCode).toBe(404);
    });
  });
  scopeCases('POST /api/ledgers/entries/:id/confirm-dropout', () => {
    it('moves the child from the suspected to the dropout ledger in one step', async () => {
      expect((await s.headTeacher.post(`/api/ledgers/entries/${entryId}/confirm-dropout`, { cause: '厌学' })).statusCode).toBe(403);
      expect((await s.schoolAdmin.post(`/api/ledgers/entries/${entryId}/confirm-dropout`, { cause: '不知道' })).statusCode).toBe(400);
      const res = await s.schoolAdmin.post(`/api/ledgers/entries/${entryId}/confirm-dropout`, { cause: '厌学', note: '家访确认' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ ledger: 'dropout', cause: '厌学' });
      const b = await balance(s.countyAdmin);
      expect(b.byCategory).toMatchObject({ 疑似辍学: 0, 辍学: 1 });
      entryId = res.json().id;
      // while the child is on the dropout ledger it cannot also be reported as suspected
      const again = await s.schoolAdmin.post('/api/ledgers/entries', {
        childId: res.json().childId,
        ledger: 'suspected',
        source: 'report',
      });
      expect(again.statusCode).toBe(409);
      expect(errorOf(again).message).toMatch(/辍学学生台账/);
    });
  });
  scopeCases('POST /api/ledgers/entries/:id/close', () => {
    it('refuses 劝退 and an empty reason; 已复学 closes it and the child counts as 本地在读 again; a second close conflicts', async () => {
      const bad = await s.schoolAdmin.post(`/api/ledgers/entries/${entryId}/close`, { reason: '劝退', evidence: '家长同意' });
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad).message).toMatch(/不在可选范围/);
      expect((await s.headTeacher.post(`/api/ledgers/entries/${entryId}/close`, { reason: '已复学', evidence: '返校' })).statusCode).toBe(
        403,
      );
      const ok = await s.schoolAdmin.post(`/api/ledgers/entries/${entryId}/close`, {
        reason: '已复学',
        evidence: '2026-10-08 返校，原班就读',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().closeReason).toBe('已复学');
      expect((await s.schoolAdmin.post(`/api/ledgers/entries/${entryId}/close`, { reason: '已复学', evidence: '再次' })).statusCode).toBe(
        409,
      );
      expect((await balance(s.countyAdmin)).byCategory).toMatchObject({ 辍学: 0, 本地在读: 16 });
      const { db } = await getTestDatabase();
      const events = await rows<{ type: string }>(
        db,
        sql`select type from ledger_events where county_code = ${county.countyCode} and entry_id = ${entryId} order by at`,
      );
      expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['opened', 'confirmed_dropout', 'closed']));
    });
  });
});

scopeCases('GET /api/ledgers/export/:which', () => {
  it('exports each ledger as XLSX with a title; audited; not for head teachers', async () => {
    for (const which of ['eligible', 'suspected', 'dropout']) {
      const res = await s.countyAdmin.get(`/api/ledgers/export/${which}`);
      expect(res.statusCode, which).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(String(wb.worksheets[0].getCell(1, 1).value)).toMatch(/台账/);
      expect(String(wb.worksheets[0].getCell(2, 1).value)).toMatch(/脱敏/);
    }
    expect((await s.headTeacher.get('/api/ledgers/export/eligible')).statusCode).toBe(403);
    expect((await s.countyAdmin.get('/api/audit?action=ledger.exported')).json().total).toBe(3);
  });
});
