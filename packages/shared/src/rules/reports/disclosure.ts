/**
 * Small-count suppression for the public page (issue 7, item 7; seed 001 "建立控辍保学信息公开制度"): at school or
 * village level a count under 5 can identify a child ("the one dropout in 李庄村"), so it is published as '<5'.
 *
 * Secondary suppression: the cells of one group (e.g. the villages of a township) add up to a total that is published
 * one level up. If exactly one cell were suppressed, subtracting the others from the total would recover it, so a
 * second cell — the smallest remaining one, the first of equals — is suppressed too. A group of a single cell cannot be
 * protected this way (its total *is* the cell); callers publish such a group's total only at the level above.
 */
export const SMALL_COUNT_THRESHOLD = 5;
export const SUPPRESSED = '<5' as const;
export type PublicCount = number | typeof SUPPRESSED;

/** One group of counts → the publishable cells, in the same order. */
export function suppressSmallCounts(counts: readonly number[]): PublicCount[] {
  const hide = counts.map((n) => !(Number.isFinite(n) && n >= SMALL_COUNT_THRESHOLD));
  const hidden = hide.filter(Boolean).length;
  if (hidden === 1 && counts.length > 1) {
    let pick = -1;
    counts.forEach((n, i) => {
      if (!hide[i] && (pick < 0 || n < counts[pick])) pick = i;
    });
    if (pick >= 0) hide[pick] = true;
  }
  return counts.map((n, i) => (hide[i] ? SUPPRESSED : n));
}

/**
 * The same, for rows carrying several counts (one group = the rows given): each listed column is suppressed
 * independently, with its own secondary suppression.
 */
export function suppressSmallCountRows<T extends Record<string, unknown>, K extends keyof T & string>(
  rows: readonly T[],
  keys: readonly K[],
): Array<Omit<T, K> & Record<K, PublicCount>> {
  const out = rows.map((r) => ({ ...r })) as Array<Record<string, unknown>>;
  for (const k of keys) {
    const cells = suppressSmallCounts(rows.map((r) => Number(r[k])));
    cells.forEach((c, i) => {
      out[i][k] = c;
    });
  }
  return out as Array<Omit<T, K> & Record<K, PublicCount>>;
}
