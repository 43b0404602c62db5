/**
 * Streams the county's children: one object per child, nothing accumulated per child except two small
 * counters per birth day (for unique ID sequence numbers). Everything else is precomputed tables.
 */
import { makeIdNumber } from '@notoneless/shared/rules/id-number';
import { createNamer, mobilePhone } from './names';
import { type ResolvedOptions, resolveOptions } from './options';
import { createRng, pickWeighted, weightedTable } from './random';
import { classWeight } from './schools';
import type { ChildStatus, GuardianRelation, KeyGroup, SynthChild, SynthClass, SynthCounty, SynthOptions, SynthSchool } from './types';

/** Rates (fractions of all children) the generator aims at. Tests check them. */
export const RATES = {
  male: 0.52,
  migrant: 0.03, // 随迁
  povertyAlleviated: 0.06, // 脱贫户
  monitored: 0.015, // 监测户
  minimumLiving: 0.03, // 低保
  extremePoverty: 0.003, // 特困
  leftBehind: 0.12, // 留守
  singleParent: 0.04, // 单亲
  orphan: 0.001, // 孤儿
  unsupported: 0.002, // 事实无人抚养
  disabledOther: 0.0025, // 残疾, besides special-school and 送教上门 children
  suspended: 0.005, // 休学
  homeTaught: 0.003, // 送教上门
  neverEnrolled: 0.002, // 未入学
  dropoutPrimary: 0.0008, // 辍学, grades 1–6
  dropoutJunior: 0.0044, // 辍学, grades 7–9 (overall ≈ 0.2%)
  sameGradeAsAge: 0.9,
  olderThanGrade: 0.07,
} as const;

/** Areas 随迁 children come from (with the address prefix their household register shows). */
const MIGRANT_AREAS: readonly (readonly [string, string])[] = [
  ['410102', '河南省郑州市中原区'],
  ['411421', '河南省商丘市民权县'],
  ['411624', '河南省周口市沈丘县'],
  ['411521', '河南省信阳市罗山县'],
  ['410329', '河南省洛阳市伊川县'],
  ['341221', '安徽省阜阳市临泉县'],
];
const MIGRANT_TOWNS = ['城关镇', '王集乡', '李庄镇', '新集镇', '老城镇', '孙店镇'];
const KNOWN_PREFIX: Record<string, string> = { '4101': '河南省郑州市' };

const NATIONS = weightedTable<string>([
  ['汉族', 985],
  ['回族', 11],
  ['满族', 1.5],
  ['蒙古族', 1],
  ['壮族', 0.5],
  ['土家族', 0.5],
  ['苗族', 0.5],
]);
type Relation = GuardianRelation;
const REL_DEFAULT = weightedTable<Relation>([
  ['父亲', 52],
  ['母亲', 41],
  ['祖父', 2],
  ['祖母', 3],
  ['外祖母', 1],
  ['其他', 1],
]);
const REL_LEFT_BEHIND = weightedTable<Relation>([
  ['祖父', 25],
  ['祖母', 45],
  ['外祖父', 8],
  ['外祖母', 12],
  ['其他', 10],
]);
const REL_NO_PARENT = weightedTable<Relation>([
  ['祖父', 25],
  ['祖母', 35],
  ['外祖父', 10],
  ['外祖母', 15],
  ['其他', 15],
]);
const REL_SINGLE = weightedTable<Relation>([
  ['父亲', 45],
  ['母亲', 55],
]);
const SEQ_PER_PARITY = 500;

type SchoolInfo = { school: SynthSchool; direct: boolean; townVillages: number[]; ownVillage: number };
type VillageInfo = { code: string; prefix: string; community: boolean };

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Exact integer seat counts per class, proportional to weight, summing to `total`. */
function seatCounts(weights: Float64Array, total: number): Int32Array {
  const sum = weights.reduce((s, w) => s + w, 0);
  const seats = new Int32Array(weights.length);
  if (sum === 0) return seats;
  const frac: number[] = [];
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const exact = (weights[i] / sum) * total;
    seats[i] = Math.floor(exact);
    given += seats[i];
    frac.push(exact - seats[i]);
  }
  const order = frac.map((f, i) => i).sort((a, b) => frac[b] - frac[a] || a - b);
  for (let k = 0; given < total; k++, given++) seats[order[k % order.length]]++;
  return seats;
}

