/**
 * The valid ID numbers one slip away from an invalid one (GB 11643, check character ISO 7064 MOD 11-2): one character
 * mistyped, or two neighbours swapped. MOD 11-2 catches every such slip, so an invalid number is tried against the
 * numbers that fix it; the check-digit arithmetic picks, for each position, the only digits that can.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** Inverse of each weight modulo 11. */
const INVERSE = WEIGHTS.map((w) => {
  for (let x = 1; x < 11; x++) if ((w * x) % 11 === 1) return x;
  return 0;
});

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const mod11 = (n: number) => ((n % 11) + 11) % 11;

export type SlipKind = 'substitution' | 'transposition';
export type IdVariant = { id: string; slip: SlipKind; position: number };

/** `id`: a normalised 18-character number whose first 17 characters are digits (else no variants). */
export function idVariants(id: string): IdVariant[] {
  if (id.length !== 18 || !/^\d{17}[\dX]$/.test(id)) return [];
  const out: IdVariant[] = [];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += digit(id, i) * WEIGHTS[i];
  const checkValue = id[17] === 'X' ? 10 : digit(id, 17);
  const target = mod11(12 - checkValue); // the residue the written check character stands for
  // The check character itself mistyped.
  const right = CHECK_CHARS[sum % 11];
  if (right !== id[17]) out.push({ id: id.slice(0, 17) + right, slip: 'substitution', position: 17 });
  // One of the 17 digits mistyped: w·(d − a) ≡ target − sum (mod 11).
  for (let p = 0; p < 17; p++) {
    const a = digit(id, p);
    const k = mod11((target - sum) * INVERSE[p]);
    if (k === 0) continue;
    for (const d of [a + k, a + k - 11]) {
      if (d >= 0 && d <= 9 && d !== a) out.push({ id: id.slice(0, p) + d + id.slice(p + 1), slip: 'substitution', position: p });
    }
  }
  // Two neighbouring digits swapped.
  for (let p = 0; p < 16; p++) {
    const a = digit(id, p);
    const b = digit(id, p + 1);
    if (a === b) continue;
    if (mod11(sum + (WEIGHTS[p] - WEIGHTS[p + 1]) * (b - a) - target) === 0) {
      out.push({ id: id.slice(0, p) + id[p + 1] + id[p] + id.slice(p + 2), slip: 'transposition', position: p });
    }
  }
  // The last digit and the check character swapped.
  if (id[17] !== 'X' && id[16] !== id[17]) {
    const swapped = id.slice(0, 16) + id[17] + id[16];
    let s2 = sum - digit(id, 16) * WEIGHTS[16] + digit(id, 17) * WEIGHTS[16];
    s2 %= 11;
    if (CHECK_CHARS[s2] === swapped[17]) out.push({ id: swapped, slip: 'transposition', position: 16 });
  }
  return out;
}
