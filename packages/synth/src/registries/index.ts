/** The noisy-registry generator: five registry CSVs of a synthetic county with known truth, and the scorer. */
export type { CategoryCode, RegistryFileKind, RegistryNoise, RegistryOptions, RegistryTruth, ScenarioRates, TextSink } from './types';
export { CATEGORY_CODES, REGISTRY_FILE_KINDS } from './types';
export { generateRegistries, type RegistrySinks } from './generate';
export { memorySink } from './csv-writer';
export { DEFAULT_NOISE, DEFAULT_RATES } from './rates';
export { homophonePairs, homophonesOf } from './homophones';
export { formatScores, personOf, scoreFindings, type CategoryScore, type ScoredFinding } from './score';
export { readRegistryTruth, REGISTRY_FILE_NAMES, writeRegistryFiles } from './files';
/** Bumped whenever the generator's output changes (benchmark caches are keyed by it). */
export const REGISTRY_GENERATOR_VERSION = 1;
