/**
 * Snippets grouped by popularity, most popular first, so a search can visit them best-first and stop once
 * no later snippet can reach the results (see snippet-index.ts). Counting sorts: O(n), no comparison sort.
 */

/** Popularity is in [0, 1); bucket b holds popularity in [b / BUCKETS, (b + 1) / BUCKETS). */
export const POPULARITY_BUCKETS = 4096;

export interface PopularityBuckets {
  /** Per snippet, its bucket counted from the most popular (0) down. */
  readonly ranks: Uint16Array;
  /** Snippet indices, bucket by bucket from the most popular; ascending within a bucket. */
  readonly order: Int32Array;
  /** Bucket b (counted from the most popular) is order[starts[b] .. starts[b + 1]). */
  readonly starts: Int32Array;
}

export function createPopularityBuckets(size: number): PopularityBuckets {
  return { ranks: new Uint16Array(size), order: new Int32Array(size), starts: new Int32Array(POPULARITY_BUCKETS + 1) };
}

/** Above every popularity in bucket `rank` (0 = the most popular bucket). */
export function bucketCeiling(rank: number): number {
  return (POPULARITY_BUCKETS - rank) / POPULARITY_BUCKETS;
}

function rankOf(popularity: number): number {
  const bucket = Math.floor(popularity * POPULARITY_BUCKETS);
  // NaN or out of range: the most popular bucket, so such a snippet is never skipped.
  if (!(bucket >= 0 && bucket < POPULARITY_BUCKETS)) return 0;
  return POPULARITY_BUCKETS - 1 - bucket;
}

/** Buckets the whole library by this minute's popularity. */
export function fillPopularityBuckets(buckets: PopularityBuckets, popularity: Float64Array): void {
  for (let i = 0; i < popularity.length; i++) buckets.ranks[i] = rankOf(popularity[i] as number);
  sortByBucket(buckets.ranks, null, popularity.length, buckets.order, buckets.starts);
}

/**
 * Orders snippets (the first `count` of `snippets`, or 0 … count - 1 when null) by bucket into `order`, filling
 * `starts` as in PopularityBuckets. Stable, so ascending snippets stay ascending within a bucket.
 */
export function sortByBucket(ranks: Uint16Array, snippets: Int32Array | null, count: number, order: Int32Array, starts: Int32Array): void {
  starts.fill(0);
  for (let k = 0; k < count; k++) {
    const rank = ranks[snippets === null ? k : (snippets[k] as number)] as number;
    starts[rank + 1] = (starts[rank + 1] as number) + 1;
  }
  for (let b = 0; b < POPULARITY_BUCKETS; b++) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
  const next = starts.slice(0, POPULARITY_BUCKETS);
  for (let k = 0; k < count; k++) {
    const i = snippets === null ? k : (snippets[k] as number);
    const rank = ranks[i] as number;
    order[next[rank] as number] = i;
    next[rank] = (next[rank] as number) + 1;
  }
}
