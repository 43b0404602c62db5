/**
 * Small-count suppression for the public page (issue 7, item 7; seed 001 "建立控辍保学信息公开制度"): at school or
 * village level a count under 5 can identify a child ("the one dropout in 李庄村"), so it is published as '<5'.
 *
 * Secondary suppression: the cells of one group (e.g. the villages of a township) add up to a total that is published
 * one level up. If exactly one cell were suppressed, subtracting the others from the total would recover it, so a
 * second cell — the smallest remaining one, the first of equals — is hidden too, published as '*' (it is not small:
 * '<5' would be untrue). A group of a single cell cannot be protected this way (its total *is* the cell): see
 * suppressTwoLevels, which also protects the totals.
 */
export const SMALL_COUNT_THRESHOLD = 5;
export const SUPPRESSED = '<5' as const;
/** a count of 5 or more hidden so that a suppressed one cannot be worked out by subtraction */
export const HIDDEN = '*' as const;
export type PublicCount = number | typeof SUPPRESSED | typeof HIDDEN;

/** One group of counts → the publishable cells, in the same order. */
export function suppressSmallCounts(counts: readonly number[]): PublicCount[] {
  return suppressAmong(
    counts,
    counts.map((n) => isSmall(n)),
  );
}

const isSmall = (n: number) => !(Number.isFinite(n) && n >= SMALL_COUNT_THRESHOLD);
const label = (n: number): PublicCount => (isSmall(n) ? SUPPRESSED : HIDDEN);

/**
 * Two levels published together — cells in groups (villages by township), each group's total (the township), and the
 * sum of all totals (the county) — for one measure. A township with one village, or a small township, would otherwise
 * give away its villages' suppressed counts:
 * - a total under 5 is suppressed like a cell (a township can be as small as a village);
 * - a group whose only cell is suppressed has its total hidden (the total is the cell);
 * - secondary suppression among the totals (their sum is published), as among cells;
 * - a total hidden that way must not be recomputable from its cells: if none of them is hidden, its two smallest
 *   cells are hidden too (its only cell, when it has one).
 */
export function suppressTwoLevels(groups: readonly (readonly number[])[]): { totals: PublicCount[]; cells: PublicCount[][] } {
  const cells = groups.map((g) => suppressSmallCounts(g));
  const sums = groups.map((g) => g.reduce((a, b) => a + b, 0));
  const primary = sums.map((n, i) => isSmall(n) || (groups[i].length === 1 && cells[i][0] !== groups[i][0]));
  const totals = suppressAmong(sums, primary);
  totals.forEach((t, i) => {
    if (typeof t === 'number' || cells[i].some((c) => typeof c !== 'number')) return;
    const order = groups[i].map((n, j) => [n, j] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [n, j] of order.slice(0, 2)) cells[i][j] = label(n);
  });
  return { totals, cells };
}

/** suppressSmallCounts with the primary choice given. */
function suppressAmong(counts: readonly number[], primary: readonly boolean[]): PublicCount[] {
  const hide = [...primary];
  if (hide.filter(Boolean).length === 1 && counts.length > 1) {
    let pick = -1;
    counts.forEach((n, i) => {
      if (!hide[i] && (pick < 0 || n < counts[pick])) pick = i;
    });
    if (pick >= 0) hide[pick] = true;
  }
  return counts.map((n, i) => (hide[i] ? label(n) : n));
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
