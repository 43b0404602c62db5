import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { calendarDays, countySettings, schoolTerms } from '../../db/schema/index';
import type { SchoolCalendar } from '@notoneless/shared';

export async function findSettingValues(db: DbOrTx, countyCode: string): Promise<Record<string, unknown>> {
  const [r] = await db.select({ values: countySettings.values }).from(countySettings).where(eq(countySettings.countyCode, countyCode));
  return (r?.values as Record<string, unknown> | undefined) ?? {};
}

export async function saveSettingValues(db: DbOrTx, countyCode: string, values: Record<string, unknown>, by: string | null, now: Date) {
  await db
    .insert(countySettings)
    .values({ countyCode, values, updatedAt: now, updatedBy: by })
    .onConflictDoUpdate({ target: countySettings.countyCode, set: { values, updatedAt: now, updatedBy: by } });
}

export async function loadCalendar(db: DbOrTx, countyCode: string): Promise<SchoolCalendar> {
  const [terms, days] = await Promise.all([
    db
      .select({ name: schoolTerms.name, startDate: schoolTerms.startDate, endDate: schoolTerms.endDate })
      .from(schoolTerms)
      .where(eq(schoolTerms.countyCode, countyCode))
      .orderBy(asc(schoolTerms.startDate)),
    db
      .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name })
      .from(calendarDays)
      .where(eq(calendarDays.countyCode, countyCode))
      .orderBy(asc(calendarDays.date)),
  ]);
  return { terms, days };
}

export async function replaceCalendar(db: DbOrTx, countyCode: string, cal: SchoolCalendar) {
  await db.delete(schoolTerms).where(eq(schoolTerms.countyCode, countyCode));
  await db.delete(calendarDays).where(eq(calendarDays.countyCode, countyCode));
  if (cal.terms.length) await db.insert(schoolTerms).values(cal.terms.map((t) => ({ countyCode, ...t })));
  if (cal.days.length) await db.insert(calendarDays).values(cal.days.map((d) => ({ countyCode, ...d })));
}
