import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getTestApp, getTestDatabase, testClock } from '../../../test/test-app';
import { makeChild, makeCounty, makeUser, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { addDeadline, addEvent, makeCase } from '../../../test/case-work-fixtures';
import { approvals, approvalSteps, caseEvents, caseTeam, children } from '../../db/schema/index';
import { cellTexts, docxPart, htmlText, pageCount, pageTexts, textOf } from '../documents/test-support';
import { SEED_000_RETURN_NOTICE_BASIS, SEED_000_TRACKING_FORM_NOTE, SEED_001_AFTER_DEADLINE } from '../documents/legal-texts';

let app: FastifyInstance;
let county: CountyFixture;
let other: CountyFixture;
const s: Record<string, Session> = {};
let caseId: string;
let child: { id: string; name: string; idNumber: string };

const doc = (who: Session, kind: string, format = 'docx') => who.get(`/api/cases/${caseId}/documents/${kind}?format=${format}`);
const docxText = async (who: Session, kind: string) => {
  const res = await doc(who, kind);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('wordprocessingml');
  expect(String(res.headers['content-disposition'])).toContain('attachment');
  return docxPart(res.rawPayload);
};

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  other = await makeCounty(db);
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  s.other = await login(app, other.users.countyAdmin.username);
  const c = county.countyCode;
  child = county.townships[0].schools[0].classes[1].children[0];
  caseId = (await makeCase(db, c, county.townships[0].schools[0].classes[1].children[0])).id;
  const ev = async (type: string, occurredOn: string, data: Record<string, unknown>, actorRole: string, signedBy: string) => {
    await db.insert(caseEvents).values({
      countyCode: c,
      id: uuidv7(),
      caseId,
      type,
      occurredOn,
      at: new Date(`${occurredOn}T10:00:00+08:00`),
      actorName: signedBy,
      actorRole,
      data,
      signedBy,
    });
  };
  await ev('home_visit', '2026-09-12', { result: '拒绝返校', text: '班主任入户走访，家长称孩子外出打工' }, 'head_teacher', '王老师');
  await ev('notice_issued', '2026-09-15', { guardianName: '测试家长' }, 'school_admin', '李校长');
  await ev('notice_delivered', '2026-09-16', { deliveredTo: '测试家长' }, 'school_admin', '李校长');
  await ev('joint_persuasion', '2026-09-20', { result: '考虑中', text: '乡镇干部、村干部联合劝返' }, 'township_official', '赵镇长');
  await ev('correction_order', '2026-09-25', { dueOn: '2026-10-08', text: '限期送子女返校' }, 'township_official', '赵镇长');
  await addDeadline(db, c, caseId, 'notice_return', '2026-09-21');
  await db
    .insert(caseTeam)
    .values({ countyCode: c, id: uuidv7(), caseId, personName: '钱帮扶', role: '帮扶人', phone: '13900001111', addedAt: new Date() });
});

