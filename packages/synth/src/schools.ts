/** Management units, schools, classes and their head teachers. */
import type { TownshipPlan } from './divisions';
import { createNamer, mobilePhone } from './names';
import { CHILDREN_PER_SCHOOL, MIN_SCHOOLS, type ResolvedOptions } from './options';
import type { Rng } from './random';
import type { SchoolType, SynthClass, SynthSchool, SynthTeacher, SynthUnit } from './types';

/** Target class size used to decide how many parallel classes a grade gets. */
const TARGET_CLASS_SIZE = 42;
/** Relative seats of a class, by school type (a 教学点 or special-school class is small). */
export function classWeight(type: SchoolType): number {
  return type === '教学点' ? 0.45 : type === '特殊教育学校' ? 0.25 : 1;
}

const GRADES: Record<Exclude<SchoolType, '教学点'>, number[]> = {
  小学: [1, 2, 3, 4, 5, 6],
  初中: [7, 8, 9],
  九年一贯制: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  完全中学: [7, 8, 9],
  特殊教育学校: [1, 2, 3, 4, 5, 6, 7, 8, 9],
};

type SchoolPlan = SynthSchool & { weight: number };

export function schoolCount(children: number): number {
  return Math.max(MIN_SCHOOLS, Math.round(children / CHILDREN_PER_SCHOOL));
}

function cnOrdinal(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n];
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}

export function generateUnits(o: ResolvedOptions, townships: TownshipPlan[], rng: Rng): SynthUnit[] {
  let seq = 0;
  const id = (): string => `unit-${o.countyCode}-${String(++seq).padStart(3, '0')}`;
  const units: SynthUnit[] = [{ id: id(), kind: 'bureau', name: `${o.countyName}教育局`, townshipCode: null }];
  for (const t of townships) {
    units.push({ id: id(), kind: 'central_school', name: `${t.division.name}中心校`, townshipCode: t.division.code });
  }
  // 1–2 片区 centres in the largest rural townships.
  const rural = townships.filter((t) => t.kind !== '街道').sort((a, b) => b.villages.length - a.villages.length);
  const nDistrict = Math.min(rural.length, 1 + rng.int(2));
  for (let i = 0; i < nDistrict; i++) {
    const t = rural[i];
    units.push({ id: id(), kind: 'district_centre', name: `${t.division.name}西片区`, townshipCode: t.division.code });
  }
  return units;
}

export function generateSchools(o: ResolvedOptions, townships: TownshipPlan[], units: SynthUnit[], rng: Rng): SchoolPlan[] {
  const S = schoolCount(o.children);
  const T = townships.length;
  const nSpecial = Math.max(1, Math.round(S / 80));
  const rest = S - nSpecial;
  const nMiddle = Math.max(1, Math.round(rest * 0.27));
  const nPrimary = rest - nMiddle;
  const nPoint = Math.round(nPrimary * 0.3);
  const nXiaoxue = nPrimary - nPoint;

  const bureau = units[0];
  const central = new Map(units.filter((u) => u.kind === 'central_school').map((u) => [u.townshipCode, u]));
  const district = new Map(units.filter((u) => u.kind === 'district_centre').map((u) => [u.townshipCode, u]));
  const provincePrefix = `1${o.countyCode.slice(0, 2)}`;
  const codeBase = Number(o.countyCode.slice(2)) * 1000;
  const usedNames = new Set<string>();
  const schools: SchoolPlan[] = [];
  const seat = townships[0].villages[0];
  const nextVillage = new Map<string, number>();

  const add = (
    type: SchoolType,
    t: TownshipPlan,
    direct: boolean,
    base: string,
    suffix: string,
    weight: number,
    villageCode?: string,
  ): void => {
    let name = base + suffix;
    for (let n = 2; usedNames.has(name); n++) name = `${base}第${cnOrdinal(n)}${suffix}`;
    usedNames.add(name);
    let unitId = direct ? bureau.id : (central.get(t.division.code) ?? bureau).id;
    const centre = district.get(t.division.code);
    if (!direct && centre && (type === '小学' || type === '教学点') && rng.chance(0.5)) unitId = centre.id;
    const grades = type === '教学点' ? (rng.chance(0.5) ? [1, 2, 3] : [1, 2, 3, 4]) : GRADES[type];
    schools.push({
      code: provincePrefix + String((codeBase + schools.length + 1) % 1e7).padStart(7, '0'),
      name,
      type,
      townshipCode: t.division.code,
      villageCode: villageCode ?? t.villages[0]?.code ?? null,
      unitId,
      grades: [...grades],
      weight,
    });
  };
  /** Village-level schools go to the township's villages in turn: 村 first, then communities, the seat last. */
  const villageOf = (t: TownshipPlan): { code: string; short: string } => {
    const i = nextVillage.get(t.division.code) ?? 0;
    nextVillage.set(t.division.code, i + 1);
    const others = t.villages.length > 1 ? t.villages.slice(1) : t.villages;
    const vs = [...others.filter((v) => v.name.endsWith('村')), ...others.filter((v) => !v.name.endsWith('村'))];
    const v = vs[i % vs.length];
    return { code: v.code, short: v.name.replace(/(村|社区)$/, '') };
  };
  const cn = o.countyName;
  const streetTown = townships[0];

  // 局直: special schools, a few secondary schools and an 实验小学.
  for (let i = 0; i < nSpecial; i++) add('特殊教育学校', streetTown, true, cn, '特殊教育学校', 0, seat?.code);
  let middleLeft = nMiddle;
  let xiaoxueLeft = nXiaoxue;
  const extraMiddle = Math.max(0, nMiddle - T);
  const nComplete = Math.min(extraMiddle, Math.max(1, Math.min(5, Math.round(S / 120))));
  for (let i = 0; i < nComplete; i++, middleLeft--) add('完全中学', streetTown, true, cn, `${i === 0 ? '第三' : ''}中学`, 2.5, seat?.code);
  const nDirectMiddle = Math.min(extraMiddle - nComplete, Math.max(1, Math.min(5, Math.round(S / 60))));
  for (let i = 0; i < nDirectMiddle; i++, middleLeft--) add('初中', streetTown, true, cn, '第一初级中学', 2, seat?.code);
  const nDirectPrimary = Math.min(Math.max(0, nXiaoxue - T), Math.max(1, Math.min(6, Math.round(S / 40))));
  for (let i = 0; i < nDirectPrimary; i++, xiaoxueLeft--) add('小学', streetTown, true, cn, '实验小学', 3.5, seat?.code);

  // One middle-level school and one 中心小学 per township (as far as the count allows).
  for (const t of townships) {
    if (middleLeft > 0) {
      middleLeft--;
      if (t.kind === '乡') add('九年一贯制', t, false, t.division.name, '九年一贯制学校', 0.8);
      else add('初中', t, false, t.division.name, '初级中学', t.kind === '街道' ? 1.5 : 1);
    }
  }
  for (const t of townships) {
    if (xiaoxueLeft > 0) {
      xiaoxueLeft--;
      add('小学', t, false, t.division.name, '中心小学', t.kind === '街道' ? 3 : 2);
    }
  }
  // Remaining middle schools, village 小学 and 教学点, spread over townships by size.
  const byVillages = [...townships].sort((a, b) => b.villages.length - a.villages.length);
  for (let i = 0; middleLeft > 0; i++, middleLeft--) {
    const t = byVillages[i % T];
    add('初中', t, false, t.division.name, '初级中学', 1);
  }
  for (let i = 0; xiaoxueLeft > 0; i++, xiaoxueLeft--) {
    const t = byVillages[i % T];
    const v = villageOf(t);
    add('小学', t, false, t.division.name + v.short, '小学', t.kind === '街道' ? 1.2 : 0.7, v.code);
  }
  const rural = byVillages.filter((t) => t.kind !== '街道');
  const pointTowns = rural.length > 0 ? rural : byVillages;
  for (let i = 0; i < nPoint; i++) {
    const t = pointTowns[i % pointTowns.length];
    const v = villageOf(t);
    add('教学点', t, false, t.division.name + v.short, '教学点', 0, v.code);
  }
  return schools;
}

