/**
 * The snippets in every one of some sorted posting lists (characters, trigrams), intersected the shortest
 * first, so the work is bounded by the rarest list rather than the most common one. The result is a filter
 * (a superset of the snippets in every list, once it is small), so callers check each snippet themselves.
 */

const ENOUGH_NARROWED = 16;

/** Writes the (nearly) intersected snippets into `out` (ascending) and returns how many; 0 when a list is empty or there is none. */
export function intersectPostings(lists: Int32Array[], out: Int32Array): number {
  if (lists.length === 0) return 0;
  const shortestFirst = [...lists].sort((a, b) => a.length - b.length);
  const first = shortestFirst[0] as Int32Array;
  out.set(first);
  let count = first.length;
  // A handful of candidates is cheaper to check one by one than to narrow further: the caller verifies each.
  for (let n = 1; n < shortestFirst.length && count > ENOUGH_NARROWED; n++) count = keepIn(out, count, shortestFirst[n] as Int32Array);
  return count;
}

/** Keeps the first `count` entries of `kept` that are also in `list` (both ascending); returns how many remain. */
function keepIn(kept: Int32Array, count: number, list: Int32Array): number {
  let remaining = 0;
  let from = 0;
  for (let k = 0; k < count; k++) {
    const value = kept[k] as number;
    from = lowerBound(list, value, from);
    if (from === list.length) break;
    if (list[from] === value) kept[remaining++] = value;
  }
  return remaining;
}

/** First position ≥ `from` whose value is ≥ `value`: galloping, then binary search (cheap when `kept` is short). */
function lowerBound(list: Int32Array, value: number, from: number): number {
  let step = 1;
  let high = from;
  while (high < list.length && (list[high] as number) < value) {
    from = high + 1;
    high += step;
    step *= 2;
  }
  high = Math.min(high, list.length);
  while (from < high) {
    const middle = (from + high) >>> 1;
    if ((list[middle] as number) < value) from = middle + 1;
    else high = middle;
  }
  return from;
}
