import type { z } from 'zod';
import {
  DEFAULT_COUNTY_SETTINGS,
  eligibleBirthRange,
  LEDGER_KIND_LABELS,
  LEDGER_SOURCE_LABELS,
  maskIdNumber,
  maskPhone,
  maskStudentNo,
  schoolYearOf,
  shanghaiToday,
  type eligibleQuerySchema,
  type ledgerEntryQuerySchema,
  type LedgerEntryDto,
} from '@notoneless/shared';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { offsetOf, pageResult } from '../../lib/paging';
import { buildXlsx } from '../../lib/xlsx';
import { childVisible } from '../../policies/actor';
import { authorize } from '../../policies/org.policy';
import { canAddLedgerEntry, canDecideLedger, canExportLedgers, canReadLedgers } from '../../policies/ledgers.policy';
import { countyName } from '../auth/auth.repository';
import { findChild } from '../children/children.repository';
import { getCountySettings } from '../settings/settings.service';
import { closeEntry, event, openEntry, setChildStatus } from './ledger-entries';
import { ledgerBalance, ledgerCloseProblem, LEDGER_CATEGORIES, type LedgerCategory } from './ledger.rules';
import * as repo from './ledgers.repository';

async function eligibleRange(ctx: Ctx) {
  const settings = await getCountySettings(ctx.db, ctx.actor.countyCode).catch(() => DEFAULT_COUNTY_SETTINGS);
  const schoolYear = schoolYearOf(shanghaiToday(ctx.now), settings);
  return { schoolYear, ...eligibleBirthRange(schoolYear, settings) };
}

/** 人账相符 on the page: the categories of the 适龄儿童台账 and whether they add up (issue 4, item 6). */
export async function balance(ctx: Ctx, f: { townshipCode?: string; schoolId?: string }) {
  authorize(canReadLedgers(ctx.actor), '您的角色不能查看台账');
  const r = await eligibleRange(ctx);
  const rows = await repo.balanceCounts(ctx.db, ctx.actor.scope, f, r.from, r.to);
  const counts = Object.fromEntries(rows.map((x) => [x.category, x.n])) as Partial<Record<LedgerCategory, number>>;
  const total = rows.reduce((n, x) => n + x.n, 0);
  const b = ledgerBalance(counts, total);
  return {
    schoolYear: r.schoolYear,
    birthFrom: r.from,
    birthTo: r.to,
    total,
    byCategory: b.byCategory,
    balanced: b.balanced,
    unexplained: b.unexplained,
    openSuspected: b.byCategory['疑似辍学'],
    openDropout: b.byCategory['辍学'],
  };
}

type EligibleRow = Awaited<ReturnType<typeof repo.listEligible>>['items'][number];
const presentEligible = (r: EligibleRow) => ({
  childId: r.child.id,
  name: r.child.name,
  gender: r.child.gender,
  birthDate: r.child.birthDate,
  idNumberMasked: maskIdNumber(r.child.idNumber ?? ''),
  townshipName: r.townshipName,
  villageName: r.villageName,
  guardianName: r.child.guardianName,
  guardianPhoneMasked: maskPhone(r.child.guardianPhone ?? ''),
  category: r.category,
  status: r.child.status,
  schoolName: r.schoolName,
  grade: r.child.grade,
  className: r.className,
  studentNoMasked: maskStudentNo(r.child.studentNo),
  keyGroups: r.keyGroups ?? [],
});

export async function eligible(ctx: Ctx, q: z.infer<typeof eligibleQuerySchema>) {
  authorize(canReadLedgers(ctx.actor), '您的角色不能查看台账');
  if (q.category && !(LEDGER_CATEGORIES as readonly string[]).includes(q.category))
    throw new AppError('VALIDATION', `就读状态分类「${q.category}」不存在`);
  const r = await eligibleRange(ctx);
  const { limit, offset } = offsetOf(q);
  const res = await repo.listEligible(ctx.db, ctx.actor.scope, q, r.from, r.to, limit, offset);
  await inTx(ctx, (tx) =>
    audit(tx, ctx, { action: 'ledger.viewed', targetType: 'eligible_ledger', data: { filter: q, shown: res.items.length } }),
  );
  return pageResult(res.items.map(presentEligible), res.total, q);
}

