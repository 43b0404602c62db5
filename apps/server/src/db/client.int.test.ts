import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, openDatabase, rows } from './client';

describe('embedded database (PGlite, file-backed)', () => {
  it('keeps data across a restart and refuses a second process on the same data folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nol-client-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await first.db.execute(sql`insert into counties (code, name) values ('999001', '重启测试县')`);
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      const r = await rows<{ name: string }>(second.db, sql`select name from counties where code = '999001'`);
      expect(r).toEqual([{ name: '重启测试县' }]);
      await second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
