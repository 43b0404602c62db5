import {
  calendarProblems,
  countySettingsSchema,
  DEFAULT_COUNTY_SETTINGS,
  type CountySettings,
  type SchoolCalendar,
} from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { authorize } from '../../policies/org.policy';
import { canManageSettings } from '../../policies/system.policy';
import * as repo from './settings.repository';

/**
 * The one way rules read county settings: stored overrides merged over the defaults of domain.md.
 * A stored value that no longer validates falls back to its default (and the settings page shows the default).
 */
export async function getCountySettings(db: DbOrTx, countyCode: string): Promise<CountySettings> {
  const stored = await repo.findSettingValues(db, countyCode);
  const out: Record<string, unknown> = { ...DEFAULT_COUNTY_SETTINGS };
  for (const [k, v] of Object.entries(stored)) {
    const field = countySettingsSchema.shape[k as keyof CountySettings];
    const parsed = field?.safeParse(v);
    // the parsed value: jsonb reorders object keys, the schema puts them back in its own order
    if (parsed?.success) out[k] = parsed.data;
  }
  return out as CountySettings;
}

export const getSchoolCalendar = (db: DbOrTx, countyCode: string) => repo.loadCalendar(db, countyCode);

export async function readSettings(ctx: Ctx) {
  const c = ctx.actor.countyCode;
  const [settings, calendar] = await Promise.all([getCountySettings(ctx.db, c), getSchoolCalendar(ctx.db, c)]);
  return { settings, defaults: DEFAULT_COUNTY_SETTINGS, calendar };
}

/** Settings are plain JSON values (numbers, strings, the `cohorts` rows): equal when they serialise the same. */
const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export async function updateSettings(ctx: Ctx, patch: Partial<CountySettings>) {
  authorize(canManageSettings(ctx.actor), '只有县级管理员可以修改县级设置');
  const c = ctx.actor.countyCode;
  const before = await getCountySettings(ctx.db, c);
  const merged = countySettingsSchema.safeParse({ ...before, ...patch });
  if (!merged.success) {
    const issues = merged.error.issues.map((i) => ({ path: i.path.filter((p) => typeof p !== 'symbol'), message: i.message }));
    throw new AppError('VALIDATION', issues[0]?.message ?? '设置有误', { issues });
  }
  if (merged.data.eligibleAgeFrom >= merged.data.eligibleAgeTo) {
    throw new AppError('VALIDATION', '适龄起始年龄必须小于截止年龄', { field: 'eligibleAgeFrom' });
  }
  const overrides: Record<string, unknown> = {};
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(merged.data)) {
    const key = k as keyof CountySettings;
    if (!sameValue(v, DEFAULT_COUNTY_SETTINGS[key])) overrides[k] = v;
    if (!sameValue(v, before[key])) changed[k] = { from: before[key], to: v };
  }
  await inTx(ctx, async (tx) => {
    await repo.saveSettingValues(tx, c, overrides, ctx.actor.userId, ctx.now);
    await audit(tx, ctx, { action: 'settings.updated', targetType: 'county_settings', targetId: c, data: { changed } });
  });
  return readSettings(ctx);
}

export async function updateCalendar(ctx: Ctx, cal: SchoolCalendar) {
  authorize(canManageSettings(ctx.actor), '只有县级管理员可以修改校历');
  const problems = calendarProblems(cal);
  if (problems.length) throw new AppError('VALIDATION', problems[0], { problems });
  const c = ctx.actor.countyCode;
  await inTx(ctx, async (tx) => {
    const before = await repo.loadCalendar(tx, c);
    await repo.replaceCalendar(tx, c, cal);
    await audit(tx, ctx, { action: 'calendar.updated', targetType: 'calendar', targetId: c, data: { before, after: cal } });
  });
  return readSettings(ctx);
}
