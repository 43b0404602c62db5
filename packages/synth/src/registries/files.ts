/** The registries as files in a folder (hukou.csv, xueji.csv, roster.csv, poverty.csv, disability.csv, truth.json). */
import fs from 'node:fs';
import path from 'node:path';
import { generateRegistries } from './generate';
import { REGISTRY_FILE_KINDS, type RegistryFileKind, type RegistryOptions, type RegistryTruth, type TextSink } from './types';

export const REGISTRY_FILE_NAMES: Record<RegistryFileKind, string> = {
  hukou: 'hukou.csv',
  xueji: 'xueji.csv',
  roster: 'roster.csv',
  poverty: 'poverty.csv',
  disability: 'disability.csv',
};

function fileSink(file: string): TextSink {
  const fd = fs.openSync(file, 'w');
  return {
    write: (t) => void fs.writeSync(fd, t),
    end: () => fs.closeSync(fd),
  };
}

type TruthJson = Omit<RegistryTruth, 'rowPerson'> & { rowPerson: Record<RegistryFileKind, number[]> };

/** Generate into `dir` (created); returns the truth, also saved as truth.json. */
export function writeRegistryFiles(dir: string, opts: RegistryOptions): RegistryTruth {
  fs.mkdirSync(dir, { recursive: true });
  const sinks = Object.fromEntries(REGISTRY_FILE_KINDS.map((k) => [k, fileSink(path.join(dir, REGISTRY_FILE_NAMES[k]))])) as Record<
    RegistryFileKind,
    TextSink
  >;
  const truth = generateRegistries(opts, sinks);
  const json: TruthJson = { ...truth, rowPerson: {} as Record<RegistryFileKind, number[]> };
  for (const k of REGISTRY_FILE_KINDS) json.rowPerson[k] = Array.from(truth.rowPerson[k]);
  fs.writeFileSync(path.join(dir, 'truth.json'), JSON.stringify(json));
  return truth;
}

export function readRegistryTruth(dir: string): RegistryTruth {
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as TruthJson;
  const rowPerson = {} as Record<RegistryFileKind, Int32Array>;
  for (const k of REGISTRY_FILE_KINDS) rowPerson[k] = Int32Array.from(json.rowPerson[k]);
  return { ...json, rowPerson };
}
