import {
  disclosureContentSchema,
  eligibleBirthRange,
  schoolYearOf,
  shanghaiToday,
  suppressTwoLevels,
  type PublicCount,
  type DisclosureContent,
  type DisclosureEdit,
  type PublicDisclosure,
} from '@notoneless/shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { authorize } from '../../policies/org.policy';
import { hasRole, type Actor } from '../../policies/actor';
import { getCountySettings } from '../settings/settings.service';
import * as repo from './disclosure.repository';

/**
 * 信息公开 (seed 001 六(三)). The row's `content` holds the county's draft and the published copy:
 * `{ draft, published }` — editing never changes what the public sees until 发布.
 */
type Stored = { draft: DisclosureContent | null; published: DisclosureContent | null };

const canReadDisclosure = (a: Actor) => hasRole(a, 'county_admin', 'county_leader');
const canEditDisclosure = (a: Actor) => hasRole(a, 'county_admin');

function parseStored(v: unknown): Stored {
  const o = (v ?? {}) as Record<string, unknown>;
  const one = (x: unknown) => {
    const r = disclosureContentSchema.safeParse(x);
    return r.success ? r.data : null;
  };
  return { draft: one(o.draft), published: one(o.published) };
}

export const yearLabel = (year: string) => `${year.slice(0, 4)}—${year.slice(5)}学年`;

async function currentYear(db: DbOrTx, countyCode: string, now: Date): Promise<string> {
  const settings = await getCountySettings(db, countyCode);
  const y = schoolYearOf(shanghaiToday(now), settings);
  return `${y}-${y + 1}`;
}

function checkYear(year: string) {
  const a = Number(year.slice(0, 4));
  if (Number(year.slice(5)) !== a + 1) throw new AppError('VALIDATION', '学年应为相邻的两个年份，例如 2026-2027');
}

export async function readDisclosure(ctx: Ctx, year?: string): Promise<DisclosureEdit> {
  authorize(canReadDisclosure(ctx.actor), '只有县级管理员和县领导可以查看信息公开设置');
  const c = ctx.actor.countyCode;
  const current = await currentYear(ctx.db, c, ctx.now);
  const y = year ?? current;
  checkYear(y);
  const [row, years, name] = await Promise.all([
    repo.findDisclosure(ctx.db, c, y),
    repo.listYears(ctx.db, c, false),
    repo.countyName(ctx.db, c),
  ]);
  // the saved years, this school year and the next (a county prepares next year's page in summer)
  const start = Number(current.slice(0, 4));
  const next = `${start + 1}-${start + 2}`;
  const stored = row ? parseStored(row.content) : { draft: null, published: null };
  const isPublished = row?.published === 'published' && stored.published !== null;
  const edit = canEditDisclosure(ctx.actor);
  return {
    countyCode: c,
    countyName: name ?? c,
    year: y,
    yearLabel: yearLabel(y),
    years: [...new Set([y, current, next, ...years])].sort().reverse(),
    draft: stored.draft,
    published: stored.published,
    status: !row ? 'none' : isPublished ? 'published' : 'draft',
    unpublishedChanges: stored.draft !== null && JSON.stringify(stored.draft) !== JSON.stringify(isPublished ? stored.published : null),
    publishedAt: isPublished && row?.publishedAt ? row.publishedAt.toISOString() : null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    publicPath: `/public/${c}`,
    can: { edit, publish: edit && stored.draft !== null, unpublish: edit && isPublished },
  };
}

export async function saveDraft(ctx: Ctx, year: string, content: DisclosureContent): Promise<DisclosureEdit> {
  authorize(canEditDisclosure(ctx.actor), '只有县级管理员可以编辑信息公开内容');
  checkYear(year);
  const c = ctx.actor.countyCode;
  await inTx(ctx, async (tx) => {
    const row = await repo.findDisclosure(tx, c, year);
    const stored = row ? parseStored(row.content) : { draft: null, published: null };
    await repo.upsertDisclosure(tx, {
      countyCode: c,
      year,
      content: { draft: content, published: stored.published },
      published: row?.published ?? 'draft',
      publishedAt: row?.publishedAt ?? null,
      by: ctx.actor.userId,
      now: ctx.now,
    });
    await audit(tx, ctx, { action: 'disclosure.saved', targetType: 'public_disclosure', targetId: `${c}:${year}`, data: { year } });
  });
  return readDisclosure(ctx, year);
}

export async function publish(ctx: Ctx, year: string, on: boolean): Promise<DisclosureEdit> {
  authorize(canEditDisclosure(ctx.actor), '只有县级管理员可以发布或撤回信息公开');
  checkYear(year);
  const c = ctx.actor.countyCode;
  await inTx(ctx, async (tx) => {
    const row = await repo.findDisclosure(tx, c, year);
    const stored = row ? parseStored(row.content) : { draft: null, published: null };
    if (on && !stored.draft) throw new AppError('CONFLICT', '请先填写并保存本学年的公开内容，再发布');
    if (!on && row?.published !== 'published') throw new AppError('CONFLICT', '本学年的信息公开尚未发布');
    await repo.upsertDisclosure(tx, {
      countyCode: c,
      year,
      content: on ? { draft: stored.draft, published: stored.draft } : stored,
      published: on ? 'published' : 'draft',
      publishedAt: on ? ctx.now : (row?.publishedAt ?? null),
      by: ctx.actor.userId,
      now: ctx.now,
    });
    await audit(tx, ctx, {
      action: on ? 'disclosure.published' : 'disclosure.unpublished',
      targetType: 'public_disclosure',
      targetId: `${c}:${year}`,
      data: { year },
    });
  });
  return readDisclosure(ctx, year);
}

