import { uuidv7 } from 'uuidv7';
import { expect } from 'vitest';
import type { DbOrTx } from '../../db/client';
import { registrySnapshots, rosterEntries } from '../../db/schema/index';
import type { Session } from '../../../test/session';
import { testClock } from '../../../test/test-app';

/** Test support for the attendance int tests: the 2026 autumn calendar, a committed roster, a clock in Beijing time. */

export const AUTUMN_2026 = {
  terms: [{ name: '2026年秋季学期', startDate: '2026-09-01', endDate: '2027-01-20' }],
  days: [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday', name: '国庆节' })),
    { date: '2026-10-10', kind: 'workday', name: '调休' },
  ],
};

export async function setCalendar(countyAdmin: Session) {
  const res = await countyAdmin.put('/api/calendar', AUTUMN_2026);
  expect(res.statusCode, res.body).toBe(200);
}

/** Beijing wall-clock time, e.g. at('2026-09-14', '08:30'). */
export const at = (day: string, time = '10:00') => testClock.set(`${day}T${time}:00+08:00`);

/** A school's committed roster (在校名册) with the given rows of one class. */
export async function commitRoster(
  db: DbOrTx,
  countyCode: string,
  school: { id: string; code: string },
  rows: { name: string; idNumber: string | null; grade: number; className: string }[],
) {
  const id = uuidv7();
  await db.insert(registrySnapshots).values({
    countyCode,
    id,
    kind: 'roster',
    scopeKind: 'school',
    scopeId: school.id,
    fileName: '在校名册.xlsx',
    fileHash: id,
    sizeBytes: 1,
    encoding: 'utf-8',
    status: 'committed',
    rowCount: rows.length,
    acceptedCount: rows.length,
    uploadedAt: new Date('2026-09-01T08:00:00+08:00'),
    committedAt: new Date('2026-09-01T08:00:00+08:00'),
  });
  await db.insert(rosterEntries).values(
    rows.map((r, i) => ({
      countyCode,
      snapshotId: id,
      rowNo: i + 2,
      raw: {},
      name: r.name,
      idNumber: r.idNumber,
      idValid: false,
      schoolCode: school.code,
      grade: r.grade,
      className: r.className,
    })),
  );
  return id;
}