export function* generateChildren(county: SynthCounty, opts?: SynthOptions): Generator<SynthChild> {
  const o: ResolvedOptions = resolveOptions({ countyCode: county.county.code, countyName: county.county.name, ...opts });
  const home = county.county.code;
  const Y = o.schoolYear;
  const rng = createRng(o.seed, 'children');
  const next = rng.next;
  const namer = createNamer(rng);

  // Birth-day table: 1 Sep Y−16 … 31 Aug Y−6 (formats.md, age-eligible).
  const DAY = 86_400_000;
  const firstDay = Date.UTC(Y - 16, 8, 1);
  const nDays = Math.round((Date.UTC(Y - 6, 7, 31) - firstDay) / DAY) + 1;
  const dates: string[] = new Array<string>(nDays);
  for (let d = 0; d < nDays; d++) dates[d] = isoDay(firstDay + d * DAY);
  // Cohort k (1..10) = children who start grade k in school year Y when on time.
  const cohortStart = new Int32Array(11);
  const cohortLen = new Int32Array(11);
  for (let k = 1; k <= 10; k++) {
    cohortStart[k] = Math.round((Date.UTC(Y - 6 - k, 8, 1) - firstDay) / DAY);
    cohortLen[k] = Math.round((Date.UTC(Y - 5 - k, 8, 1) - Date.UTC(Y - 6 - k, 8, 1)) / DAY);
  }
  const dayOffset = new Uint16Array(nDays);
  for (let d = 0; d < nDays; d++) dayOffset[d] = rng.int(SEQ_PER_PARITY);
  const usedSeq = new Map<string, Uint16Array>();
  const counterFor = (area: string): Uint16Array => {
    let c = usedSeq.get(area);
    if (!c) usedSeq.set(area, (c = new Uint16Array(nDays * 2)));
    return c;
  };

  // Villages and the schools' catchments.
  const prefix = (KNOWN_PREFIX[home.slice(0, 4)] ?? '') + county.county.name;
  const townshipName = new Map<string, string>();
  for (const d of county.divisions) if (d.level === 'township') townshipName.set(d.code, d.name);
  const villages: VillageInfo[] = [];
  const villagesOfTownship = new Map<string, number[]>();
  const villageIndex = new Map<string, number>();
  for (const d of county.divisions) {
    if (d.level !== 'village' || d.parentCode === null) continue;
    villageIndex.set(d.code, villages.length);
    const list = villagesOfTownship.get(d.parentCode) ?? [];
    list.push(villages.length);
    villagesOfTownship.set(d.parentCode, list);
    villages.push({ code: d.code, prefix: prefix + (townshipName.get(d.parentCode) ?? '') + d.name, community: d.name.endsWith('社区') });
  }
  const allVillages = villages.map((_, i) => i);
  const bureau = county.units.find((u) => u.kind === 'bureau')?.id;
  const schools = new Map<string, SchoolInfo>();
  for (const s of county.schools) {
    const townVillages = villagesOfTownship.get(s.townshipCode) ?? allVillages;
    schools.set(s.code, {
      school: s,
      direct: s.unitId === bureau,
      townVillages,
      ownVillage: s.villageCode === null ? -1 : (villageIndex.get(s.villageCode) ?? -1),
    });
  }
  const migrantAreas = MIGRANT_AREAS.filter(([code]) => code !== home);

  // Seats per class (30–50 for ordinary classes at the default sizes), scaled to exactly o.children.
  const seatRng = createRng(o.seed, 'seats');
  const classes: SynthClass[] = county.classes;
  const weights = new Float64Array(classes.length);
  for (let i = 0; i < classes.length; i++) {
    const type = schools.get(classes[i].schoolCode)?.school.type ?? '小学';
    weights[i] = classWeight(type) * (0.85 + 0.3 * seatRng.next());
  }
  const seats = seatCounts(weights, o.children);

  const juniorDrop = RATES.dropoutJunior;
  const primaryDrop = RATES.dropoutPrimary;
  const local = 1 - RATES.migrant;
  const pPovertyA = RATES.povertyAlleviated / local;
  const pPoverty = (RATES.povertyAlleviated + RATES.monitored) / local;
  const pDibaoPoor = 0.2;
  const pDibaoOther =
    (RATES.minimumLiving - (RATES.povertyAlleviated + RATES.monitored) * pDibaoPoor) / (local - RATES.povertyAlleviated - RATES.monitored);
  const pTekun = RATES.extremePoverty / local;
  const pLeft = RATES.leftBehind / local;
  const pNever = RATES.neverEnrolled / local;

  let index = 0;
  for (let c = 0; c < classes.length; c++) {
    const cls = classes[c];
    const info = schools.get(cls.schoolCode);
    if (!info) continue;
    const special = info.school.type === '特殊教育学校';
    const grade = cls.grade;
    for (let s = 0; s < seats[c]; s++) {
      index++;
      const keyGroups: KeyGroup[] = [];
      const gender = next() < RATES.male ? '男' : '女';
      const migrant = next() < RATES.migrant;

      // Status (未入学 children keep the seat's age cohort but no 学籍).
      let status: ChildStatus = '在读';
      const rs = next();
      if (!migrant && rs < pNever) status = '未入学';
      else if (rs < pNever + RATES.suspended) status = '休学';
      else if (rs < pNever + RATES.suspended + RATES.homeTaught) status = '送教上门';
      else if (rs < pNever + RATES.suspended + RATES.homeTaught + (grade >= 7 ? juniorDrop : primaryDrop)) status = '辍学';

      // Birth date: the seat's cohort mostly, a year older (late start, repeated) or younger sometimes.
      const ra = next();
      let cohort = grade;
      if (ra >= RATES.sameGradeAsAge) {
        if (ra < RATES.sameGradeAsAge + RATES.olderThanGrade) cohort = grade + 1;
        else if (grade > 1) cohort = grade - 1;
      }

      // Area code and a unique sequence number for (area, birth day, gender).
      let area = home;
      let migrantPrefix = '';
      if (migrant && migrantAreas.length > 0) {
        const m = migrantAreas[Math.floor(next() * migrantAreas.length)];
        area = m[0];
        migrantPrefix = m[1];
      }
      const counter = counterFor(area);
      const parity = gender === '男' ? 1 : 0;
      const len = cohortLen[cohort];
      const start = cohortStart[cohort];
      let day = start + Math.floor(next() * len);
      let probes = 0;
      while (counter[day * 2 + parity] >= SEQ_PER_PARITY) {
        probes++;
        if (probes < len) day = start + ((day - start + 1) % len);
        else if (probes < len + nDays) day = (day + 1) % nDays;
        else throw new Error(`synth: no ID sequence numbers left for area ${area}`);
      }
      const k = counter[day * 2 + parity]++;
      const seq = 2 * ((dayOffset[day] + 137 * k) % SEQ_PER_PARITY) + parity;
      const birthDate = dates[day];
      const idNumber = makeIdNumber(area, birthDate, seq);

      // Key groups.
      if (migrant) keyGroups.push('随迁');
      else {
        const rp = next();
        const poor = rp < pPoverty;
        if (rp < pPovertyA) keyGroups.push('脱贫户');
        else if (poor) keyGroups.push('监测户');
        if (next() < (poor ? pDibaoPoor : pDibaoOther)) keyGroups.push('低保');
        if (next() < pTekun) keyGroups.push('特困');
      }
      const leftBehind = !migrant && next() < pLeft;
      if (leftBehind) keyGroups.push('留守');
      if (special || status === '送教上门' || next() < RATES.disabledOther) keyGroups.push('残疾');
      const rf = next();
      let relations = leftBehind ? REL_LEFT_BEHIND : REL_DEFAULT;
      if (rf < RATES.orphan) {
        keyGroups.push('孤儿');
        relations = REL_NO_PARENT;
      } else if (rf < RATES.orphan + RATES.unsupported) {
        keyGroups.push('事实无人抚养');
        relations = REL_NO_PARENT;
      } else if (rf < RATES.orphan + RATES.unsupported + RATES.singleParent) {
        keyGroups.push('单亲');
        if (!leftBehind) relations = REL_SINGLE;
      }

      // Names and guardian.
      const surname = namer.surname();
      const name = namer.child(gender, surname);
      const guardianRelation = pickWeighted(relations, next());
      let guardianName: string;
      switch (guardianRelation) {
        case '父亲':
        case '祖父':
          guardianName = namer.adult('男', surname);
          break;
        case '外祖父':
          guardianName = namer.adult('男');
          break;
        case '其他':
          guardianName = namer.adult(next() < 0.5 ? '男' : '女', next() < 0.5 ? surname : undefined);
          break;
        default:
          guardianName = namer.adult('女');
      }

      // Household.
      let householdVillageCode: string | null = null;
      let householdAddress: string;
      if (migrant && migrantPrefix !== '') {
        householdAddress = `${migrantPrefix}${MIGRANT_TOWNS[Math.floor(next() * MIGRANT_TOWNS.length)]}${namer.surname()}庄村${1 + Math.floor(next() * 120)}号`;
      } else {
        let v: number;
        const rv = next();
        if (info.ownVillage >= 0 && !info.direct && rv < 0.6 && (info.school.type === '教学点' || info.school.type === '小学'))
          v = info.ownVillage;
        else if (info.direct && rv < 0.5) v = allVillages[Math.floor(next() * allVillages.length)];
        else v = info.townVillages[Math.floor(next() * info.townVillages.length)];
        const village = villages[v];
        householdVillageCode = village.code;
        householdAddress = village.community
          ? `${village.prefix}${1 + Math.floor(next() * 30)}号楼${1 + Math.floor(next() * 4)}单元${1 + Math.floor(next() * 6)}0${1 + Math.floor(next() * 4)}室`
          : `${village.prefix}${1 + Math.floor(next() * 12)}组${1 + Math.floor(next() * 80)}号`;
      }

      const enrolled = status !== '未入学';
      yield {
        key: `child-${home}-${String(index).padStart(7, '0')}`,
        name,
        gender,
        birthDate,
        idNumber,
        nation: pickWeighted(NATIONS, next()),
        householdVillageCode,
        householdAddress,
        guardianName,
        guardianRelation,
        guardianPhone: mobilePhone(next),
        schoolCode: enrolled ? cls.schoolCode : null,
        classKey: enrolled ? cls.key : null,
        grade: enrolled ? grade : null,
        studentNo: enrolled ? `G${idNumber}` : null,
        status,
        keyGroups,
      };
    }
  }
}
