/**
 * The categories of formats.md applied to what the generator knows (the true person behind every row), word by word:
 * this is the answer key the engine is scored against.
 */
import { eligibleBirthRange, schoolYearOf } from '@notoneless/shared/rules/calendar';
import { parseIdNumber } from '@notoneless/shared/rules/id-number';
import type { CategoryCode, RegistryFileKind, RegistryTruth } from './types';

export type XuejiFact = { status: string; grade: number; homeTaught: boolean; school: string };

type Facts = {
  hukou: boolean;
  eligible: boolean;
  xueji: XuejiFact[];
  rosterSchools: string[];
  povertyTypes: string[];
  idMismatch: boolean;
  validId: boolean;
  anotherAreaId: boolean;
};

const AGE = { schoolYearStart: '09-01', eligibleAgeFrom: 6, eligibleAgeTo: 15 };
const isCurrent = (x: XuejiFact) => x.status === '在读' || x.status === '休学';
const isActive = (x: XuejiFact) => x.status === '在读' && !x.homeTaught;
/** 脱贫户 (原建档立卡) and 监测户 with its subtypes count; 低保户 and 特困供养 do not. */
const countsForPoverty = (t: string) => /脱贫|建档立卡|监测|不稳定|边缘|易致贫|突发严重困难/.test(t);

export class TruthBuilder {
  private readonly range: { from: string; to: string };
  private facts = new Map<number, Facts>();
  private readonly categories: Record<CategoryCode, number[]> = {
    OUT_OF_SCHOOL: [],
    ENROLLED_ABSENT: [],
    PRESENT_UNENROLLED: [],
    POVERTY_DROPOUT: [],
    IDENTITY_MISMATCH: [],
    DUPLICATE_ENROLLMENT: [],
    NO_HOUSEHOLD: [],
  };
  /** People whose ENROLLED_ABSENT (and so POVERTY_DROPOUT) depends on which schools handed in a roster. */
  private pending: { person: number; facts: Facts; outOfSchool: boolean }[] = [];
  private readonly schoolsWithRoster = new Set<string>();

  constructor(
    private readonly asOf: string,
    private readonly countyCode: string,
    private readonly missingRosters: string[],
  ) {
    this.range = eligibleBirthRange(schoolYearOf(asOf, AGE), AGE);
  }

  private get(person: number): Facts {
    let f = this.facts.get(person);
    if (!f) {
      f = {
        hukou: false,
        eligible: false,
        xueji: [],
        rosterSchools: [],
        povertyTypes: [],
        idMismatch: false,
        validId: false,
        anotherAreaId: false,
      };
      this.facts.set(person, f);
    }
    return f;
  }

  idWritten(person: number, normalized: string, trueId: string | null): void {
    if (normalized === '') return;
    const f = this.get(person);
    if (normalized !== trueId) f.idMismatch = true;
    const parsed = parseIdNumber(normalized);
    if (parsed.valid) f.validId = true;
    if (parsed.areaCode && parsed.areaCode !== this.countyCode) f.anotherAreaId = true;
  }

  hukou(person: number, birthDate: string): void {
    const f = this.get(person);
    f.hukou = true;
    f.eligible = this.range.from <= birthDate && birthDate <= this.range.to;
  }

  xueji(person: number, facts: XuejiFact[]): void {
    this.get(person).xueji.push(...facts);
  }

  roster(person: number, school: string): void {
    this.get(person).rosterSchools.push(school);
    this.schoolsWithRoster.add(school);
  }

  poverty(person: number, type: string): void {
    this.get(person).povertyTypes.push(type);
  }

  /** All of a person's rows are written: decide what does not depend on other people. */
  person(person: number, migrant: boolean): void {
    const f = this.get(person);
    this.facts.delete(person);
    const current = f.xueji.filter(isCurrent);
    const onRoster = f.rosterSchools.length > 0;
    const graduated = f.xueji.some((x) => x.status === '毕业' && x.grade === 9);
    const outOfSchool = f.hukou && f.eligible && current.length === 0 && !onRoster && !graduated;
    if (outOfSchool) this.categories.OUT_OF_SCHOOL.push(person);
    if (onRoster && current.length === 0) this.categories.PRESENT_UNENROLLED.push(person);
    if (current.length >= 2) this.categories.DUPLICATE_ENROLLMENT.push(person);
    if (f.idMismatch) this.categories.IDENTITY_MISMATCH.push(person);
    const inSchoolFiles = f.xueji.length > 0 || onRoster;
    // Registered elsewhere as the files can tell it: 随迁子女=是 on a 学籍 row, or an ID number of another area.
    const elsewhere = (migrant && f.xueji.length > 0) || f.anotherAreaId;
    if (inSchoolFiles && !f.hukou && !f.validId && !elsewhere) this.categories.NO_HOUSEHOLD.push(person);
    if (outOfSchool || (!onRoster && f.xueji.some(isActive))) this.pending.push({ person, facts: f, outOfSchool });
  }

  finish(people: number, rowPerson: Record<RegistryFileKind, Int32Array>): RegistryTruth {
    for (const { person, facts, outOfSchool } of this.pending) {
      const absent = facts.xueji.some((x) => isActive(x) && this.schoolsWithRoster.has(x.school));
      if (absent) this.categories.ENROLLED_ABSENT.push(person);
      if ((outOfSchool || absent) && facts.povertyTypes.some(countsForPoverty)) this.categories.POVERTY_DROPOUT.push(person);
    }
    for (const list of Object.values(this.categories)) list.sort((a, b) => a - b);
    return {
      asOf: this.asOf,
      countyCode: this.countyCode,
      people,
      rowPerson,
      categories: this.categories,
      missingRosters: this.missingRosters,
    };
  }
}