/** Parallel classes per grade for each school, each with a head teacher. */
export function generateClasses(o: ResolvedOptions, schools: SchoolPlan[], rng: Rng): { classes: SynthClass[]; teachers: SynthTeacher[] } {
  const perGrade = o.children / 9;
  const classesOf = new Map<string, number[]>(); // school code → classes per grade index 1..9
  for (let g = 1; g <= 9; g++) {
    const teaching = schools.filter((s) => s.grades.includes(g));
    const fixedSeats = teaching.filter((s) => s.weight === 0).reduce((sum, s) => sum + classWeight(s.type) * TARGET_CLASS_SIZE, 0);
    const weighted = teaching.filter((s) => s.weight > 0);
    const totalWeight = weighted.reduce((sum, s) => sum + s.weight, 0);
    const remaining = Math.max(0, perGrade - fixedSeats);
    // Largest-remainder rounding so every grade gets about remaining / TARGET_CLASS_SIZE classes in all.
    const exact = weighted.map((s) => (remaining * s.weight) / totalWeight / TARGET_CLASS_SIZE);
    const perSchool = exact.map((e) => Math.max(1, Math.floor(e)));
    let have = perSchool.reduce((a, b) => a + b, 0);
    const order = exact.map((_, i) => i).sort((a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])) || a - b);
    for (let k = 0; have < Math.round(remaining / TARGET_CLASS_SIZE) && order.length > 0; k++, have++) perSchool[order[k % order.length]]++;
    const setCount = (s: SchoolPlan, n: number): void => {
      const counts = classesOf.get(s.code) ?? new Array<number>(10).fill(0);
      counts[g] = n;
      classesOf.set(s.code, counts);
    };
    for (const s of teaching) if (s.weight === 0) setCount(s, 1);
    weighted.forEach((s, i) => setCount(s, perSchool[i]));
  }

  const namer = createNamer(rng);
  const classes: SynthClass[] = [];
  const teachers: SynthTeacher[] = [];
  for (const s of schools) {
    const counts = classesOf.get(s.code) ?? [];
    let t = 0;
    for (const g of s.grades) {
      for (let c = 1; c <= counts[g]; c++) {
        const key = `teacher-${s.code}-${String(++t).padStart(3, '0')}`;
        const female = rng.chance(g <= 6 ? 0.75 : 0.6);
        teachers.push({ key, name: namer.adult(female ? '女' : '男'), phone: mobilePhone(rng.next), schoolCode: s.code });
        classes.push({
          key: `class-${s.code}-${o.schoolYear}-${g}-${c}`,
          schoolCode: s.code,
          schoolYear: o.schoolYear,
          grade: g,
          name: `${c}班`,
          headTeacherKey: key,
        });
      }
    }
  }
  return { classes, teachers };
}

export function toSynthSchool(plan: SchoolPlan): SynthSchool {
  const { weight: _weight, ...school } = plan;
  return school;
}
