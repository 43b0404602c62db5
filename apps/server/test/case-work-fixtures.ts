import crypto from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { ApprovalRight, CaseStatus } from '@notoneless/shared';
import type { DbOrTx } from '../src/db/client';
import { attachments, caseDeadlines, caseEvents, cases, referrals, userApprovalRights } from '../src/db/schema/index';
import type { ChildFixture } from './factories';

/**
 * Cases in a given state, straight into the tables, for the tests of the work around a case (approvals, referrals,
 * 送教上门, 待办, documents) — independent of the case core's own routes.
 */
export async function makeCase(
  db: DbOrTx,
  countyCode: string,
  child: ChildFixture,
  o: { status?: CaseStatus; reportedOn?: string; schoolId?: string | null; townshipCode?: string | null } = {},
) {
  const id = uuidv7();
  const now = new Date();
  await db.insert(cases).values({
    countyCode,
    id,
    childId: child.id,
    status: o.status ?? 'persuading',
    statusSince: now,
    source: 'report',
    schoolId: o.schoolId === undefined ? child.schoolId : o.schoolId,
    classId: child.classId,
    townshipCode: o.townshipCode === undefined ? child.villageCode.slice(0, 9) : o.townshipCode,
    villageCode: child.villageCode,
    reportedOn: o.reportedOn ?? '2026-09-07',
    confirmedOn: o.status === 'suspected' ? null : '2026-09-10',
    dropoutKind: '辍学',
    cause: '厌学',
    openedAt: now,
    updatedAt: now,
  });
  return { id, childId: child.id };
}

export async function addEvent(
  db: DbOrTx,
  countyCode: string,
  caseId: string,
  type: string,
  occurredOn: string,
  data: Record<string, unknown> = {},
  actorName = '测试人员',
) {
  const id = uuidv7();
  await db.insert(caseEvents).values({ countyCode, id, caseId, type, occurredOn, at: new Date(), actorName, data });
  return id;
}

export async function addDeadline(db: DbOrTx, countyCode: string, caseId: string, kind: string, dueOn: string) {
  const id = uuidv7();
  await db.insert(caseDeadlines).values({ countyCode, id, caseId, kind, dueOn, createdAt: new Date() });
  return id;
}

export async function addAttachment(db: DbOrTx, countyCode: string, uploadedBy: string, fileName: string, caseId: string | null = null) {
  const id = uuidv7();
  const sha256 = crypto.createHash('sha256').update(id).digest('hex');
  await db.insert(attachments).values({
    countyCode,
    id,
    caseId,
    sha256,
    mime: 'application/pdf',
    size: 100,
    fileName,
    storageKey: sha256,
    uploadedBy,
    uploadedAt: new Date(),
  });
  return id;
}

export async function addReferral(db: DbOrTx, countyCode: string, caseId: string, department: string, sentBy: string) {
  const id = uuidv7();
  await db.insert(referrals).values({
    countyCode,
    id,
    caseId,
    department,
    subject: `${department}事项`,
    request: `请${department}协助`,
    status: 'sent',
    sentBy,
    sentAt: new Date(),
  });
  return id;
}

export async function grantRights(db: DbOrTx, userId: string, rights: ApprovalRight[]) {
  if (rights.length) await db.insert(userApprovalRights).values(rights.map((right) => ({ userId, right })));
}
