/**
 * `npx notoneless reconcile …` end to end, as formats.md fixes it: the real bin in a child process, on files.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRegistryFiles, type RegistryTruth } from '@notoneless/synth/registries/index';

const BIN = path.resolve(import.meta.dirname, '../../../../bin/notoneless.mjs');
const AS_OF = '2026-10-15';
let dir: string;
let truth: RegistryTruth;

function reconcile(...args: string[]) {
  return spawnSync(process.execPath, [BIN, 'reconcile', ...args], { encoding: 'utf8', cwd: dir });
}
const files = (d = dir) => ['--hukou', `${d}/hukou.csv`, '--xueji', `${d}/xueji.csv`, '--roster', `${d}/roster.csv`];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reconcile-cmd-'));
  truth = writeRegistryFiles(dir, { children: 3000, seed: 5, asOf: AS_OF });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('notoneless reconcile', () => {
  it('writes findings.csv (BOM, the columns in order), summary.json and problems.csv, and exits 0', () => {
    const r = reconcile(
      ...files(),
      '--poverty',
      `${dir}/poverty.csv`,
      '--disability',
      `${dir}/disability.csv`,
      '--as-of',
      AS_OF,
      '--out',
      'out',
    );
    expect(r.status, r.stderr).toBe(0);
    const csv = fs.readFileSync(path.join(dir, 'out/findings.csv'));
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('类别代码,类别,姓名,身份证号,户籍行,学籍行,名册行,脱贫户行,匹配方式,置信度,说明');
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) {
      expect(row['类别代码']).toMatch(
        /^(OUT_OF_SCHOOL|ENROLLED_ABSENT|PRESENT_UNENROLLED|POVERTY_DROPOUT|IDENTITY_MISMATCH|DUPLICATE_ENROLLMENT|NO_HOUSEHOLD)$/,
      );
      for (const c of ['户籍行', '学籍行', '名册行', '脱贫户行']) expect(row[c]).toMatch(/^(\d+(;\d+)*)?$/);
      expect(Number(row['置信度'])).toBeGreaterThanOrEqual(0);
      expect(Number(row['置信度'])).toBeLessThanOrEqual(1);
      expect(row['说明'].length).toBeGreaterThan(10);
    }
    const summary = JSON.parse(fs.readFileSync(path.join(dir, 'out/summary.json'), 'utf8'));
    expect(Object.keys(summary.counts).sort()).toEqual(
      [
        'DUPLICATE_ENROLLMENT',
        'ENROLLED_ABSENT',
        'IDENTITY_MISMATCH',
        'NO_HOUSEHOLD',
        'OUT_OF_SCHOOL',
        'POVERTY_DROPOUT',
        'PRESENT_UNENROLLED',
      ].sort(),
    );
    expect(summary.counts.OUT_OF_SCHOOL).toBe(rows.filter((x) => x['类别代码'] === 'OUT_OF_SCHOOL').length);
    expect(summary.files.hukou).toEqual({ rows: expect.any(Number), rejected: 0, warnings: expect.any(Number) });
    expect(Object.keys(summary.files)).toEqual(['hukou', 'xueji', 'roster', 'poverty', 'disability']);
    expect(summary.missingRosters).toEqual(truth.missingRosters);
    expect(summary.ms).toBeGreaterThan(0);
    const problems = fs.readFileSync(path.join(dir, 'out/problems.csv'), 'utf8');
    expect(problems.slice(1).split('\r\n')[0]).toBe('文件,行,列,原因');
    expect(problems).toContain('xueji.csv');
    expect(r.stderr).toMatch(/学籍「xueji.csv」：[\d,]+ 行，拒绝 0 行，有警告 [\d,]+ 行/);
    expect(r.stderr).toMatch(/完成/);
  }, 60_000);

  it('--json prints the same findings as JSON lines on standard output', () => {
    const r = reconcile(...files(), '--as-of', AS_OF, '--out', 'json-out', '--json');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const csvRows = parse(fs.readFileSync(path.join(dir, 'json-out/findings.csv'), 'utf8').slice(1), { columns: true }) as Record<
      string,
      string
    >[];
    expect(lines).toHaveLength(csvRows.length);
    expect(lines[0]['类别代码']).toBe(csvRows[0]['类别代码']);
    expect(typeof lines[0]['置信度']).toBe('number');
  }, 60_000);

  it('reads GB18030 CSV and XLSX files as well', async () => {
    const other = fs.mkdtempSync(path.join(dir, 'enc-'));
    fs.writeFileSync(
      path.join(other, 'hukou.csv'),
      iconv.encode(fs.readFileSync(path.join(dir, 'hukou.csv'), 'utf8').replace(/^\uFEFF/, ''), 'gb18030'),
    );
    fs.copyFileSync(path.join(dir, 'roster.csv'), path.join(other, 'roster.csv'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('学籍');
    for (const row of parse(fs.readFileSync(path.join(dir, 'xueji.csv')), { bom: true }) as string[][]) ws.addRow(row);
    await wb.xlsx.writeFile(path.join(other, 'xueji.csv.xlsx'));
    fs.renameSync(path.join(other, 'xueji.csv.xlsx'), path.join(other, 'xueji.xlsx'));
    const r = spawnSync(
      process.execPath,
      [BIN, 'reconcile', '--hukou', 'hukou.csv', '--xueji', 'xueji.xlsx', '--roster', 'roster.csv', '--as-of', AS_OF, '--out', 'o'],
      { encoding: 'utf8', cwd: other },
    );
    expect(r.status, r.stderr).toBe(0);
    const a = fs.readFileSync(path.join(other, 'o/findings.csv'), 'utf8');
    const b = reconcile(...files(), '--as-of', AS_OF, '--out', 'same');
    expect(b.status).toBe(0);
    expect(a).toBe(fs.readFileSync(path.join(dir, 'same/findings.csv'), 'utf8'));
  }, 60_000);

  it('refuses malformed files with a message naming the file, and bad arguments', () => {
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad, { recursive: true });
    fs.writeFileSync(path.join(bad, 'no-id.csv'), '姓名,性别\n张三,男\n');
    const r = reconcile(
      '--hukou',
      path.join(bad, 'no-id.csv'),
      '--xueji',
      `${dir}/xueji.csv`,
      '--roster',
      `${dir}/roster.csv`,
      '--out',
      'x',
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/「no-id.csv」缺少户籍文件必需的列：「公民身份号码」/);
    fs.writeFileSync(path.join(bad, 'doc.xlsx'), Buffer.from('%PDF-1.4 not a table'));
    const pdf = reconcile('--hukou', `${dir}/hukou.csv`, '--xueji', path.join(bad, 'doc.xlsx'), '--roster', `${dir}/roster.csv`);
    expect(pdf.status).not.toBe(0);
    expect(pdf.stderr).toContain('「doc.xlsx」');
    const missing = reconcile('--hukou', path.join(bad, 'nothing.csv'), '--xueji', `${dir}/xueji.csv`, '--roster', `${dir}/roster.csv`);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('「nothing.csv」不存在');
    expect(reconcile('--hukou', `${dir}/hukou.csv`).status).toBe(2);
    expect(reconcile(...files(), '--as-of', '2026-02-30').status).toBe(2);
    expect(reconcile(...files(), '--county', '4101').status).toBe(2);
  }, 60_000);

  it('reports malformed rows with their numbers and goes on', () => {
    const rowsDir = path.join(dir, 'rows');
    fs.mkdirSync(rowsDir, { recursive: true });
    const lines = fs.readFileSync(path.join(dir, 'roster.csv'), 'utf8').split('\r\n');
    lines.splice(3, 0, '1410182001,3,2班,,,,'); // no 姓名: rejected, data row 3
    fs.writeFileSync(path.join(rowsDir, 'roster.csv'), lines.join('\r\n'));
    const r = reconcile(
      '--hukou',
      `${dir}/hukou.csv`,
      '--xueji',
      `${dir}/xueji.csv`,
      '--roster',
      path.join(rowsDir, 'roster.csv'),
      '--out',
      'rows-out',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/roster.csv 第 3 行「姓名」【未导入】姓名为空/);
    const summary = JSON.parse(fs.readFileSync(path.join(dir, 'rows-out/summary.json'), 'utf8'));
    expect(summary.files.roster.rejected).toBe(1);
  }, 60_000);
});
