/**
 * Name pinyin of imported rows (issue 3, speed): pinyin-pro for the whole name (lib/pinyin.ts, cached by name) against
 * importNamePinyin (imports/name-pinyin.ts: per distinct character, pinyin-pro only for names with a polyphonic
 * character). A 300,000-row 户籍 file has ~160,000 distinct names but only a few thousand distinct characters.
 * The per-character one runs first, so the whole-name cache it falls back on starts as cold as in a real import.
 *   node --import tsx bench/name-pinyin.bench.ts [--rows 300000]
 */
import { generateChildren, generateCounty } from '@notoneless/synth';
import { namePinyin } from '../apps/server/src/lib/pinyin';
import { importNamePinyin } from '../apps/server/src/modules/imports/name-pinyin';

const at = process.argv.indexOf('--rows');
const ROWS = Math.min(at > 0 ? Number(process.argv[at + 1]) : 300_000, 300_000);
const county = generateCounty({ children: ROWS, seed: 7 });
const names: string[] = [];
for (const c of generateChildren(county, { children: ROWS, seed: 7 })) names.push(c.name, c.guardianName);

function cpu(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const used = process.cpuUsage(t);
  return (used.user + used.system) / 1e6;
}

const perChar: { full: string; initials: string }[] = [];
const tChar = cpu(() => {
  for (const n of names) perChar.push(importNamePinyin(n));
});
const whole: { full: string; initials: string }[] = [];
const tWhole = cpu(() => {
  for (const n of names) whole.push(namePinyin(n));
});
const differ = names.filter((_, i) => perChar[i].full !== whole[i].full || perChar[i].initials !== whole[i].initials).length;
if (differ) throw new Error(`${differ} names differ`);
console.log(
  `\nName pinyin — ${names.length.toLocaleString('en-US')} names (${new Set(names).size.toLocaleString('en-US')} distinct), CPU time: ` +
    `whole name ${tWhole.toFixed(2)} s · per character ${tChar.toFixed(2)} s · ${(tWhole / tChar).toFixed(1)}× faster, same pinyin`,
);