scopeCases('GET /api/cases/:id/documents/:kind', () => {
  it('劝返通知书: the child, the return deadline of the delivered notice, the legal text, two copies', async () => {
    const xml = await docxText(s.schoolAdmin, 'return-notice');
    expect(pageCount(xml)).toBe(2);
    const page = pageTexts(xml)[0];
    expect(page).toContain('测试家长：');
    expect(page).toContain(`你们的被监护人${child.name}`);
    expect(page).toContain('（即2026年9月21日前）');
    expect(page).toContain(SEED_000_RETURN_NOTICE_BASIS);
    expect(page).toContain('发送单位（盖章）：测试东镇第1小学');
  });

  it('跟踪记录表: every field in a cell; the full ID (an archive form); the work sections signed', async () => {
    const xml = await docxText(s.schoolAdmin, 'tracking-form');
    const cells = cellTexts(xml);
    expect(cells).toContain(child.name);
    expect(cells).toContain(child.idNumber);
    const all = textOf(xml);
    expect(all).toContain('班主任入户走访，家长称孩子外出打工');
    expect(all).toContain('王老师');
    expect(all).toContain('乡镇干部、村干部联合劝返');
    expect(all).toContain(SEED_000_TRACKING_FORM_NOTE);
  });

  it('责令限期改正通知书: masked ID (handed to guardians), the deadline, Art. 58 and what follows', async () => {
    const text = textOf(await docxText(s.townshipOfficial, 'correction-order'));
    expect(text).toContain(child.name);
    expect(text).not.toContain(child.idNumber);
    expect(text).toContain(`${child.idNumber.slice(0, 6)}********${child.idNumber.slice(-4)}`);
    expect(text).toContain('2026年10月8日');
    expect(text).toContain('第五十八条');
    expect(text).toContain(SEED_001_AFTER_DEADLINE);
    expect(text).toContain('测试东镇人民政府');
  });

  it('a document the case has no record for is refused, naming what is missing (422)', async () => {
    const deferral = await doc(s.schoolAdmin, 'deferral-form');
    expect(deferral.statusCode).toBe(422);
    expect(errorOf(deferral).message).toContain('没有延缓入学/休学申请');
    const resume = await doc(s.schoolAdmin, 'resume-notice');
    expect(resume.statusCode).toBe(422);
    expect(errorOf(resume).message).toContain('复学');
  });

  it('延缓入学/休学申请审批表 with the two approval steps; 复学通知 with the 复学方案', async () => {
    const { db } = await getTestDatabase();
    const c = county.countyCode;
    const approvalId = uuidv7();
    await db.insert(approvals).values({
      countyCode: c,
      id: approvalId,
      type: 'suspension',
      caseId,
      childId: child.id,
      requesterId: county.users.schoolAdmin.id,
      requesterName: '李校长',
      status: 'approved',
      data: {
        health: false,
        reason: '学生拒不返校，监护人申请休学',
        fromDate: '2026-10-10',
        toDate: '2027-01-20',
        jointPersuasions: 3,
        requiredJointPersuasions: 3,
        guardianDutyDone: true,
        childStillRefuses: true,
      },
      createdAt: new Date('2026-10-01T09:00:00+08:00'),
    });
    await db.insert(approvalSteps).values([
      {
        countyCode: c,
        id: uuidv7(),
        approvalId,
        stepNo: 1,
        right: 'deferral_verify',
        deciderId: uuidv7(),
        deciderName: '孙股长',
        decision: 'approve',
        comment: '情况属实',
        at: new Date('2026-10-03T09:00:00+08:00'),
      },
      {
        countyCode: c,
        id: uuidv7(),
        approvalId,
        stepNo: 2,
        right: 'deferral_agree',
        deciderId: uuidv7(),
        deciderName: '周组长',
        decision: 'approve',
        comment: null,
        at: new Date('2026-10-05T09:00:00+08:00'),
      },
    ]);
    const form = textOf(await docxText(s.schoolAdmin, 'deferral-form'));
    expect(form).toContain(child.idNumber);
    expect(form).toContain('学生拒不返校，监护人申请休学');
    expect(form).toContain('孙股长');
    expect(form).toContain('周组长');
    expect(form).toContain('同意。情况属实');

    await addEvent(db, c, caseId, 'return', '2026-10-12', { planKind: '短期补习后随班', text: '先补习两周数学再回原班' });
    const notice = textOf(await docxText(s.schoolAdmin, 'resume-notice'));
    expect(notice).toContain(child.name);
    expect(notice).toContain('先补习两周数学再回原班');
    expect(notice).toContain('2026年10月12日');
    expect(notice).toContain('钱帮扶');
  });

  it('一生一表: the whole timeline; and any document as an A4 print page', async () => {
    testClock.set('2026-10-20T10:00:00+08:00');
    const text = textOf(await docxText(s.countyAdmin, 'case-summary'));
    expect(text).toContain(child.idNumber);
    for (const label of ['入户走访', '发放劝返通知书', '联合劝返', '责令限期改正', '复学（复学方案）']) expect(text).toContain(label);
    expect(text).toContain('钱帮扶');
    const html = await doc(s.schoolAdmin, 'return-notice', 'html');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(htmlText(html.body)).toContain(child.name);
  });

  it('scope: another county 404, another school 404; a liaison 403; unknown kind or format 400', async () => {
    expect((await doc(s.other, 'case-summary')).statusCode).toBe(404);
    const { db } = await getTestDatabase();
    const t1 = county.townships[1].schools[0];
    const otherSchool = await makeUser(db, county.countyCode, `docs.school1.${county.countyCode}`, [
      { role: 'school_admin', scopeKind: 'school', scopeId: t1.id },
    ]);
    expect((await doc(await login(app, otherSchool.username), 'case-summary')).statusCode).toBe(404);
    expect((await doc(s.liaison, 'case-summary')).statusCode).toBe(403);
    expect((await doc(s.schoolAdmin, 'love-letter')).statusCode).toBe(400);
    expect((await doc(s.schoolAdmin, 'case-summary', 'pdf')).statusCode).toBe(400);
  });

  it('every export is audited with whether the full ID was shown', async () => {
    const res = (await s.countyAdmin.get('/api/audit?pageSize=200&action=case.document_exported')).json() as {
      items: { action: string; data: { kind: string; fullIdNumber: boolean } }[];
    };
    const mine = res.items.filter((i) => i.action === 'case.document_exported');
    expect(mine.find((i) => i.data.kind === 'tracking-form')?.data.fullIdNumber).toBe(true);
    expect(mine.find((i) => i.data.kind === 'correction-order')?.data.fullIdNumber).toBe(false);
  });
});

