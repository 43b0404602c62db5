/**
 * The usual ID cell, checked on its bytes: 17 ASCII digits and a digit, X or x, valid (GB 11643 check character,
 * a known area, a real birth date not after the base date). Anything else (empty, spaces, full-width digits, 15
 * digits, a wrong check digit…) is left to the importer's parseIdNumber through normalizeRow.
 */
import { makeIdNumber, parseIdNumber } from '@notoneless/shared/rules/id-number';
import { idKeyOfParts } from './id-key';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character codes by sum mod 11: '1','0','X','9',…,'2'. */
const CHECK = [49, 48, 88, 57, 56, 55, 54, 53, 52, 51, 50];

const areaOk = new Map<number, boolean>();
/** parseIdNumber's area rule (a province prefix, not a bare province code), asked once per area code. */
function plausibleArea(area: number): boolean {
  let ok = areaOk.get(area);
  if (ok === undefined) {
    ok = parseIdNumber(makeIdNumber(String(area).padStart(6, '0'), '2000-01-01', 10)).problem !== 'area';
    areaOk.set(area, ok);
  }
  return ok;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** isRealDate of id-number.ts, without its array per call. */
function realDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  if (m === 2 && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= DAYS[m - 1];
}

/** The last valid ID fastValidId saw (one object, reused: this runs a million times); its text is idFromKey(key). */
export const lastId = { key: 0, birth: 0, gender: 0 };

/** Is buf[s, e) a valid ID? Then its parts are in `lastId`. `asOf`: YYYYMMDD. */
export function fastValidId(buf: Buffer, s: number, e: number, asOf: number): boolean {
  if (e - s !== 18) return false;
  let sum = 0;
  let area = 0;
  let birth = 0;
  let seq = 0;
  for (let i = 0; i < 17; i++) {
    const d = buf[s + i] - 48;
    if (d < 0 || d > 9) return false;
    sum += d * WEIGHTS[i];
    if (i < 6) area = area * 10 + d;
    else if (i < 14) birth = birth * 10 + d;
    else seq = seq * 10 + d;
  }
  let last = buf[s + 17];
  if (last === 120) last = 88; // x → X
  if (CHECK[sum % 11] !== last) return false;
  const y = Math.floor(birth / 10000);
  if (y < 1800 || !realDate(y, Math.floor(birth / 100) % 100, birth % 100) || birth > asOf) return false;
  if (!plausibleArea(area)) return false;
  lastId.key = idKeyOfParts(area, birth, seq);
  lastId.birth = birth;
  lastId.gender = (buf[s + 16] - 48) % 2 === 1 ? 1 : 2;
  return true;
}
