import { cohortEntryYearForSchoolYear, makeIdNumber, shanghaiToday, type Cohort } from '@notoneless/shared';
import { generateChildren, type SynthCounty, type SynthOptions } from '@notoneless/synth';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { rows as sqlRows, type DbOrTx } from '../client';
import { children } from '../schema/index';
import { namePinyin } from '../../lib/pinyin';
import { countGraduates, GRADUATED_STATUS } from '../../modules/children/graduates.repository';
import { findSettingValues, saveSettingValues } from '../../modules/settings/settings.repository';
import { demoSchoolYear } from './demo-year';

/**
 * Birth cohorts of the demo county shrink slowly: the 一年级 intake of the ten entry years up to that of the school
 * year's graduating class (2009–2018 for 2026—2027), oldest first, relative to the last one's.
 */
const INTAKE = [1.14, 1.12, 1.09, 1.08, 1.05, 1.04, 1.03, 1.06, 1.02, 1];

/**
 * The demo county's 历史入学人数 (county setting `cohorts`) for the ten entry years up to that of the class graduating
 * in the school year starting in `schoolYear` (cohortEntryYearForSchoolYear: 2009–2018 for 2026—2027), as a county
 * would copy them from its 教育事业统计年报. The synthetic county has no history, so they are sized on the demo's own
 * 初中毕业生: about 3 % of a cohort transferred in, 4 % out and one in a thousand died over nine years, and the adjusted
 * cohort is graduates ÷ 98.6 % for the last intake (earlier intakes scale with their year's births). The rate itself is
 * then computed from these rows and the children's statuses like any county's (dashboards, brief).
 */
export function demoCohorts(graduates: number, schoolYear: number): Cohort[] {
  const base = Math.max(graduates, 1);
  const last = cohortEntryYearForSchoolYear(schoolYear);
  return INTAKE.map((f, i) => {
    const entryYear = last - (INTAKE.length - 1 - i);
    const transfersIn = Math.round(base * f * 0.031);
    const transfersOut = Math.round(base * f * 0.042);
    const deaths = Math.floor((base * f) / 1000);
    const adjusted = Math.round((base * f) / 0.986);
    return {
      entryYear,
      entered: adjusted - transfersIn + transfersOut + deaths,
      transfersIn,
      transfersOut,
      deaths,
      note: `${entryYear}年教育事业统计年报（演示数据）`,
    };
  });
}

const yearEarlier = (d: string) => {
  const y = `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;
  return y.endsWith('-02-29') ? `${y.slice(0, 8)}28` : y;
};

/**
 * Last summer's 初中毕业生: a real county's 学籍 keeps the class that left 九年级 with status 毕业 (→ 已毕业), and the
 * dashboards and the brief count them as the 巩固率 numerator. The generator only fills grades 1–9, so they are drawn
 * from a second run of it (other names and households, the same villages and junior schools): its 九年级 children in
 * school, one year older, with a new ID number for the new birth date, no class and status 已毕业.
 */
async function seedDemoGraduates(tx: DbOrTx, countyCode: string, county: SynthCounty, opts: SynthOptions) {
  const taken = new Set(
    (
      await sqlRows<{ id_number: string }>(
        tx,
        sql`select id_number from children where county_code = ${countyCode} and id_number is not null`,
      )
    ).map((r) => r.id_number),
  );
  const schoolIds = new Map(
    (await sqlRows<{ id: string; code: string }>(tx, sql`select id, code from schools where county_code = ${countyCode}`)).map((s) => [
      s.code,
      s.id,
    ]),
  );
  let batch: (typeof children.$inferInsert)[] = [];
  const flush = async () => {
    if (batch.length) await tx.insert(children).values(batch);
    batch = [];
  };
  for (const k of generateChildren(county, { ...opts, seed: (opts.seed ?? 1) + 7919 })) {
    if (k.grade !== 9 || k.status !== '在读' || !k.schoolCode) continue;
    const birthDate = yearEarlier(k.birthDate);
    let seq = Number(k.idNumber.slice(14, 17));
    let idNumber = makeIdNumber(k.idNumber.slice(0, 6), birthDate, seq);
    // keep the gender digit's parity; step to the next free sequence number of that day
    while (taken.has(idNumber)) {
      seq = (seq + 2) % 1000;
      idNumber = makeIdNumber(k.idNumber.slice(0, 6), birthDate, seq);
    }
    taken.add(idNumber);
    const py = namePinyin(k.name);
    batch.push({
      countyCode,
      id: uuidv7(),
      name: k.name,
      namePinyin: py.full,
      nameInitials: py.initials,
      gender: k.gender,
      birthDate,
      idNumber,
      idNumberValid: true,
      nation: k.nation,
      householdVillageCode: k.householdVillageCode,
      householdTownshipCode: k.householdVillageCode?.slice(0, 9) ?? null,
      householdAddress: k.householdAddress,
      guardianName: k.guardianName,
      guardianRelation: k.guardianRelation,
      guardianPhone: k.guardianPhone,
      schoolId: schoolIds.get(k.schoolCode) ?? null,
      classId: null,
      grade: 9,
      studentNo: `G${idNumber}`,
      status: GRADUATED_STATUS,
    });
    if (batch.length === 1000) await flush();
  }
  await flush();
}

/** The demo's graduates of last summer, then the county's 历史入学人数 sized on them (see demoCohorts). */
export async function seedDemoCohorts(tx: DbOrTx, countyCode: string, now: Date, county: SynthCounty, opts: SynthOptions) {
  await seedDemoGraduates(tx, countyCode, county, opts);
  const graduates = await countGraduates(tx, countyCode);
  const values = await findSettingValues(tx, countyCode);
  const cohorts = demoCohorts(graduates, demoSchoolYear(shanghaiToday(now)));
  await saveSettingValues(tx, countyCode, { ...values, cohorts }, null, now);
}
