/** The default noise and scenario rates (the accuracy test fixes its own copy). */
import type { RegistryNoise, ScenarioRates } from './types';

export const DEFAULT_NOISE: RegistryNoise = {
  xuejiIdTypo: 0.02,
  xuejiIdSwap: 0.01,
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

export const DEFAULT_RATES: ScenarioRates = {
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
