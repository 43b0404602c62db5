import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { shanghaiToday } from '@notoneless/shared';
import { getTestApp, getTestDatabase } from '../../../test/test-app';
import { makeCounty, makeUser, type CountyFixture } from '../../../test/factories';
import { errorOf, login, type Session } from '../../../test/session';
import { scopeCases } from '../../../test/scope';
import { uploadFile } from '../../../test/upload';
import { makeCase } from '../../../test/case-work-fixtures';

let app: FastifyInstance;
let county: CountyFixture;
const s: Record<string, Session> = {};
let otherSchool: Session;
let otherCounty: Session;
let caseId: string;
let photoId: string;

const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\u0000家访照片', 'utf8'),
  Buffer.alloc(64, 7),
]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

beforeAll(async () => {
  app = await getTestApp();
  const { db } = await getTestDatabase();
  county = await makeCounty(db);
  const other = await makeCounty(db);
  caseId = (await makeCase(db, county.countyCode, county.townships[0].schools[0].classes[0].children[0], { status: 'persuading' })).id;
  for (const [k, u] of Object.entries(county.users)) s[k] = await login(app, u.username);
  const o = await makeUser(db, county.countyCode, `school2.${county.countyCode}`, [
    { role: 'school_admin', scopeKind: 'school', scopeId: county.townships[0].schools[1].id },
  ]);
  otherSchool = await login(app, o.username);
  otherCounty = await login(app, other.users.countyAdmin.username);
});

describe('attachments (issue 5 item 3: photos and scans on the records of a case)', () => {
  scopeCases('POST /api/attachments', () => {
    it('takes a photo (checked by its bytes) for a case in scope; refuses other files, oversize, out of scope and liaisons', async () => {
      const res = await uploadFile(s.headTeacher, '/api/attachments', { caseId }, '家访照片.jpg', JPEG);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ fileName: '家访照片.jpg', mime: 'image/jpeg', size: JPEG.length, caseId });
      photoId = res.json().id;
      const pdf = await uploadFile(s.schoolAdmin, '/api/attachments', {}, '通知书回执.pdf', PDF);
      expect(pdf.json()).toMatchObject({ mime: 'application/pdf', caseId: null });

      const fake = await uploadFile(s.headTeacher, '/api/attachments', {}, '照片.jpg', '<html><script>alert(1)</script></html>');
      expect(fake.statusCode).toBe(415);
      expect(errorOf(fake).message).toMatch(/不是照片或 PDF 扫描件/);
      const big = await uploadFile(
        s.headTeacher,
        '/api/attachments',
        {},
        '大照片.jpg',
        Buffer.concat([JPEG, Buffer.alloc(10 * 1024 * 1024)]),
      );
      expect(big.statusCode).toBe(413);
      expect(errorOf(big).message).toMatch(/超过 10 MB/);
      expect((await uploadFile(otherSchool, '/api/attachments', { caseId }, 'x.jpg', JPEG)).statusCode).toBe(404);
      expect((await uploadFile(otherCounty, '/api/attachments', { caseId }, 'x.jpg', JPEG)).statusCode).toBe(404);
      expect((await uploadFile(s.liaison, '/api/attachments', {}, 'x.jpg', JPEG)).statusCode).toBe(403);
      expect((await uploadFile(s.headTeacher, '/api/attachments', { caseId: 'abc' }, 'x.jpg', JPEG)).statusCode).toBe(400);
    });
  });

  scopeCases('GET /api/attachments/:id', () => {
    it('serves the file under its Chinese name to whoever may see the case; audited; 404 for others', async () => {
      const res = await s.villageOfficial.get(`/api/attachments/${photoId}`);
      // the village official of another village does not see this child
      expect(res.statusCode).toBe(404);
      const ok = await s.schoolAdmin.get(`/api/attachments/${photoId}`);
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['content-type']).toBe('image/jpeg');
      expect(String(ok.headers['content-disposition'])).toContain(encodeURIComponent('家访照片.jpg'));
      expect(ok.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(ok.rawPayload, JPEG)).toBe(0);
      expect((await otherSchool.get(`/api/attachments/${photoId}`)).statusCode).toBe(404);
      expect((await otherCounty.get(`/api/attachments/${photoId}`)).statusCode).toBe(404);
      expect((await s.countyAdmin.get('/api/attachments/not-a-uuid')).statusCode).toBe(400);
      expect((await s.countyAdmin.get('/api/audit?action=attachment.viewed')).json().total).toBe(1);
    });

    it('an uploader sees their own file before it is attached; a file used in an action belongs to that case', async () => {
      const up = await uploadFile(s.headTeacher, '/api/attachments', {}, '扫描件.pdf', PDF);
      const id = up.json().id;
      expect((await s.headTeacher.get(`/api/attachments/${id}`)).statusCode).toBe(200);
      expect((await s.schoolAdmin.get(`/api/attachments/${id}`)).statusCode).toBe(404);
      const d = (await s.schoolAdmin.get(`/api/cases/${caseId}`)).json();
      const res = await s.headTeacher.post(`/api/cases/${caseId}/actions`, {
        type: 'contact',
        channel: '微信',
        contactWith: '母亲',
        result: '同意返校',
        text: '微信聊天截图见附件',
        attachmentIds: [id],
        occurredOn: shanghaiToday(new Date()),
        version: d.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().events[0].attachments).toEqual([expect.objectContaining({ id, fileName: '扫描件.pdf' })]);
      expect((await s.schoolAdmin.get(`/api/attachments/${id}`)).statusCode).toBe(200);
      // another county's file cannot be attached
      const foreign = await uploadFile(otherCounty, '/api/attachments', {}, 'x.pdf', PDF);
      const again = await s.headTeacher.post(`/api/cases/${caseId}/actions`, {
        type: 'note',
        text: '附外县文件',
        attachmentIds: [foreign.json().id],
        occurredOn: shanghaiToday(new Date()),
        version: res.json().version,
      });
      expect(again.statusCode).toBe(422);
      expect(errorOf(again).message).toMatch(/附件不存在或属于其他个案/);
    });
  });
});
