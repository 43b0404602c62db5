import { and, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { children } from '../../db/schema/index';

/**
 * 初中毕业生 as the dashboards count them (dashboards.repository.ts `childFacts`, `graduated`): children of the county
 * whose current status is 已毕业 (学籍 毕业). The platform keeps no graduation date, so this is the class that last
 * left 九年级 with a 毕业 record — the numerator of 九年义务教育巩固率 (docs/domain/indicators.md).
 */
export const GRADUATED_STATUS = '已毕业';

export async function countGraduates(db: DbOrTx, countyCode: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(children)
    .where(and(eq(children.countyCode, countyCode), eq(children.status, GRADUATED_STATUS)));
  return Number(r?.n ?? 0);
}
