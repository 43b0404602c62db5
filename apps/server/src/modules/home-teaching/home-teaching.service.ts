import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import {
  homeTeachingWeek,
  maskIdNumber,
  refuseHomeTeachingSession,
  shanghaiToday,
  weekOf,
  type CaseStatus,
  type HomeTeachingMissingItem,
  type homeTeachingBodySchema,
  type homeTeachingSessionSchema,
} from '@notoneless/shared';
import { AppError } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { authorize } from '../../policies/org.policy';
import { canRecordHomeTeaching, canSeeHomeTeaching } from '../../policies/home-teaching.policy';
import { linkAttachments } from '../cases/case-records.repository';
import { loadCaseInScope } from '../cases/cases.repository';
import { getCountySettings } from '../settings/settings.service';
import * as repo from './home-teaching.repository';

type Body = z.infer<typeof homeTeachingBodySchema>;
type SessionDto = z.infer<typeof homeTeachingSessionSchema>;

/**
 * A phone that saved the form offline resends it with the same clientKey: the session id is derived from the key, so
 * the second insert finds the first row (no migration needed for a client-key column).
 */
export function sessionIdOf(countyCode: string, clientKey: string): string {
  const h = createHash('sha256').update(`${countyCode}\u0000home-teaching\u0000${clientKey}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const present = (s: repo.SessionRow, files: Awaited<ReturnType<typeof repo.findAttachments>>): SessionDto => ({
  id: s.id,
  taughtOn: s.taughtOn,
  hours: s.hours,
  teacherName: s.teacherName,
  content: s.content,
  attachments: files.map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, size: f.size })),
  recordedAt: s.recordedAt.toISOString(),
});

/** 送教上门 session log (issue 5 item 4; seed 004): who taught, what, how long, photos. */
export async function recordSession(ctx: Ctx, caseId: string, body: Body): Promise<SessionDto> {
  authorize(canRecordHomeTeaching(ctx.actor), '您的角色不能登记送教上门');
  const county = ctx.actor.countyCode;
  return inTx(ctx, async (tx) => {
    const c = await loadCaseInScope(tx, ctx, caseId);
    const id = body.clientKey ? sessionIdOf(county, body.clientKey) : uuidv7();
    if (body.clientKey) {
      const earlier = await repo.findSession(tx, county, id);
      if (earlier && earlier.caseId !== caseId) throw new AppError('CONFLICT', '该离线记录已登记到其他个案');
      if (earlier) return present(earlier, await repo.findAttachments(tx, county, earlier.attachmentIds));
    }
    const planKind = await repo.latestPlanKind(tx, county, caseId);
    const refusal = refuseHomeTeachingSession({ status: c.status as CaseStatus, planKind }, body.taughtOn, shanghaiToday(ctx.now));
    if (refusal) throw new AppError('UNPROCESSABLE', refusal);
    const files = await repo.findAttachments(tx, county, body.attachmentIds);
    const ok = new Set(files.filter((f) => f.caseId === null || f.caseId === caseId).map((f) => f.id));
    const bad = body.attachmentIds.filter((a) => !ok.has(a));
    if (bad.length) throw new AppError('UNPROCESSABLE', '所附照片不存在或不属于本个案，请重新上传', { attachmentIds: bad });
    const row = {
      countyCode: county,
      id,
      caseId,
      childId: c.childId,
      taughtOn: body.taughtOn,
      hours: body.hours,
      teacherName: body.teacherName,
      teacherId: null,
      content: body.content,
      attachmentIds: body.attachmentIds,
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now,
    };
    if (!(await repo.insertSession(tx, row))) {
      // a concurrent resend won the insert: answer with its row
      const earlier = await repo.findSession(tx, county, id);
      if (!earlier || earlier.caseId !== caseId) throw new AppError('CONFLICT', '该离线记录已登记到其他个案');
      return present(earlier, files);
    }
    await linkAttachments(tx, county, caseId, body.attachmentIds);
    await audit(tx, ctx, {
      action: 'home_teaching.recorded',
      targetType: 'home_teaching_session',
      targetId: id,
      childId: c.childId,
      data: { caseId, taughtOn: body.taughtOn, hours: body.hours, teacherName: body.teacherName },
    });
    return present(
      row,
      files.filter((f) => ok.has(f.id)),
    );
  });
}

/** Each case's sessions of the week against the county setting (seed 004: 每周1次、每次2课时). */
export async function caseWeeks(ctx: Ctx, caseIds: string[], week: { from: string; to: string }) {
  const county = ctx.actor.countyCode;
  const settings = await getCountySettings(ctx.db, county);
  const sessions = await repo.sessionsBetween(ctx.db, county, caseIds, week.from, week.to);
  const byCase = new Map<string, { hours: number }[]>();
  for (const s of sessions) byCase.set(s.caseId, [...(byCase.get(s.caseId) ?? []), { hours: s.hours }]);
  return (caseId: string) => homeTeachingWeek(byCase.get(caseId) ?? [], settings);
}

/** Children in 送教上门 whose sessions this week fall short of the setting (seed 004: 每周1次、每次2课时). */
export async function missing(ctx: Ctx, q: { week?: string }) {
  authorize(canSeeHomeTeaching(ctx.actor), '您的角色不能查看送教上门');
  const week = weekOf(q.week ?? shanghaiToday(ctx.now));
  const list = await repo.casesInHomeTeaching(ctx.db, ctx.actor.scope);
  const weekOfCase = await caseWeeks(
    ctx,
    list.map((c) => c.caseId),
    week,
  );
  const items: HomeTeachingMissingItem[] = [];
  for (const c of list) {
    const w = weekOfCase(c.caseId);
    if (!w.shortfall.length) continue;
    items.push({
      caseId: c.caseId,
      childId: c.childId,
      childName: c.childName,
      idNumberMasked: maskIdNumber(c.idNumber ?? ''),
      schoolName: c.schoolName,
      townshipName: c.townshipName,
      villageName: c.villageName,
      grade: c.grade,
      caseStatus: c.status as CaseStatus,
      sessionsThisWeek: w.sessions,
      hoursThisWeek: w.hours,
      requiredSessions: w.requiredSessions,
      requiredHours: w.requiredHours,
      shortfall: w.shortfall,
      lastTaughtOn: c.lastTaughtOn,
      teacherName: c.teacherName,
    });
  }
  await inTx(ctx, (tx) =>
    audit(tx, ctx, {
      action: 'home_teaching.missing_viewed',
      targetType: 'home_teaching',
      data: { weekFrom: week.from, shown: items.length },
    }),
  );
  return { weekFrom: week.from, weekTo: week.to, items };
}
