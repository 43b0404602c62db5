import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '@notoneless/shared';
import { getTestDatabase } from '../../../test/test-app';
import { rows, type Database } from '../../db/client';
import { AppError } from '../../http/app-error';
import type { RegistryKind } from './formats/columns';
import { chunkRowsFor } from './record-copy';
import { linePrefix, RECORD_COLUMNS, RECORD_TABLES } from './record-rows';
import { readIntoSnapshot } from './stage-read';

/** Staging reads on a worker thread when there is a second core, on this thread otherwise: the same result either way. */
let database: Database;
const COUNTY = '419901';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nol-stage-read-'));

beforeAll(async () => {
  database = await getTestDatabase();
});

function write(name: string, text: string) {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

async function stageBoth(kind: RegistryKind, file: string, school: { code: string; name: string } | null = null) {
  const out = [];
  for (const parallel of [false, true]) {
    const id = uuidv7();
    const progress: number[] = [];
    const summary = await readIntoSnapshot({
      database,
      table: RECORD_TABLES[kind],
      columns: RECORD_COLUMNS[kind],
      prefix: linePrefix(COUNTY, id),
      path: file,
      kind,
      fileName: path.basename(file),
      asOf: '2026-09-01',
      override: {},
      school,
      onProgress: (p) => progress.push(p.rows),
      parallel,
    });
    const stored = await rows<Record<string, unknown>>(
      database.db,
      sql`select * from ${sql.identifier(RECORD_TABLES[kind])} where county_code = ${COUNTY} and snapshot_id = ${id}::uuid order by row_no`,
    );
    out.push({ summary, stored: stored.map(({ snapshot_id: _s, ...r }) => r), progress });
  }
  return out;
}

describe('staging on a worker thread and on this thread (issue 3, speed)', () => {
  it('stores the same records in file order across several COPY chunks, with the same problems and counts', async () => {
    const n = chunkRowsFor(database) * 2 + 7;
    const lines = ['姓名,公民身份号码,户籍地区划代码'];
    for (let i = 1; i <= n; i++) lines.push(`学生${i},${makeIdNumber(COUNTY, '2016-03-04', i % 900)},${COUNTY}001001`);
    lines.push(',410182201603040011,'); // no 姓名: rejected
    lines.push('错号,410182201603040012,'); // a bad check digit: kept, with a warning
    const file = write('户籍-两种.csv', lines.join('\n') + '\n');
    const [here, worker] = await stageBoth('hukou', file);
    expect(here.summary.rowCount).toBe(n + 2);
    expect(here.summary.rejected).toBe(1);
    // the same ID more than once (i % 900) and the bad check digit are warnings naming row and column
    expect(here.summary.problems.some((p) => p.severity === 'warning' && /重复/.test(p.message))).toBe(true);
    expect(worker.summary).toEqual(here.summary);
    expect(worker.stored).toHaveLength(n + 1);
    expect(worker.stored).toEqual(here.stored);
    expect(worker.progress.at(-1)).toBe(n + 2);
  });

  it('a refused file comes back as the same Chinese error naming the file', async () => {
    const file = write('只有表头.csv', '姓名,公民身份号码\n');
    const errors: unknown[] = [];
    for (const parallel of [false, true]) {
      const id = uuidv7();
      await readIntoSnapshot({
        database,
        table: RECORD_TABLES.hukou,
        columns: RECORD_COLUMNS.hukou,
        prefix: linePrefix(COUNTY, id),
        path: file,
        kind: 'hukou',
        fileName: '只有表头.csv',
        asOf: '2026-09-01',
        override: {},
        school: null,
        onProgress: () => undefined,
        parallel,
      }).catch((e: unknown) => errors.push(e));
    }
    expect(errors).toHaveLength(2);
    expect(errors[1]).toBeInstanceOf(AppError);
    expect((errors[1] as AppError).code).toBe((errors[0] as AppError).code);
    expect((errors[1] as AppError).message).toBe((errors[0] as AppError).message);
    expect((errors[1] as AppError).message).toMatch(/只有表头\.csv/);
  });

  it('rejects roster rows of another school on the worker as here', async () => {
    const file = write(
      '名册.csv',
      `学校标识码,姓名,身份证件号,年级,班级\n2141000001,本校生,${makeIdNumber(COUNTY, '2017-01-02', 5)},三年级,1班\n2141000002,外校生,${makeIdNumber(COUNTY, '2017-01-02', 6)},三年级,1班\n`,
    );
    const [here, worker] = await stageBoth('roster', file, { code: '2141000001', name: '第一小学' });
    expect(here.summary.rejected).toBe(1);
    expect(here.summary.problems[0].message).toMatch(/不是本校/);
    expect(worker.summary).toEqual(here.summary);
    expect(worker.stored).toEqual(here.stored);
  });
});
