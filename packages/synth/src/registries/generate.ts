/**
 * The noisy registries of a synthetic county, with the truth: 户籍, 学籍, 在校名册, 脱贫户/监测户 and 残疾人 as CSV text
 * (formats.md), built on generateCounty/generateChildren so the demo, tests and benchmarks share one county.
 * Deterministic: the same options give the same bytes.
 */
import { makeIdNumber, normalizeIdNumber, parseIdNumber } from '@notoneless/shared/rules/id-number';
import { generateChildren, generateCounty } from '../index';
import { surnameOf } from '../names';
import { resolveOptions } from '../options';
import { createRng, type Rng } from '../random';
import type { SynthChild, SynthClass, SynthSchool } from '../types';
import { CsvFileWriter } from './csv-writer';
import { HEADERS } from './headers';
import { DATE_SPELLINGS, homophoneName, mistypeId, spaceId, spaceName, spellDate, spellGrade, swapIdDigits, toFullWidth } from './noise';
import { DEFAULT_NOISE, DEFAULT_RATES } from './rates';
import { TruthBuilder, type XuejiFact } from './truth';
import type { RegistryFileKind, RegistryNoise, RegistryOptions, RegistryTruth, ScenarioRates, TextSink } from './types';

export type RegistrySinks = Record<RegistryFileKind, TextSink>;

type Scenario =
  | 'normal'
  | 'suspended'
  | 'homeTaught'
  | 'neverEnrolled'
  | 'dropoutUnprocessed'
  | 'dropoutProcessed'
  | 'transferredOut'
  | 'attendingUnenrolled'
  | 'duplicateSameId'
  | 'duplicateNoId'
  | 'noHousehold'
  | 'graduated';

/** A written ID cell and what it normalises to. */
type WrittenId = { cell: string; normalized: string };

const OTHER_AREA = '410183';
const MONITORED_TYPES = ['监测户', '脱贫不稳定户', '边缘易致贫户', '突发严重困难户'];
const DISABILITY_KINDS = ['视力残疾', '听力残疾', '言语残疾', '肢体残疾', '智力残疾', '精神残疾', '多重残疾'];
const DISABILITY_GRADES = ['一级', '二级', '三级', '四级'];

