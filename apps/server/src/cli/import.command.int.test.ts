import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { seedDemo } from '../db/seed/demo';

const bin = path.resolve(import.meta.dirname, '../../bin/notoneless.mjs');
const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...env, DATABASE_URL: '' }, encoding: 'utf8', timeout: 120_000 });

describe('npx notoneless import (issue 3, item 8)', () => {
  it('imports into the embedded database with row messages, refuses a locked data folder, and exits non-zero on a fatal error', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nol-cli-'));
    const db = await openDatabase({ dataDir });
    await db.db.transaction(async (tx) => seedDemo(tx as never, { children: 200, seed: 3 }));
    const file = path.join(dataDir, '残疾人.csv');
    fs.writeFileSync(file, '姓名,公民身份号码,残疾类别\n王一,410182201501011230,肢体\n,410182201501011249,视力\n');

    // while another process (here: this test) holds the data folder, the command says so and does nothing
    const locked = run(['import', '--kind', 'disability', file], { DATA_DIR: dataDir });
    expect(locked.status).toBe(3);
    expect(locked.stderr).toMatch(/正被另一个进程使用/);
    await db.close();

    const ok = run(['import', '--kind', 'disability', file], { DATA_DIR: dataDir });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/残疾人\.csv 第 2 行「姓名」【未导入】/);
    expect(ok.stderr).toMatch(/共 2 行，导入 1 行，拒绝 1 行/);

    const again = run(['import', '--kind', 'disability', file], { DATA_DIR: dataDir });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/完全相同/);

    const bad = path.join(dataDir, '坏文件.xlsx');
    fs.writeFileSync(bad, 'not a spreadsheet');
    const refused = run(['import', '--kind', 'hukou', bad], { DATA_DIR: dataDir });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/坏文件\.xlsx/);
    expect(run(['import', '--kind', 'nonsense', file], { DATA_DIR: dataDir }).status).toBe(2);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 180_000);
});
