/**
 * `notoneless reconcile --hukou F --xueji F --roster F [--poverty F] [--disability F] [--as-of YYYY-MM-DD]
 *  [--county CODE] [--out DIR] [--json]` (formats.md): 四查三比对 on files, no database. Writes findings.csv,
 * summary.json and problems.csv into --out (default ./reconcile-out); with --json, the findings as JSON lines on stdout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { shanghaiToday, isValidIsoDate } from '@notoneless/shared/rules/dates';
import { AppError } from '../http/app-error';
import { findingJson, findingsCsv, problemsCsv, summaryJson } from '../modules/reconciliation/engine/output';
import { readRegistryFiles } from '../modules/reconciliation/engine/read-all';
import type { ReadJob } from '../modules/reconciliation/engine/read-worker';
import { emptyTable } from '../modules/reconciliation/engine/table';
import {
  CATEGORY_CODES,
  CATEGORY_LABELS,
  REGISTRY_KIND_ORDER,
  type FileReport,
  type RegistryKind,
} from '../modules/reconciliation/engine/types';
import { optionString, parseArgs } from './args';

export const RECONCILE_USAGE =
  'npx notoneless reconcile --hukou 户籍.csv --xueji 学籍.csv --roster 名册.csv [--poverty 脱贫户.csv] [--disability 残疾人.csv] [--as-of YYYY-MM-DD] [--county 410182] [--out 目录] [--json]';

const LABELS: Record<RegistryKind, string> = {
  hukou: '户籍',
  xueji: '学籍',
  roster: '在校名册',
  poverty: '脱贫户/监测户',
  disability: '残疾人',
};
const SHOWN_PROBLEMS = 5;
const n = (x: number) => x.toLocaleString('zh-CN');

/** A progress line on standard error: rewritten in place on a terminal, one line per step otherwise. */
function progressLine() {
  const tty = process.stderr.isTTY === true;
  let shown = '';
  return {
    set(text: string) {
      if (text === shown) return;
      shown = text;
      if (tty) process.stderr.write(`\r${text.padEnd(70)}`);
    },
    step(text: string) {
      shown = text;
      process.stderr.write(tty ? `\r${text.padEnd(70)}\n` : `${text}\n`);
    },
  };
}

function reportProblems(reports: FileReport[]): void {
  for (const r of reports) {
    process.stderr.write(`${LABELS[r.kind]}「${r.fileName}」：${n(r.rows)} 行，拒绝 ${n(r.rejected)} 行，有警告 ${n(r.warnings)} 行\n`);
    for (const p of r.problems.slice(0, SHOWN_PROBLEMS)) {
      process.stderr.write(`  ${p.file} 第 ${p.row} 行「${p.column}」${p.severity === 'rejected' ? '【未导入】' : ''}${p.message}\n`);
    }
    if (r.problems.length > SHOWN_PROBLEMS) process.stderr.write(`  …… 共 ${n(r.problems.length)} 条，见 problems.csv\n`);
  }
}

export async function runReconcile(argv: string[]): Promise<number> {
  const { options } = parseArgs(argv, ['json', 'help', 'timings']);
  if (options.help) {
    console.error(`用法：${RECONCILE_USAGE}`);
    return 0;
  }
  const files: Partial<Record<RegistryKind, ReadJob>> = {};
  for (const kind of REGISTRY_KIND_ORDER) {
    const p = optionString(options, kind);
    if (p) files[kind] = { kind, path: p, fileName: path.basename(p) };
  }
  const missing = (['hukou', 'xueji', 'roster'] as const).filter((k) => !files[k]);
  if (missing.length > 0) {
    console.error(`错误：缺少 ${missing.map((k) => `--${k}（${LABELS[k]}文件）`).join('、')}\n用法：${RECONCILE_USAGE}`);
    return 2;
  }
  const asOf = optionString(options, 'as-of') ?? shanghaiToday(new Date());
  if (!isValidIsoDate(asOf)) {
    console.error(`错误：--as-of「${asOf}」不是有效日期，应写作 YYYY-MM-DD（如 2026-10-15）`);
    return 2;
  }
  const county = optionString(options, 'county');
  if (county !== undefined && !/^\d{6}$/.test(county)) {
    console.error(`错误：--county「${county}」应为 6 位县级行政区划代码（如 410182）`);
    return 2;
  }
  const out = optionString(options, 'out') ?? 'reconcile-out';
  const progress = progressLine();

  const timings: Record<string, number> = { start: Math.round(performance.now()) };
  try {
    const done = new Map<RegistryKind, number>();
    const totals = new Map<RegistryKind, number>();
    progress.step(
      `读取 ${Object.values(files)
        .map((f) => `${LABELS[f.kind]}「${f.fileName}」`)
        .join('、')} ……`,
    );
    const read = await readRegistryFiles(files, {
      asOf,
      timings,
      onProgress: (kind, bytes, rows, total) => {
        done.set(kind, rows);
        totals.set(kind, total);
        progress.set(`读取 ${[...done].map(([k, r]) => `${LABELS[k]} ${n(r)} 行`).join(' · ')}`);
      },
    });
    timings.read = Math.round(performance.now() - timings.start);
    const reports = REGISTRY_KIND_ORDER.flatMap((k) => (read[k] ? [read[k].report] : []));
    // Loaded only now: the reading (and the worker's start-up) did not wait for them.
    const [{ reconcileTables }, { DEFAULT_COUNTY_SETTINGS }] = await Promise.all([
      import('../modules/reconciliation/engine/reconcile'),
      import('@notoneless/shared/settings'),
    ]);
    progress.step(`读取完成：${reports.map((r) => `${LABELS[r.kind]} ${n(r.rows)} 行`).join(' · ')}；比对中 ……`);
    const result = reconcileTables(
      {
        hukou: read.hukou?.table ?? emptyTable('hukou'),
        xueji: read.xueji?.table ?? emptyTable('xueji'),
        roster: read.roster?.table ?? emptyTable('roster'),
        poverty: read.poverty?.table ?? emptyTable('poverty'),
        disability: read.disability?.table ?? emptyTable('disability'),
      },
      { asOf, countyCode: county, settings: DEFAULT_COUNTY_SETTINGS, timings },
    );
    const beforeWrite = performance.now();
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'findings.csv'), findingsCsv(result.findings));
    fs.writeFileSync(path.join(out, 'problems.csv'), problemsCsv(reports));
    const summary = summaryJson(result.summary, reports, Math.round(performance.now()));
    fs.writeFileSync(path.join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    if (options.json) process.stdout.write(result.findings.map((f) => `${findingJson(f)}\n`).join(''));
    timings.write = Math.round(performance.now() - beforeWrite);
    if (options.timings) process.stderr.write(`用时（毫秒）：${JSON.stringify(timings)}\n`);

    reportProblems(reports);
    const counts = CATEGORY_CODES.map((c) => `${CATEGORY_LABELS[c]} ${n(summary.counts[c])}`).join(' · ');
    progress.step(`完成（${(summary.ms / 1000).toFixed(1)} 秒）：${counts}`);
    if (summary.missingRosters.length > 0) {
      process.stderr.write(
        `名册缺失：${summary.missingRosters.length} 所学校没有提交在校名册（${summary.missingRosters.slice(0, 10).join('、')}${summary.missingRosters.length > 10 ? '……' : ''}），其学生未计入籍在人不在\n`,
      );
    }
    process.stderr.write(`结果已写入 ${path.resolve(out)}（findings.csv、summary.json、problems.csv）\n`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      process.stderr.write(`\n错误：${e.message}\n未生成比对结果。\n`);
      return 1;
    }
    throw e;
  }
}
