import { sql } from 'drizzle-orm';
import { openPglite, rows, type DbOrTx } from './src/db/client';
const database = await openPglite(process.argv[2]);
const db = database.db as unknown as DbOrTx;
console.log(await rows(db, sql.raw(process.argv[3])));
await database.close();