describe('入学通知书', () => {
  let t0: string;
  beforeAll(async () => {
    const { db } = await getTestDatabase();
    const c = county.countyCode;
    const tw = county.townships;
    t0 = tw[0].code;
    const born = async (villageCode: string, birthDate: string, status = '未入学') => {
      const k = await makeChild(db, c, { schoolId: null, classId: null, grade: null, villageCode, status });
      await db
        .update(children)
        .set({ birthDate, guardianName: `${k.name}的家长` })
        .where(and(eq(children.countyCode, c), eq(children.id, k.id)));
      return k;
    };
    await born(tw[0].villages[0], '2019-09-01');
    await born(tw[0].villages[1], '2020-08-31');
    await born(tw[0].villages[1], '2020-09-01'); // next year's cohort
    await born(tw[0].villages[0], '2020-01-15', '死亡');
    await born(tw[1].villages[0], '2020-02-02');
  });

  scopeCases('GET /api/enrollment-notices', () => {
    it('a township’s batch: one page per child of the grade-1 cohort, with the law and the liability', async () => {
      const res = await s.countyAdmin.get(`/api/enrollment-notices?townshipCode=${t0}&schoolYear=2026`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['x-notice-count']).toBe('2');
      const xml = await docxPart(res.rawPayload);
      expect(pageCount(xml)).toBe(2);
      const pages = pageTexts(xml);
      expect(pages[0]).toContain('义务教育入学通知书');
      expect(pages[0]).toContain('2019年9月1日');
      expect(pages[0]).toContain('测试东镇第1小学'); // a primary school of the household village
      expect(pages[0]).toContain('2026年8月29日');
      expect(pages[0]).toContain('第五十八条');
      expect(pages[0]).toContain(SEED_001_AFTER_DEADLINE);
      expect(pages[1]).toContain('2020年8月31日');
      expect(pages[0]).toContain('测试县教育局');
    });

    it('the county batch; a 中心校 or township gets its own township; others are refused', async () => {
      expect((await s.countyAdmin.get('/api/enrollment-notices?schoolYear=2026')).headers['x-notice-count']).toBe('3');
      const unit = await s.unitAdmin.get('/api/enrollment-notices?schoolYear=2026&format=html');
      expect(unit.statusCode, unit.body).toBe(200);
      expect(unit.headers['x-notice-count']).toBe('2');
      expect(htmlText(unit.body)).toContain('测试东镇中心校');
      expect((await s.townshipOfficial.get(`/api/enrollment-notices?schoolYear=2026&townshipCode=${t0}`)).statusCode).toBe(200);
      expect((await s.unitAdmin.get(`/api/enrollment-notices?schoolYear=2026&townshipCode=${county.townships[1].code}`)).statusCode).toBe(
        404,
      );
      expect((await s.other.get(`/api/enrollment-notices?schoolYear=2026&townshipCode=${t0}`)).statusCode).toBe(404);
      expect((await s.schoolAdmin.get('/api/enrollment-notices?schoolYear=2026')).statusCode).toBe(403);
      expect((await s.liaison.get('/api/enrollment-notices?schoolYear=2026')).statusCode).toBe(403);
      expect((await s.countyAdmin.get('/api/enrollment-notices')).statusCode).toBe(400);
      const none = await s.countyAdmin.get(`/api/enrollment-notices?schoolYear=2035&townshipCode=${t0}`);
      expect(none.statusCode).toBe(422);
      expect(errorOf(none).message).toContain('没有2035学年应入一年级的适龄儿童');
    });
  });
});
