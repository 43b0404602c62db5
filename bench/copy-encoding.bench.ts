/**
 * Encoding the COPY chunks of an import (issue 3, speed): 300,000 record lines in COPY's text format (as record-rows.ts
 * writes them: raw cells as JSON, then the normalised columns), sent in chunks of 10,000. Compared: the chunk kept as
 * one string (`+=`, a rope) and encoded when sent with Buffer.from, the same with Array.join, and each line written as
 * UTF-8 straight into the chunk's buffer (record-copy.ts, ChunkedCopy). Same bytes in all three.
 *   node --import tsx bench/copy-encoding.bench.ts [--rows 300000]
 */
import { generateChildren, generateCounty } from '@notoneless/synth';

const at = process.argv.indexOf('--rows');
const ROWS = at > 0 ? Number(process.argv[at + 1]) : 300_000;
const CHUNK = 10_000;
const county = generateCounty({ children: ROWS, seed: 7 });
const lines: string[] = [];
let row = 0;
for (const c of generateChildren(county, { children: ROWS, seed: 7 })) {
  const raw = JSON.stringify({
    姓名: c.name,
    性别: c.gender,
    出生日期: c.birthDate,
    公民身份号码: c.idNumber,
    户籍地址: c.householdAddress,
  });
  lines.push(
    `410182\t0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\t${++row}\t${raw}\t${c.name}\t${c.idNumber}\t${c.gender}\t${c.birthDate}\t${c.householdAddress}\t${c.guardianName}\n`,
  );
}

function run(label: string, encodeChunk: (chunk: string[]) => Buffer): { label: string; seconds: number; bytes: number; sample: Buffer } {
  let best = Infinity;
  let bytes = 0;
  let sample: Buffer = Buffer.alloc(0);
  for (let rep = 0; rep < 3; rep++) {
    const t = performance.now();
    bytes = 0;
    for (let i = 0; i < lines.length; i += CHUNK) {
      const b = encodeChunk(lines.slice(i, i + CHUNK));
      bytes += b.length;
      if (i === 0) sample = b;
    }
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return { label, seconds: best, bytes, sample };
}

const rope = run('one string per chunk (+=), Buffer.from', (chunk) => {
  let s = '';
  for (const l of chunk) s += l;
  return Buffer.from(s);
});
const joined = run('Array.join, Buffer.from', (chunk) => Buffer.from(chunk.join('')));
const direct = run('each line written into the buffer', (chunk) => {
  let buf: Buffer = Buffer.allocUnsafe(4 << 20);
  let used = 0;
  for (const l of chunk) {
    if (used + l.length * 3 > buf.length) {
      const next = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(next, 0, 0, used);
      buf = next;
    }
    used += buf.write(l, used);
  }
  return buf.subarray(0, used);
});
for (const r of [joined, direct])
  if (r.bytes !== rope.bytes || !r.sample.equals(rope.sample)) throw new Error(`${r.label}: different bytes`);
console.log(`\nCOPY chunk encoding — ${ROWS.toLocaleString('en-US')} lines, ${(rope.bytes / 1048576).toFixed(0)} MB of UTF-8, best of 3:`);
for (const r of [rope, joined, direct])
  console.log(`  ${r.label.padEnd(42)} ${r.seconds.toFixed(2)} s  ${(rope.seconds / r.seconds).toFixed(1)}×`);