type EntryRow = Awaited<ReturnType<typeof repo.listEntries>>['items'][number];
const presentEntry = (r: EntryRow): LedgerEntryDto => ({
  id: r.entry.id,
  ledger: r.entry.ledger,
  childId: r.child.id,
  name: r.child.name,
  gender: r.child.gender,
  idNumberMasked: maskIdNumber(r.child.idNumber ?? ''),
  schoolName: r.schoolName,
  grade: r.child.grade,
  townshipName: r.townshipName,
  villageName: r.villageName,
  keyGroups: r.keyGroups ?? [],
  source: r.entry.source,
  sourceLabel: LEDGER_SOURCE_LABELS[r.entry.source as keyof typeof LEDGER_SOURCE_LABELS] ?? r.entry.source,
  category: r.entry.category,
  cause: r.entry.cause,
  note: r.entry.note,
  openedAt: r.entry.openedAt.toISOString(),
  openedByName: r.openedByName,
  closedAt: r.entry.closedAt?.toISOString() ?? null,
  closeReason: r.entry.closeReason,
  closeEvidence: r.entry.closeEvidence,
});

export async function entries(ctx: Ctx, ledger: 'suspected' | 'dropout', q: z.infer<typeof ledgerEntryQuerySchema>) {
  authorize(canReadLedgers(ctx.actor), '您的角色不能查看台账');
  const { limit, offset } = offsetOf(q);
  const res = await repo.listEntries(ctx.db, ctx.actor.scope, ledger, q, limit, offset);
  await inTx(ctx, (tx) =>
    audit(tx, ctx, { action: 'ledger.viewed', targetType: `${ledger}_ledger`, data: { filter: q, shown: res.items.length } }),
  );
  return pageResult(res.items.map(presentEntry), res.total, q);
}

const EVENT_LABELS: Record<string, string> = { opened: '列入台账', closed: '动态销号', confirmed_dropout: '认定辍学', note: '备注' };

async function getEntry(ctx: Ctx, id: string) {
  authorize(canReadLedgers(ctx.actor), '您的角色不能查看台账');
  const res = await repo.listEntries(ctx.db, ctx.actor.scope, null, { state: 'all' }, 1, 0, id);
  const row = res.items[0];
  if (!row) throw notFound('台账记录');
  return row;
}

export async function entryDetail(ctx: Ctx, id: string) {
  const row = await getEntry(ctx, id);
  const events = await repo.eventsOf(ctx.db, ctx.actor.countyCode, id);
  const open = row.entry.closedAt === null;
  return {
    ...presentEntry(row),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      actorName: e.actorName,
      type: e.type,
      typeLabel: EVENT_LABELS[e.type] ?? e.type,
      data: e.data,
    })),
    abilities: {
      close: open && canDecideLedger(ctx.actor),
      confirmDropout: open && row.entry.ledger === 'suspected' && canDecideLedger(ctx.actor),
    },
  };
}

export async function addEntry(
  ctx: Ctx,
  v: { childId: string; ledger: 'suspected' | 'dropout'; source: 'report' | 'survey'; cause?: string; note?: string },
) {
  authorize(canAddLedgerEntry(ctx.actor), '您的角色不能登记台账');
  if (v.ledger === 'dropout') authorize(canDecideLedger(ctx.actor), '认定辍学须由学校、中心校或县教育局办理');
  const child = await findChild(ctx.db, ctx.actor.countyCode, v.childId);
  if (!child || !childVisible(ctx.actor.scope, child.child)) throw notFound('儿童');
  for (const ledger of v.ledger === 'suspected' ? (['suspected', 'dropout'] as const) : (['dropout'] as const)) {
    if (await repo.openEntryOf(ctx.db, ctx.actor.countyCode, v.childId, ledger)) {
      throw new AppError('CONFLICT', `${child.child.name}已在${LEDGER_KIND_LABELS[ledger]}中`);
    }
  }
  const id = await inTx(ctx, (tx) => openEntry(tx, ctx, v));
  return entryDetail(ctx, id);
}

/** 动态销号 (seed 002): a reason from the list and its evidence; 已复学 takes the child off the dropout ledger. */
export async function close(ctx: Ctx, id: string, reason: string, evidence: string) {
  const row = await getEntry(ctx, id);
  authorize(canDecideLedger(ctx.actor), '您的角色不能办理销号');
  if (row.entry.closedAt) throw new AppError('CONFLICT', '该台账记录已销号');
  const problem = ledgerCloseProblem(row.entry.ledger, reason, evidence);
  if (problem) throw new AppError('VALIDATION', problem);
  const status = STATUS_AFTER_CLOSE[reason];
  await inTx(ctx, async (tx) => {
    await closeEntry(tx, ctx, id, row.child.id, reason, evidence);
    if (status) await setChildStatus(tx, ctx, row.child.id, status);
  });
  return entryDetail(ctx, id);
}

const STATUS_AFTER_CLOSE: Record<string, string | undefined> = {
  已复学: '在读',
  核实在读: '在读',
  外地就读: '外地就读',
  已转学: '外地就读',
  已休学: '休学',
  死亡: '死亡',
  户籍迁出: '户籍迁出',
  出国: '出国',
  已毕业: '已毕业',
};

