import type { z } from 'zod';
import type { divisionCreateSchema, divisionQuerySchema, divisionUpdateSchema, Division } from '@notoneless/shared';
import { AppError, notFound } from '../../http/app-error';
import { audit, inTx, type Ctx } from '../../http/context';
import { offsetOf, pageResult } from '../../lib/paging';
import { readTableFile } from '../../lib/table-file';
import { authorize, canManageDivisions } from '../../policies/org.policy';
import * as repo from './divisions.repository';
import { divisionCodeProblem, levelOfCode, parentOfCode } from './divisions.rules';

const present = (d: repo.DivisionRow): Division => ({
  code: d.code,
  level: d.level,
  parentCode: d.parentCode,
  name: d.name,
  active: d.active,
  official: d.official,
});

export async function list(ctx: Ctx, q: z.infer<typeof divisionQuerySchema>) {
  const r = await repo.listDivisions(ctx.db, { countyCode: ctx.actor.countyCode, ...q, ...offsetOf(q) });
  return pageResult(r.items.map(present), r.total, q);
}

export async function create(ctx: Ctx, body: z.infer<typeof divisionCreateSchema>) {
  authorize(canManageDivisions(ctx.actor), '只有县级管理员可以维护行政区划');
  const c = ctx.actor.countyCode;
  const problem = divisionCodeProblem(body.code, body.level, body.parentCode, c);
  if (problem) throw new AppError('VALIDATION', problem, { field: 'code' });
  const parent = await repo.findDivision(ctx.db, c, body.parentCode);
  if (!parent) throw new AppError('VALIDATION', `上级区划 ${body.parentCode} 不存在`, { field: 'parentCode' });
  if (await repo.findDivision(ctx.db, c, body.code)) throw new AppError('CONFLICT', `区划代码 ${body.code} 已存在`);
  await inTx(ctx, async (tx) => {
    await repo.insertDivision(tx, { countyCode: c, ...body, updatedAt: ctx.now });
    await audit(tx, ctx, { action: 'division.created', targetType: 'division', targetId: body.code, data: body });
  });
  return present((await repo.findDivision(ctx.db, c, body.code))!);
}

export async function update(ctx: Ctx, code: string, body: z.infer<typeof divisionUpdateSchema>) {
  authorize(canManageDivisions(ctx.actor), '只有县级管理员可以维护行政区划');
  const c = ctx.actor.countyCode;
  const before = await repo.findDivision(ctx.db, c, code);
  if (!before) throw notFound('行政区划');
  if (before.level === 'county') throw new AppError('VALIDATION', '县级区划不能在此修改');
  await inTx(ctx, async (tx) => {
    await repo.updateDivision(tx, c, code, { ...body, updatedAt: ctx.now });
    await audit(tx, ctx, {
      action: 'division.updated',
      targetType: 'division',
      targetId: code,
      data: { before: present(before), change: body },
    });
  });
  return present((await repo.findDivision(ctx.db, c, code))!);
}

export type ImportProblem = { row: number; column: string; message: string };

/**
 * Import the county's division list (columns 区划代码, 名称, 上级代码). All or nothing: any problem row refuses the
 * whole file, with every problem named by row and column.
 */
export async function importFile(ctx: Ctx, fileName: string, buf: Buffer) {
  authorize(canManageDivisions(ctx.actor), '只有县级管理员可以导入行政区划');
  const c = ctx.actor.countyCode;
  const table = await readTableFile(fileName, buf);
  for (const col of ['区划代码', '名称']) {
    if (!table.headers.includes(col)) throw new AppError('VALIDATION', `文件「${fileName}」缺少「${col}」列`);
  }
  const existing = new Map((await repo.allDivisionCodes(ctx.db, c)).map((d) => [d.code, d]));
  const inFile = new Set<string>();
  const problems: ImportProblem[] = [];
  const rows: { code: string; name: string; level: 'township' | 'village'; parentCode: string; official: boolean }[] = [];
  table.rows.forEach((r, i) => {
    const row = i + 1;
    const code = (r['区划代码'] ?? '').replace(/\s/g, '');
    const name = r['名称'] ?? '';
    const level = levelOfCode(code);
    if (!name) return problems.push({ row, column: '名称', message: '名称为空' });
    if (level !== 'township' && level !== 'village')
      return problems.push({ row, column: '区划代码', message: `「${code}」不是 9 位乡镇代码或 12 位村代码` });
    const parentCode = (r['上级代码'] ?? '').replace(/\s/g, '') || parentOfCode(code)!;
    const problem = divisionCodeProblem(code, level, parentCode, c);
    if (problem) return problems.push({ row, column: '区划代码', message: problem });
    if (inFile.has(code)) return problems.push({ row, column: '区划代码', message: `区划代码 ${code} 在文件中重复` });
    if (!existing.has(parentCode) && !rows.some((x) => x.code === parentCode) && parentCode !== c) {
      return problems.push({ row, column: '上级代码', message: `上级区划 ${parentCode} 不存在` });
    }
    inFile.add(code);
    const official = !/^(否|自编)$/.test((r['官方代码'] ?? '').trim());
    rows.push({ code, name, level, parentCode, official });
  });
  if (problems.length) {
    throw new AppError(
      'VALIDATION',
      `文件「${fileName}」有 ${problems.length} 处问题，未导入任何数据：第 ${problems[0].row} 行「${problems[0].column}」${problems[0].message}`,
      { problems },
    );
  }
  let created = 0;
  let updated = 0;
  await inTx(ctx, async (tx) => {
    for (const r of rows) {
      if (existing.has(r.code)) {
        updated++;
        await repo.updateDivision(tx, c, r.code, { name: r.name, official: r.official, active: true, updatedAt: ctx.now });
      } else {
        created++;
        await repo.insertDivision(tx, { countyCode: c, ...r, updatedAt: ctx.now });
      }
    }
    await audit(tx, ctx, { action: 'division.imported', targetType: 'division', data: { fileName, created, updated } });
  });
  return { created, updated, problems: [] as ImportProblem[] };
}
