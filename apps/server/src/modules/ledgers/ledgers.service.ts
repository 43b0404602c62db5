import type { z } from 'zod';
import {
  CASE_STATUS_LABELS,
  DEFAULT_COUNTY_SETTINGS,
  ledgerOfStatus,
  type CaseStatus,
  type DROPOUT_CAUSES,
  type NotDropoutReason,
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
import { openEntry } from './ledger-entries';
import type { DbOrTx } from '../../db/client';
import { applyCaseAction } from '../cases/case-actions';
import { dropoutKindOf, openCase } from '../cases/case-open';
import { openCaseOf } from '../cases/cases.repository';
import { suggestionOfCase } from '../cases/case-resume';
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
  // a case past the ledgers (复学后巩固跟踪, 送教上门, 延缓入学) is worked in the case: 再次缺学 there, not a new entry
  const open = await openCaseOf(ctx.db, ctx.actor.countyCode, v.childId);
  if (open && !ledgerOfStatus(open.status as CaseStatus))
    throw new AppError(
      'CONFLICT',
      `${child.child.name}已有进行中的个案（${CASE_STATUS_LABELS[open.status as CaseStatus]}），请在个案中记录（如「再次缺学」）`,
      { caseId: open.id },
    );
  const id = await inTx(ctx, (tx) => openEntry(tx, ctx, v));
  return entryDetail(ctx, id);
}

/** The case a ledger entry belongs to: the child's open case, or (an entry from before cases) one opened for it now. */
async function caseOfEntry(tx: DbOrTx, ctx: Ctx, row: Awaited<ReturnType<typeof getEntry>>) {
  const open = await openCaseOf(tx, ctx.actor.countyCode, row.child.id);
  if (open) return open;
  const r = await openCase(tx, ctx, {
    childId: row.child.id,
    status: row.entry.ledger === 'dropout' ? 'confirmed' : 'suspected',
    source: row.entry.source === 'finding' || row.entry.source === 'attendance' ? row.entry.source : 'report',
    ledgerSource: row.entry.source as 'finding',
    reportedOn: shanghaiToday(row.entry.openedAt),
    text: row.entry.note,
    findingId: row.entry.findingId,
    category: row.entry.category,
    cause: row.entry.cause,
  });
  return r.case;
}

/**
 * 动态销号 (seed 002) from the ledger page goes through the child's case (issue 5: the ledgers follow the case): a
 * suspected entry is closed by 核实非辍学 with the reason and its evidence; a dropout entry by 复学 (with the suggested
 * 复学方案). Other reasons for a confirmed dropout are refused with a pointer to the case.
 */
export async function close(ctx: Ctx, id: string, reason: string, evidence: string) {
  const row = await getEntry(ctx, id);
  authorize(canDecideLedger(ctx.actor), '您的角色不能办理销号');
  if (row.entry.closedAt) throw new AppError('CONFLICT', '该台账记录已销号');
  const problem = ledgerCloseProblem(row.entry.ledger, reason, evidence);
  if (problem) throw new AppError('VALIDATION', problem);
  if (reason === '转入辍学台账') throw new AppError('UNPROCESSABLE', '转入辍学台账请使用「认定辍学」');
  const today = shanghaiToday(ctx.now);
  await inTx(ctx, async (tx) => {
    const c = await caseOfEntry(tx, ctx, row);
    if (row.entry.ledger === 'suspected') {
      const verified = NOT_DROPOUT_OF_LEDGER_REASON[reason];
      await applyCaseAction(
        tx,
        ctx,
        c.id,
        {
          type: 'verify',
          result: 'not_dropout',
          reason: verified,
          evidence,
          text: `台账动态销号：${reason}`,
          occurredOn: today,
          attachmentIds: [],
          version: c.version,
        },
        { ledgerClose: { reason, childStatus: STATUS_AFTER_CLOSE[reason] ?? null } },
      );
      return;
    }
    if (reason !== '已复学')
      throw new AppError('UNPROCESSABLE', `辍学学生的「${reason}」须在个案中办理（复学、送教上门或延缓入学/休学），请打开该生的个案`, {
        caseId: c.id,
      });
    const suggestion = await suggestionOfCase(tx, ctx, c);
    await applyCaseAction(tx, ctx, c.id, {
      type: 'return',
      planKind: suggestion.kind,
      text: evidence,
      occurredOn: today,
      attachmentIds: [],
      version: c.version,
    });
  });
  return entryDetail(ctx, id);
}

/** The ledger's 销号 reasons for a suspected entry, as 核实非辍学 reasons of the case (the ledger keeps its own word). */
const NOT_DROPOUT_OF_LEDGER_REASON: Record<string, NotDropoutReason> = {
  核实在读: '数据错误',
  外地就读: '外地就读',
  已转学: '转学',
  已休学: '休学',
  请假: '请假',
  死亡: '死亡',
  户籍迁出: '户籍迁出',
  出国: '出国',
  已毕业: '数据错误',
  数据错误: '数据错误',
};

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

/** 认定辍学 from the ledger page is the case's verification (核实结果：辍学): the child moves to the 辍学学生台账. */
export async function confirmDropout(ctx: Ctx, id: string, cause: string, note?: string) {
  const row = await getEntry(ctx, id);
  authorize(canDecideLedger(ctx.actor), '认定辍学须由学校、中心校或县教育局办理');
  if (row.entry.ledger !== 'suspected' || row.entry.closedAt) throw new AppError('CONFLICT', '只有在册的疑似辍学记录可以认定为辍学');
  const newId = await inTx(ctx, async (tx) => {
    const c = await caseOfEntry(tx, ctx, row);
    await applyCaseAction(tx, ctx, c.id, {
      type: 'verify',
      result: 'dropout',
      dropoutKind: dropoutKindOf(row.entry.category),
      cause: cause as (typeof DROPOUT_CAUSES)[number],
      text: note || `认定辍学：${cause}`,
      occurredOn: shanghaiToday(ctx.now),
      attachmentIds: [],
      version: c.version,
    });
    const entry = await repo.openEntryOf(tx, ctx.actor.countyCode, row.child.id, 'dropout');
    if (!entry) throw new AppError('CONFLICT', '认定辍学未能完成，请刷新后查看');
    return entry.id;
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