/** 认定辍学: the suspected entry is closed (转入辍学台账) and a dropout entry opens, in one transaction. */
export async function confirmDropout(ctx: Ctx, id: string, cause: string, note?: string) {
  const row = await getEntry(ctx, id);
  authorize(canDecideLedger(ctx.actor), '认定辍学须由学校、中心校或县教育局办理');
  if (row.entry.ledger !== 'suspected' || row.entry.closedAt) throw new AppError('CONFLICT', '只有在册的疑似辍学记录可以认定为辍学');
  const newId = await inTx(ctx, async (tx) => {
    await closeEntry(tx, ctx, id, row.child.id, '转入辍学台账', `认定辍学：${cause}${note ? `；${note}` : ''}`);
    const dropoutId = await openEntry(tx, ctx, {
      childId: row.child.id,
      ledger: 'dropout',
      source: row.entry.source as 'finding',
      findingId: row.entry.findingId,
      category: row.entry.category,
      cause,
      note,
    });
    await event(tx, ctx, dropoutId, 'confirmed_dropout', { from: id, cause });
    await audit(tx, ctx, {
      action: 'ledger.dropout_confirmed',
      targetType: 'ledger_entry',
      targetId: dropoutId,
      childId: row.child.id,
      data: { cause },
    });
    return dropoutId;
  });
  return entryDetail(ctx, newId);
}

const EXPORT_LIMIT = 200_000;

/** The ledgers as XLSX with a title row naming the jurisdiction and date; IDs masked (issue 4, item 7). */
export async function exportLedger(ctx: Ctx, which: 'eligible' | 'suspected' | 'dropout', q: Record<string, unknown>) {
  authorize(canExportLedgers(ctx.actor), '您的角色不能导出台账');
  const today = shanghaiToday(ctx.now);
  const county = await countyName(ctx.db, ctx.actor.countyCode);
  let title: string;
  let columns: { header: string; width?: number }[];
  let rows: unknown[][];
  if (which === 'eligible') {
    const r = await eligibleRange(ctx);
    const res = await repo.listEligible(ctx.db, ctx.actor.scope, q, r.from, r.to, EXPORT_LIMIT, 0);
    title = `${county} 适龄儿童台账（${r.schoolYear}—${r.schoolYear + 1} 学年，出生于 ${r.from} 至 ${r.to}）`;
    columns = [
      '姓名',
      '性别',
      '出生日期',
      '身份证号',
      '户籍乡镇',
      '户籍村（社区）',
      '监护人',
      '监护人电话',
      '就读状态',
      '学校',
      '年级',
      '班级',
      '学籍号',
      '重点群体',
    ].map((header) => ({ header }));
    rows = res.items
      .map(presentEligible)
      .map((x) => [
        x.name,
        x.gender,
        x.birthDate,
        x.idNumberMasked,
        x.townshipName,
        x.villageName,
        x.guardianName,
        x.guardianPhoneMasked,
        x.category,
        x.schoolName,
        x.grade,
        x.className,
        x.studentNoMasked,
        x.keyGroups.join('、'),
      ]);
  } else {
    const res = await repo.listEntries(
      ctx.db,
      ctx.actor.scope,
      which,
      { state: (q.state as 'open' | 'closed' | 'all') ?? 'all' },
      EXPORT_LIMIT,
      0,
    );
    title = `${county} ${LEDGER_KIND_LABELS[which]}`;
    columns = [
      '姓名',
      '性别',
      '身份证号',
      '学校',
      '年级',
      '户籍乡镇',
      '户籍村（社区）',
      '重点群体',
      '线索来源',
      '原因',
      '列入日期',
      '登记人',
      '销号日期',
      '销号原因',
      '销号依据',
    ].map((header) => ({ header }));
    rows = res.items
      .map(presentEntry)
      .map((x) => [
        x.name,
        x.gender,
        x.idNumberMasked,
        x.schoolName,
        x.grade,
        x.townshipName,
        x.villageName,
        x.keyGroups.join('、'),
        x.sourceLabel,
        x.cause,
        x.openedAt.slice(0, 10),
        x.openedByName,
        x.closedAt?.slice(0, 10) ?? '',
        x.closeReason,
        x.closeEvidence,
      ]);
  }
  const buf = await buildXlsx(which === 'eligible' ? '适龄儿童台账' : LEDGER_KIND_LABELS[which], {
    title,
    subtitle: `导出单位/人：${ctx.actor.displayName}　导出日期：${today}　共 ${rows.length} 条　身份证号已脱敏`,
    columns,
    rows,
  });
  await inTx(ctx, (tx) =>
    audit(tx, ctx, { action: 'ledger.exported', targetType: `${which}_ledger`, data: { filter: q, rows: rows.length } }),
  );
  return { buf, fileName: `${which === 'eligible' ? '适龄儿童台账' : LEDGER_KIND_LABELS[which]}-${today}.xlsx` };
}
