import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTestDatabase } from '../../../test/test-app';
import { makeCounty, type CountyFixture } from '../../../test/factories';
import { rows, type Database } from '../../db/client';
import { copyRows } from '../../db/copy';
import { registrySnapshots } from '../../db/schema/index';
import { recoverImports } from './import-commit';
import { RECORD_COLUMNS } from './record-rows';

let database: Database;
let county: CountyFixture;

beforeAll(async () => {
  database = await getTestDatabase();
  county = await makeCounty(database.db);
});

const snapshot = (id: string, status: 'committed' | 'loading') => ({
  countyCode: county.countyCode,
  id,
  kind: 'poverty' as const,
  scopeKind: 'county' as const,
  scopeId: county.countyCode,
  fileName: `${status}.csv`,
  fileHash: id,
  sizeBytes: 1,
  encoding: 'utf-8',
  status,
  rowCount: 1,
  acceptedCount: 1,
  uploadedAt: new Date(),
  committedAt: status === 'committed' ? new Date() : null,
  fedAt: status === 'committed' ? new Date() : null,
});

const povertyRow = (snapshotId: string, name: string) => [
  county.countyCode,
  snapshotId,
  1,
  '{}',
  name,
  '',
  '',
  null,
  null,
  false,
  null,
  null,
  '脱贫户',
  null,
  null,
  null,
  null,
];

describe('a restart in the middle of an import (issue 3, item 4)', () => {
  it('keeps the previous snapshot in use and leaves the cut-off one absent', async () => {
    const previous = uuidv7();
    const cut = uuidv7();
    await database.db.insert(registrySnapshots).values([snapshot(previous, 'committed'), snapshot(cut, 'loading')]);
    await copyRows(database, 'poverty_records', RECORD_COLUMNS.poverty, [povertyRow(previous, '旧快照'), povertyRow(cut, '半截快照')]);

    await recoverImports(database, new Date(), county.countyCode);

    const states = await rows<{ id: string; status: string }>(
      database.db,
      sql`select id, status from registry_snapshots where county_code = ${county.countyCode}`,
    );
    expect(Object.fromEntries(states.map((s) => [s.id, s.status]))).toEqual({ [previous]: 'committed', [cut]: 'failed' });
    const [failed] = await rows<{ message: string }>(
      database.db,
      sql`select message from registry_snapshots where county_code = ${county.countyCode} and id = ${cut}`,
    );
    expect(failed.message).toMatch(/重启/);
    const left = await rows<{ name: string }>(database.db, sql`select name from poverty_records where county_code = ${county.countyCode}`);
    expect(left.map((r) => r.name)).toEqual(['旧快照']);
    const audit = await rows<{ action: string }>(
      database.db,
      sql`select action from audit_events where county_code = ${county.countyCode} and target_id = ${cut}`,
    );
    expect(audit.map((a) => a.action)).toEqual(['import.failed']);
  });
});
