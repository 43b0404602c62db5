/**
 * The one deterministic synthetic-county generator (demo seed, tests, benchmarks).
 * Same options → same county and the same children, on every machine.
 */
import { generateDivisions } from './divisions';
import { resolveOptions } from './options';
import { createRng } from './random';
import { generateClasses, generateSchools, generateUnits, toSynthSchool } from './schools';
import type { SynthCounty, SynthOptions } from './types';

export type {
  ChildStatus,
  DivisionLevel,
  GuardianRelation,
  KeyGroup,
  SchoolType,
  SynthChild,
  SynthClass,
  SynthCounty,
  SynthDivision,
  SynthOptions,
  SynthSchool,
  SynthTeacher,
  SynthUnit,
  UnitKind,
} from './types';
export { generateChildren, RATES } from './children';
export { DEFAULT_OPTIONS, resolveOptions } from './options';
export { createRng, mulberry32 } from './random';

/** The organisation: divisions, management units, schools, classes and head teachers. Fast (no children). */
export function generateCounty(opts?: SynthOptions): SynthCounty {
  const o = resolveOptions(opts);
  const { county, townships } = generateDivisions(o, createRng(o.seed, 'divisions'));
  const units = generateUnits(o, townships, createRng(o.seed, 'units'));
  const plans = generateSchools(o, townships, units, createRng(o.seed, 'schools'));
  const { classes, teachers } = generateClasses(o, plans, createRng(o.seed, 'classes'));
  const divisions = [county];
  for (const t of townships) divisions.push(t.division, ...t.villages);
  return { county, divisions, units, schools: plans.map(toSynthSchool), teachers, classes };
}
