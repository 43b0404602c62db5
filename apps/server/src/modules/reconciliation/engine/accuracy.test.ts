/**
 * Accuracy on a synthetic county with known truth (issue 4): fixed noise rates, enough children that every category
 * has at least 100 instances, F1 ≥ 0.99 per category — through the real path (CSV bytes → fast reader → engine).
 */
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_CODES,
  formatScores,
  generateRegistries,
  memorySink,
  scoreFindings,
  type RegistryNoise,
  type ScenarioRates,
} from '@notoneless/synth/registries/index';
import { readCsvBuffer } from './fast-reader';
import { reconcileTables } from './reconcile';

/** The noise real files carry, fixed here (the generator's defaults may move; this test's may not). */
const NOISE: RegistryNoise = {
  xuejiIdTypo: 0.02, // ~2 % mistyped ID digits in 学籍
  xuejiIdSwap: 0.01, // ~1 % swapped neighbours in 学籍
  xuejiIdBlank: 0.02,
  studentNoKeepsTypo: 0.5,
  hukouIdTypo: 0.002,
  rosterIdTypo: 0.003,
  fullWidthId: 0.03,
  spacedId: 0.02,
  lowerX: 0.5,
  rosterHomophone: 0.04,
  spacedName: 0.02,
  rosterClassVariant: 0.05,
  blankGender: 0.01,
  hukouOddDates: 0.3,
};
const RATES: ScenarioRates = {
  dropoutUnprocessed: 0.004,
  dropoutProcessed: 0.002,
  transferredOut: 0.002,
  attendingUnenrolled: 0.003,
  duplicateSameId: 0.002,
  duplicateNoId: 0.002,
  noHousehold: 0.003,
  graduatedGrade9: 0.05,
  povertyFactor: 3,
  ineligibleExtra: 0.03,
  hukouOtherArea: 0.005,
  missingRosterSchools: 0.02,
  rosterIdAndNo: 0.4,
  rosterIdOnly: 0.2,
  rosterNoOnly: 0.15,
};
const CHILDREN = 60_000;
const AS_OF = '2026-10-15';

describe('reconciliation accuracy on a synthetic county with known truth', () => {
  it(`finds every category with F1 ≥ 0.99 (${CHILDREN.toLocaleString()} children)`, () => {
    const sinks = { hukou: memorySink(), xueji: memorySink(), roster: memorySink(), poverty: memorySink(), disability: memorySink() };
    const truth = generateRegistries({ children: CHILDREN, seed: 4, asOf: AS_OF, noise: NOISE, rates: RATES, blankLineEvery: 5000 }, sinks);
    for (const code of CATEGORY_CODES) expect(truth.categories[code].length, code).toBeGreaterThanOrEqual(100);

    const read = (kind: keyof typeof sinks) => readCsvBuffer(sinks[kind].buffer(), { kind, fileName: `${kind}.csv`, asOf: AS_OF }).table;
    const tables = {
      hukou: read('hukou'),
      xueji: read('xueji'),
      roster: read('roster'),
      poverty: read('poverty'),
      disability: read('disability'),
    };
    const engine = scoreFindings(reconcileTables(tables, { asOf: AS_OF }).findings, truth);
    const naive = scoreFindings(reconcileTables(tables, { asOf: AS_OF, exactIdOnly: true }).findings, truth);
    const report = `${formatScores('engine', engine)}\n${formatScores('naive exact-ID join', naive)}`;
    for (const code of CATEGORY_CODES) expect(engine[code].f1, `${code}\n${report}`).toBeGreaterThanOrEqual(0.99);
    // The naive join is the yardstick the fuzzy work has to beat (and it does, by far, where IDs are missing).
    expect(naive.ENROLLED_ABSENT.f1).toBeLessThan(0.5);
  }, 60_000);
});
