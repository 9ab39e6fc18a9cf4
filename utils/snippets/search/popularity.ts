/** Tie-breaks between equally good matches: how often and how lately the agent used a snippet ("frecency"). */

const DAY_MS = 86_400_000;
/** A snippet used two weeks ago counts half as recent as one used just now. */
const RECENCY_HALF_LIFE_DAYS = 14;
/** Log scale: 10 → 100 uses matters as much as 1 → 10; saturates at 100,000 uses. */
const USES_SATURATION = Math.log1p(100_000);
/** Recency scales the uses (a habit that stopped fades to half) and adds a little on its own. */
const FRECENCY_SHARE = 0.9;
const RECENCY_ALONE_SHARE = 0.1;
/** Keeps popularity below 1 so it never outweighs a difference in match quality (tiers are ≥ 5 apart). */
const BELOW_ONE = 0.999;

export function usesWeight(uses: number): number {
  if (!(uses > 0)) return 0;
  return Math.min(1, Math.log1p(uses) / USES_SATURATION);
}

/** 1 just used, halving every RECENCY_HALF_LIFE_DAYS; 0 when never used (NaN). */
export function recencyWeight(lastUsedAt: number, now: number): number {
  if (Number.isNaN(lastUsedAt)) return 0;
  const days = Math.max(0, now - lastUsedAt) / DAY_MS;
  return Math.pow(0.5, days / RECENCY_HALF_LIFE_DAYS);
}

/** In [0, 1): added to the match quality, so it only orders snippets that matched equally well. */
export function popularity(usesWeightValue: number, lastUsedAt: number, now: number): number {
  const recency = recencyWeight(lastUsedAt, now);
  return BELOW_ONE * (FRECENCY_SHARE * usesWeightValue * (0.5 + 0.5 * recency) + RECENCY_ALONE_SHARE * recency);
}