const notPublished = () => new AppError('NOT_FOUND', '该地尚未发布控辍保学信息公开内容');

/**
 * The public page (no login): the published content and aggregate numbers only. Every number is a SQL aggregate;
 * village-level cells go through suppressSmallCounts (per township, per measure). No field of a child is read.
 */
export async function publicPage(db: DbOrTx, now: Date, countyCode: string, year?: string): Promise<PublicDisclosure> {
  if (!/^\d{6}$/.test(countyCode)) throw notPublished();
  const years = await repo.listYears(db, countyCode, true);
  if (!years.length) throw notPublished();
  const current = await currentYear(db, countyCode, now);
  const y = year ?? (years.includes(current) ? current : years[0]);
  if (!years.includes(y)) throw notPublished();
  const row = await repo.findDisclosure(db, countyCode, y);
  const content = row ? parseStored(row.content).published : null;
  if (!row || !content || row.published !== 'published') throw notPublished();

  const settings = await getCountySettings(db, countyCode);
  const startYear = Number(y.slice(0, 4));
  const from = `${startYear}-${settings.schoolYearStart}`;
  const today = shanghaiToday(now);
  const nextStart = `${startYear + 1}-${settings.schoolYearStart}`;
  const to = today < nextStart ? today : new Date(Date.parse(`${nextStart}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const eligible = eligibleBirthRange(startYear, settings);
  const params = { from, to, eligibleFrom: eligible.from, eligibleTo: eligible.to };
  const [areas, county, names, countyName] = await Promise.all([
    repo.areaCounts(db, countyCode, params),
    repo.countyCounts(db, countyCode, params),
    repo.divisionNames(db, countyCode),
    repo.countyName(db, countyCode),
  ]);
  return {
    countyCode,
    countyName: countyName ?? countyCode,
    year: y,
    yearLabel: yearLabel(y),
    content,
    publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
    figures: { asOf: to, from, to, county, ...byArea(areas, names) },
    years,
  };
}

type Counts = repo.AreaCounts;
const zero = (): Counts => ({ eligible: 0, suspected: 0, dropouts: 0, returned: 0 });
const add = (a: Counts, b: Counts) => {
  a.eligible += b.eligible;
  a.suspected += b.suspected;
  a.dropouts += b.dropouts;
  a.returned += b.returned;
};
const MEASURES = ['eligible', 'suspected', 'dropouts', 'returned'] as const;
type Measure = (typeof MEASURES)[number];
const UNKNOWN = '';

/**
 * Township totals and village cells, each measure suppressed on both levels together (suppressTwoLevels): a small
 * township, or a township of one village, must not give away a village's suppressed count.
 */
function byArea(areas: repo.AreaRow[], divs: Awaited<ReturnType<typeof repo.divisionNames>>) {
  const townshipName = new Map(divs.filter((d) => d.level === 'township').map((d) => [d.code, d.name]));
  const village = new Map(divs.filter((d) => d.level === 'village').map((d) => [d.code, d]));
  // township → village key → counts; every known township and village appears, with zeros
  const tree = new Map<string, Map<string, Counts>>();
  for (const t of townshipName.keys()) tree.set(t, new Map());
  for (const v of village.values()) if (v.parent_code && tree.has(v.parent_code)) tree.get(v.parent_code)!.set(v.code, zero());
  for (const a of areas) {
    const vInfo = a.villageCode ? village.get(a.villageCode) : undefined;
    const t = a.townshipCode && townshipName.has(a.townshipCode) ? a.townshipCode : (vInfo?.parent_code ?? UNKNOWN);
    if (!tree.has(t)) tree.set(t, new Map());
    const vKey = vInfo && vInfo.parent_code === t ? vInfo.code : UNKNOWN;
    const cells = tree.get(t)!;
    if (!cells.has(vKey)) cells.set(vKey, zero());
    add(cells.get(vKey)!, a);
  }
  const byKey = <K>(x: K, y: K) => (x === UNKNOWN ? 1 : y === UNKNOWN ? -1 : String(x).localeCompare(String(y)));
  const order = [...tree.keys()].sort(byKey);
  const groups = order.map((t) => [...tree.get(t)!.entries()].sort(([x], [y]) => byKey(x, y)));
  const tName = (t: string) => (t === UNKNOWN ? '未登记乡镇' : townshipName.get(t)!);
  const townships = order.map((t) => ({ name: tName(t) }) as { name: string } & Record<Measure, PublicCount>);
  const villages = order.map((t, i) => ({
    township: tName(t),
    rows: groups[i].map(
      ([v]) => ({ name: v === UNKNOWN ? '未登记村（居）' : village.get(v)!.name }) as { name: string } & Record<Measure, PublicCount>,
    ),
  }));
  for (const m of MEASURES) {
    const { totals, cells } = suppressTwoLevels(groups.map((g) => g.map(([, c]) => c[m])));
    totals.forEach((v, i) => (townships[i][m] = v));
    cells.forEach((g, i) => g.forEach((v, j) => (villages[i].rows[j][m] = v)));
  }
  return { townships, villages };
}