/** Unique ID sequence numbers per (area, birth date, gender) for people the children generator does not make. */
class IdMaker {
  private used = new Map<string, number>();
  make(area: string, birthDate: string, male: boolean): string {
    const key = `${area}${birthDate}${male ? 1 : 0}`;
    const k = this.used.get(key) ?? 0;
    this.used.set(key, k + 1);
    return makeIdNumber(area, birthDate, ((2 * (k * 37 + 11)) % 1000) + (male ? 1 : 0));
  }
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function generateRegistries(opts: RegistryOptions, sinks: RegistrySinks): RegistryTruth {
  const o = resolveOptions(opts);
  const noise: RegistryNoise = { ...DEFAULT_NOISE, ...opts.noise };
  const rates: ScenarioRates = { ...DEFAULT_RATES, ...opts.rates };
  const county = generateCounty(opts);
  const countyCode = county.county.code;
  const rng: Rng = createRng(o.seed, 'registries');
  const next = rng.next;
  const eol = opts.eol ?? '\r\n';
  const bom = opts.bom ?? true;
  const headers = HEADERS[opts.aliasHeaders ? 'aliases' : 'canonical'];
  const writer = (kind: RegistryFileKind) => new CsvFileWriter(sinks[kind], headers[kind], eol, opts.blankLineEvery ?? 0, bom);
  const files = {
    hukou: writer('hukou'),
    xueji: writer('xueji'),
    roster: writer('roster'),
    poverty: writer('poverty'),
    disability: writer('disability'),
  };

  // Schools: names, the classes of each grade (for duplicates at another school), and the ones without a roster.
  const schools = new Map<string, SynthSchool>(county.schools.map((s) => [s.code, s]));
  const classByKey = new Map<string, SynthClass>(county.classes.map((c) => [c.key, c]));
  const classesOfGrade: SynthClass[][] = Array.from({ length: 10 }, () => []);
  for (const c of county.classes) classesOfGrade[c.grade].push(c);
  const missingRng = createRng(o.seed, 'missing-rosters');
  const nMissing = Math.max(1, Math.round(county.schools.length * rates.missingRosterSchools));
  const missing = new Set<string>();
  while (missing.size < Math.min(nMissing, county.schools.length - 1)) missing.add(missingRng.pick(county.schools).code);

  const truth = new TruthBuilder(o.asOf, countyCode, [...missing].sort());
  const ids = new IdMaker();

  // ---- ID cells with noise -------------------------------------------------------------------------------------
  const cosmetic = (id: string): string => {
    let s = id;
    if (s.endsWith('X') && next() < noise.lowerX) s = `${s.slice(0, 17)}x`;
    if (next() < noise.fullWidthId) s = toFullWidth(s);
    if (next() < noise.spacedId) s = spaceId(s, next);
    return s;
  };
  const typo = (id: string, swapRate: number, typoRate: number): string => {
    const r = next();
    if (r >= swapRate + typoRate) return id;
    for (let tries = 0; tries < 20; tries++) {
      const t = r < swapRate ? swapIdDigits(id, next) : mistypeId(id, next);
      if (!parseIdNumber(t).valid) return t; // a typo that happens to be valid would be another person's number
    }
    return id;
  };
  const writeId = (id: string | null, typoRate: number, swapRate = 0, blankRate = 0): WrittenId => {
    if (id === null || next() < blankRate) return { cell: '', normalized: '' };
    const t = typo(id, swapRate, typoRate);
    return { cell: cosmetic(t), normalized: normalizeIdNumber(t) };
  };
  const dateCell = (iso: string, oddRate: number): string => {
    if (next() >= oddRate) return iso;
    return spellDate(iso, DATE_SPELLINGS[1 + Math.floor(next() * (DATE_SPELLINGS.length - 1))]);
  };
  const lNumber = (): string => `L${countyCode}${String(Math.floor(next() * 1e11)).padStart(11, '0')}`;
  const yesNo = (b: boolean) => (b ? '是' : '否');

  // ---- scenarios -------------------------------------------------------------------------------------------------
  const pickScenario = (c: SynthChild, poor: boolean, migrant: boolean): Scenario => {
    switch (c.status) {
      case '休学':
        return 'suspended';
      case '送教上门':
        return 'homeTaught';
      case '未入学':
        return 'neverEnrolled';
      case '辍学':
        return next() < 0.5 ? 'dropoutProcessed' : 'dropoutUnprocessed';
      default:
        break;
    }
    if (c.grade === 9 && next() < rates.graduatedGrade9) return 'graduated';
    const f = poor ? rates.povertyFactor : 1;
    const table: [Scenario, number][] = [
      ['dropoutUnprocessed', rates.dropoutUnprocessed * f],
      ['dropoutProcessed', rates.dropoutProcessed * f],
      ['transferredOut', rates.transferredOut * f],
      ['attendingUnenrolled', rates.attendingUnenrolled],
      ['duplicateSameId', rates.duplicateSameId],
      ['duplicateNoId', rates.duplicateNoId],
      ['noHousehold', migrant ? 0 : rates.noHousehold],
    ];
    let r = next();
    for (const [s, p] of table) {
      if (r < p) return s;
      r -= p;
    }
    return 'normal';
  };

  const otherClass = (grade: number, notSchool: string): SynthClass => {
    const list = classesOfGrade[grade];
    for (let tries = 0; tries < 20; tries++) {
      const c = list[Math.floor(next() * list.length)];
      if (c.schoolCode !== notSchool) return c;
    }
    return list[0];
  };

  // ---- one person's rows -----------------------------------------------------------------------------------------
  type Person = {
    index: number;
    name: string;
    gender: '男' | '女';
    birthDate: string;
    /** null: no ID (no household registration). */
    id: string | null;
    hukou: { address: string; village: string; nation: string; guardian: string; phone: string } | null;
    migrant: boolean;
    migrantArea: string;
    keyGroups: readonly string[];
    /** 学籍 rows to write. */
    xueji: { cls: SynthClass; status: string; homeTaught: boolean; studentNo: string; blankId: boolean }[];
    /** The class whose roster lists the person, or null. */
    roster: SynthClass | null;
    guardianRelation: string;
  };

  const writePerson = (p: Person): void => {
    const surnameLength = surnameOf(p.name).length;
    if (p.hukou) {
      const id = writeId(p.id, noise.hukouIdTypo);
      truth.idWritten(p.index, id.normalized, p.id);
      files.hukou.row(
        [
          p.name,
          p.gender,
          dateCell(p.birthDate, noise.hukouOddDates),
          id.cell,
          p.hukou.nation,
          p.hukou.address,
          p.hukou.village,
          p.hukou.guardian,
          p.hukou.phone,
        ],
        p.index,
      );
      truth.hukou(p.index, p.birthDate);
    }
    const facts: XuejiFact[] = [];
    for (const x of p.xueji) {
      const id = x.blankId ? { cell: '', normalized: '' } : writeId(p.id, noise.xuejiIdTypo, noise.xuejiIdSwap, noise.xuejiIdBlank);
      truth.idWritten(p.index, id.normalized, p.id);
      let studentNo = x.studentNo;
      if (studentNo.startsWith('G') && id.normalized !== '' && id.normalized !== p.id && next() < noise.studentNoKeepsTypo) {
        studentNo = `G${id.normalized}`;
      }
      const school = schools.get(x.cls.schoolCode);
      files.xueji.row(
        [
          studentNo,
          next() < noise.spacedName ? spaceName(p.name, surnameLength, next) : p.name,
          next() < noise.blankGender && id.normalized === p.id ? '' : p.gender,
          spellDate(p.birthDate, DATE_SPELLINGS[Math.floor(next() * DATE_SPELLINGS.length)]),
          id.cell,
          x.cls.schoolCode,
          school?.name ?? '',
          spellGrade(x.cls.grade, next),
          x.cls.name,
          x.status,
          id.cell === '' ? '' : next() < 0.5 ? '1' : '居民身份证',
          x.homeTaught ? '送教上门' : '',
          p.hukou ? p.hukou.village : p.migrant ? p.migrantArea : '',
          yesNo(p.migrant),
          yesNo(p.keyGroups.includes('留守')),
          yesNo(p.keyGroups.includes('残疾')),
        ],
        p.index,
      );
      facts.push({ status: x.status, grade: x.cls.grade, homeTaught: x.homeTaught, school: x.cls.schoolCode });
    }
    truth.xueji(p.index, facts);
    if (p.roster && !missing.has(p.roster.schoolCode)) {
      const r = next();
      const withId = p.id !== null && r < rates.rosterIdAndNo + rates.rosterIdOnly;
      const withNo =
        r < rates.rosterIdAndNo ||
        (r >= rates.rosterIdAndNo + rates.rosterIdOnly && r < rates.rosterIdAndNo + rates.rosterIdOnly + rates.rosterNoOnly);
      const id = withId ? writeId(p.id, noise.rosterIdTypo) : { cell: '', normalized: '' };
      truth.idWritten(p.index, id.normalized, p.id);
      let name = p.name;
      if (next() < noise.rosterHomophone) name = homophoneName(name, surnameLength, next);
      if (next() < noise.spacedName) name = spaceName(name, surnameLength, next);
      const cn = p.roster.name;
      const rc = next();
      const className =
        rc < noise.rosterClassVariant / 2 ? `(${cn.replace('班', '')})班` : rc < noise.rosterClassVariant ? cn.replace('班', '') : cn;
      const studentNo = withNo ? (p.xueji.find((x) => x.cls === p.roster)?.studentNo ?? p.xueji[0]?.studentNo ?? '') : '';
      files.roster.row(
        [
          p.roster.schoolCode,
          next() < 0.7 ? String(p.roster.grade) : spellGrade(p.roster.grade, next),
          className,
          name,
          id.cell,
          studentNo,
          id.cell === '' ? '' : '1',
        ],
        p.index,
      );
      truth.roster(p.index, p.roster.schoolCode);
    }
    writeKeyGroupRows(p);
    truth.person(p.index, p.migrant);
  };

  const writeKeyGroupRows = (p: Person): void => {
    if (p.id === null) return;
    const kg = p.keyGroups;
    let type = '';
    if (kg.includes('脱贫户')) type = next() < 0.8 ? '脱贫户' : '脱贫户（原建档立卡）';
    else if (kg.includes('监测户')) type = MONITORED_TYPES[Math.floor(next() * MONITORED_TYPES.length)];
    else if (kg.includes('低保')) type = '低保户';
    else if (kg.includes('特困')) type = '特困供养户';
    if (type !== '') {
      const head = next() < 0.5;
      const grand = /祖/.test(p.guardianRelation);
      const headId = ids.make(
        countyCode,
        grand
          ? isoOf(Date.UTC(1960 + Math.floor(next() * 12), Math.floor(next() * 12), 1 + Math.floor(next() * 28)))
          : isoOf(Date.UTC(1978 + Math.floor(next() * 14), Math.floor(next() * 12), 1 + Math.floor(next() * 28))),
        /[父祖]/.test(p.guardianRelation),
      );
      const headName = p.hukou?.guardian ?? p.name.slice(0, 1) + '建国';
      const division = p.hukou?.village ?? '';
      if (head) files.poverty.row([headName, cosmetic(headId), type, headName, headId, '户主', division], -1);
      const id = writeId(p.id, 0);
      truth.idWritten(p.index, id.normalized, p.id);
      files.poverty.row([p.name, id.cell, type, headName, headId, grand ? '孙子女' : '子女', division], p.index);
      truth.poverty(p.index, type);
    }
    if (kg.includes('残疾')) {
      const id = writeId(p.id, 0);
      truth.idWritten(p.index, id.normalized, p.id);
      const kind = 1 + Math.floor(next() * DISABILITY_KINDS.length);
      const grade = 1 + Math.floor(next() * DISABILITY_GRADES.length);
      files.disability.row([p.name, id.cell, `${p.id}${kind}${grade}`, DISABILITY_KINDS[kind - 1], DISABILITY_GRADES[grade - 1]], p.index);
    }
  };

  // ---- the children ----------------------------------------------------------------------------------------------
  let index = 0;
  for (const c of generateChildren(county, opts)) {
    const kg = c.keyGroups;
    const migrant = kg.includes('随迁');
    const poor = kg.includes('脱贫户') || kg.includes('监测户');
    const scenario = pickScenario(c, poor, migrant);
    const cls = c.classKey ? (classByKey.get(c.classKey) ?? null) : null;
    let id: string | null = c.idNumber;
    if (scenario === 'noHousehold') id = null;
    else if (!migrant && next() < rates.hukouOtherArea) id = ids.make(OTHER_AREA, c.birthDate, c.gender === '男');
    const studentNo = id === null ? lNumber() : `G${id}`;
    const p: Person = {
      index,
      name: c.name,
      gender: c.gender,
      birthDate: c.birthDate,
      id,
      hukou:
        migrant || scenario === 'noHousehold'
          ? null
          : {
              address: c.householdAddress,
              village: c.householdVillageCode ?? '',
              nation: c.nation,
              guardian: c.guardianName,
              phone: c.guardianPhone,
            },
      migrant,
      migrantArea: c.idNumber.slice(0, 6),
      keyGroups: kg,
      xueji: [],
      roster: null,
      guardianRelation: c.guardianRelation,
    };
    if (cls) {
      const x = (status: string, homeTaught = false, at: SynthClass = cls, sn = studentNo, blankId = false) =>
        p.xueji.push({ cls: at, status, homeTaught, studentNo: sn, blankId });
      switch (scenario) {
        case 'normal':
        case 'noHousehold':
          x('在读');
          p.roster = cls;
          break;
        case 'suspended':
          x('休学');
          break;
        case 'homeTaught':
          x('在读', true);
          break;
        case 'dropoutUnprocessed':
          x('在读');
          break;
        case 'dropoutProcessed':
          x('辍学');
          break;
        case 'transferredOut':
          x('转出');
          break;
        case 'graduated':
          x('毕业');
          break;
        case 'attendingUnenrolled':
          if (next() < 0.5) x('转出', false, otherClass(cls.grade, cls.schoolCode));
          p.roster = cls;
          break;
        case 'duplicateSameId':
          x('在读');
          x(next() < 0.8 ? '在读' : '休学', false, otherClass(cls.grade, cls.schoolCode));
          p.roster = cls;
          break;
        case 'duplicateNoId':
          x('在读');
          x(next() < 0.8 ? '在读' : '休学', false, otherClass(cls.grade, cls.schoolCode), lNumber(), true);
          p.roster = cls;
          break;
        case 'neverEnrolled':
          break;
      }
    }
    writePerson(p);
    index++;
  }

  // ---- people outside the age range (3–5 and 16–17): in 户籍; some 16-year-olds still in grade 9 -----------------
  const extra = Math.round(index * rates.ineligibleExtra);
  const Y = o.schoolYear;
  const youngFrom = Date.UTC(Y - 6, 8, 1);
  const oldFrom = Date.UTC(Y - 18, 8, 1);
  const villages = county.divisions.filter((d) => d.level === 'village');
  for (let k = 0; k < extra; k++) {
    const old = next() < 0.5;
    const birthDate = isoOf((old ? oldFrom : youngFrom) + Math.floor(next() * (old ? 730 : 1095)) * 86_400_000);
    const male = next() < 0.52;
    const surname = ['王', '李', '张', '刘', '陈', '杨', '赵'][Math.floor(next() * 7)];
    const name = surname + ['浩然', '子涵', '欣怡', '宇航', '梓萱', '俊杰', '诗琪'][Math.floor(next() * 7)];
    const village = villages[Math.floor(next() * villages.length)];
    const id = ids.make(countyCode, birthDate, male);
    const p: Person = {
      index,
      name,
      gender: male ? '男' : '女',
      birthDate,
      id,
      hukou: {
        address: `${village.name}${1 + Math.floor(next() * 60)}号`,
        village: village.code,
        nation: '汉族',
        guardian: `${surname}国强`,
        phone: '',
      },
      migrant: false,
      migrantArea: '',
      keyGroups: [],
      xueji: [],
      roster: null,
      guardianRelation: '父亲',
    };
    if (old && next() < 0.4 && classesOfGrade[9].length > 0) {
      const cls = classesOfGrade[9][Math.floor(next() * classesOfGrade[9].length)];
      p.xueji.push({ cls, status: '在读', homeTaught: false, studentNo: `G${id}`, blankId: false });
      p.roster = cls;
    }
    writePerson(p);
    index++;
  }

  for (const f of Object.values(files)) f.end();
  return truth.finish(index, {
    hukou: files.hukou.rowPerson.toArray(),
    xueji: files.xueji.rowPerson.toArray(),
    roster: files.roster.rowPerson.toArray(),
    poverty: files.poverty.rowPerson.toArray(),
    disability: files.disability.rowPerson.toArray(),
  });
}
