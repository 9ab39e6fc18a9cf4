/**
 * Snippet search for the reply box: Chinese text, full pinyin, pinyin initials, shortcuts and
 * one-typo tolerance, over keys precomputed by search-keys.ts. Content-script safe: no pinyin dictionary.
 */
import type { SnippetSearchKeys } from '../snippet';
import { buildLatinSegments, letterMaskOf, markOneEditMatches, type LatinSegments } from './latin-segments';
import { fieldOfTier, MatchTier, type MatchField } from './match-tiers';
import { normalizeSearchText } from './normalize';
import { compileOneEditPattern, type OneEditPattern } from './one-edit-match';
import { popularity, usesWeight } from './popularity';
import { buildLatinTrigrams, trigramCoverage, trigramPostings, type LatinTrigrams } from './latin-trigrams';
import { intersectPostings } from './posting-intersection';
import { bucketCeiling, createPopularityBuckets, fillPopularityBuckets, POPULARITY_BUCKETS, sortByBucket, type PopularityBuckets } from './popularity-buckets';
import { addFieldChars, bestPossibleTier, emptyLibraryChars, type LibraryChars } from './tier-bounds';
import { TopHits } from './top-hits';
import { clock } from '@/utils/clock';

export interface SearchableSnippet {
  id: string;
  title: string;
  category: string;
  shortcut?: string;
  uses: number;
  lastUsedAt?: number;
  keys: SnippetSearchKeys;
}

/** Opaque to callers: prebuilt arrays that keep each keystroke's search fast. */
export interface SnippetIndex {
  readonly size: number;
  readonly ids: readonly string[];
  readonly categories: readonly string[];
  readonly shortcuts: readonly string[];
  readonly titleLengths: Int32Array;
  /**
   * Per snippet: title, initials, pinyin and text joined by FIELD_GAP, in tier order, so the first
   * occurrence of a token lands in the best field it is in and one indexOf gives the match tier.
   */
  readonly haystacks: readonly string[];
  /** Where initials, pinyin and text start in each haystack (3 per snippet). */
  readonly fieldStarts: Int32Array;
  /** Char code → ascending indices of the snippets whose haystack contains it: narrows exact matching. */
  readonly charPostings: ReadonlyMap<number, Int32Array>;
  /** Runs of three letters or digits → ascending snippet indices: narrows pinyin tokens, which letters alone barely do. */
  readonly latinTrigrams: LatinTrigrams;
  /** Which characters each field holds somewhere in the library: bounds the tier a token can reach. */
  readonly libraryChars: LibraryChars;
  readonly latinSegments: LatinSegments;
  readonly usesWeights: Float64Array;
  /** NaN when never used. */
  readonly lastUsedAt: Float64Array;
  /** Reused between searches: popularity for the current minute, and marks for typo matches. */
  readonly scratch: SearchScratch;
}

/** Buffers reused by every search (JavaScript runs one search at a time): no garbage per keystroke. */
interface SearchScratch {
  popularityMinute: number;
  popularity: Float64Array;
  /** The snippets by popularity for the current minute: searches walk them best-first. */
  buckets: PopularityBuckets;
  /** Stamps: an array entry equal to the current stamp is set for this search, anything else is stale. */
  stamp: number;
  /** Snippets holding every character of the query (posting intersection), and their marks. */
  candidates: Int32Array;
  candidateMarks: Int32Array;
  /** The candidates bucketed by popularity, for a best-first walk over them alone. */
  candidateBuckets: { order: Int32Array; starts: Int32Array };
  /** Per query token (by position), the snippets with a typo match; allocated for as many tokens as used. */
  typoMarks: Int32Array[];
  /** The first token's exact tier, as the exact pass found it (the typo pass reuses it). */
  firstTierMarks: Int32Array;
  firstTiers: Uint8Array;
  /** The best single-token tier of each snippet last scored: reported as the hit's field. */
  bestTiers: Uint8Array;
}

export interface SearchHit {
  id: string;
  score: number;
  /** which field matched, for highlighting/debug */
  field: MatchField;
}

export interface SearchOptions {
  limit?: number;
  now?: number;
  category?: string;
}

export const DEFAULT_SEARCH_LIMIT = 20;
/** Keys come from storage and imports; a stale or hostile one is cut here too (search-keys.ts caps bodies at 2,000). */
const MAX_KEY_CHARS = 4000;
/** Typo tolerance below this length would match almost everything. */
const MIN_FUZZY_TOKEN = 3;
const LATIN_TOKEN = /^[a-z0-9]+$/;
/** Between haystack fields; a control character, which queries never contain. */
const FIELD_GAP = '\u0002';
const MINUTE_MS = 60_000;

export function buildSnippetIndex(snippets: SearchableSnippet[]): SnippetIndex {
  const size = snippets.length;
  const haystacks: string[] = [];
  const fieldStarts = new Int32Array(size * 3);
  const postingLists = new Map<number, number[]>();
  const libraryChars = emptyLibraryChars();
  // Last snippet (+1) that added each char code: dedupes postings without a Set per snippet.
  const lastAddedBy = new Int32Array(65536);

  snippets.forEach((snippet, i) => {
    const title = normalizeSearchText(snippet.title.slice(0, MAX_KEY_CHARS));
    const initials = snippet.keys.initials.slice(0, MAX_KEY_CHARS);
    const pinyin = snippet.keys.pinyin.slice(0, MAX_KEY_CHARS);
    const text = snippet.keys.text.slice(0, MAX_KEY_CHARS);
    addFieldChars(libraryChars.title, title);
    addFieldChars(libraryChars.initials, initials);
    addFieldChars(libraryChars.pinyin, pinyin);
    addFieldChars(libraryChars.text, text);
    // join() yields a flat string; `+` would leave a rope that every indexOf walks through.
    const haystack = [title, initials, pinyin, text].join(FIELD_GAP);
    haystacks.push(haystack);
    fieldStarts[i * 3] = title.length + 1;
    fieldStarts[i * 3 + 1] = title.length + initials.length + 2;
    fieldStarts[i * 3 + 2] = title.length + initials.length + pinyin.length + 3;
    for (let k = 0; k < haystack.length; k++) {
      const code = haystack.charCodeAt(k);
      if (lastAddedBy[code] === i + 1) continue;
      lastAddedBy[code] = i + 1;
      const list = postingLists.get(code);
      if (list) list.push(i);
      else postingLists.set(code, [i]);
    }
  });

  const charPostings = new Map<number, Int32Array>();
  for (const [code, list] of postingLists) charPostings.set(code, Int32Array.from(list));
  const shortcuts = snippets.map((s) => normalizeSearchText(s.shortcut ?? ''));
  for (const shortcut of shortcuts) if (shortcut !== '') libraryChars.shortcuts.add(shortcut);
  return {
    size,
    ids: snippets.map((s) => s.id),
    categories: snippets.map((s) => s.category),
    shortcuts,
    titleLengths: Int32Array.from(snippets, (_, i) => (fieldStarts[i * 3] ?? 1) - 1),
    haystacks,
    fieldStarts,
    charPostings,
    latinTrigrams: buildLatinTrigrams(haystacks),
    libraryChars,
    latinSegments: buildLatinSegments(snippets.map((s) => [s.keys.pinyin.slice(0, MAX_KEY_CHARS), s.keys.initials.slice(0, MAX_KEY_CHARS)])),
    usesWeights: Float64Array.from(snippets, (s) => usesWeight(s.uses)),
    lastUsedAt: Float64Array.from(snippets, (s) => s.lastUsedAt ?? NaN),
    scratch: {
      popularityMinute: NaN,
      popularity: new Float64Array(size),
      buckets: createPopularityBuckets(size),
      stamp: 0,
      candidates: new Int32Array(size),
      candidateMarks: new Int32Array(size),
      candidateBuckets: { order: new Int32Array(size), starts: new Int32Array(POPULARITY_BUCKETS + 1) },
      typoMarks: [],
      firstTierMarks: new Int32Array(size),
      firstTiers: new Uint8Array(size),
      bestTiers: new Uint8Array(size),
    },
  };
}

/**
 * The best `limit` matches, best first, without scoring every match: snippets are visited from the most
 * popular down, and the walk stops once the results are full and beat the best score any later snippet
 * could reach (the best tier each token can reach in this library, plus the popularity of the bucket).
 */
export function searchSnippets(index: SnippetIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_SEARCH_LIMIT));
  if (limit === 0 || index.size === 0) return [];
  popularityAt(index, options.now ?? clock.now());
  const tokens = tokenize(query);
  const search: Search = { index, tokens, category: options.category, top: new TopHits(limit), typos: false, exactStamp: NO_STAMP };

  if (tokens.length === 0) rankAll(search);
  else {
    rankExactMatches(search);
    if (search.top.size < limit && tokens.some((t) => t.fuzzy !== null)) {
      const exactHits = search.top;
      search.top = new TopHits(limit);
      search.typos = true;
      rankWithTypos(search, exactHits);
    }
  }
  const { bestTiers } = index.scratch;
  return search.top.ranked().map(({ position, score }) => ({
    id: index.ids[position] ?? '',
    score,
    // An empty query matched nothing in particular; report the title, which the list shows.
    field: fieldOfTier(tokens.length === 0 ? MatchTier.titlePrefix : (bestTiers[position] ?? MatchTier.titlePrefix)),
  }));
}

/** Popularity changes over days, so one computation (and one bucketing) serves every keystroke within a minute. */
function popularityAt(index: SnippetIndex, now: number): void {
  const { scratch } = index;
  const minute = Math.floor(now / MINUTE_MS);
  if (scratch.popularityMinute === minute) return;
  for (let i = 0; i < index.size; i++) {
    scratch.popularity[i] = popularity(index.usesWeights[i] ?? 0, index.lastUsedAt[i] ?? NaN, minute * MINUTE_MS);
  }
  fillPopularityBuckets(scratch.buckets, scratch.popularity);
  scratch.popularityMinute = minute;
}

interface QueryToken {
  text: string;
  /** Compiled typo matcher, or null when the token is too short or not Latin. */
  fuzzy: OneEditPattern | null;
  letterMask: number;
}

/** Distinct tokens, longest (usually the most selective) first. */
function tokenize(query: string): QueryToken[] {
  const unique = new Set(normalizeSearchText(query).split(/\s+/).filter((t) => t !== ''));
  return [...unique]
    .sort((a, b) => b.length - a.length)
    .map((text) => ({
      text,
      fuzzy: text.length >= MIN_FUZZY_TOKEN && LATIN_TOKEN.test(text) ? compileOneEditPattern(text) : null,
      letterMask: letterMaskOf(text),
    }));
}

interface Search {
  readonly index: SnippetIndex;
  readonly tokens: QueryToken[];
  readonly category: string | undefined;
  top: TopHits;
  /** False in the exact pass; true in the typo pass, run when exact matches do not fill the results. */
  typos: boolean;
  /** The stamp under which the exact pass recorded first-token tiers; NO_STAMP when it scored nothing. */
  exactStamp: number;
}

/** Marks arrays start at 0 and stamps count up from 1: this matches no entry. */
const NO_STAMP = -1;

/** An empty query matches every snippet (of the category) equally: the most popular come first. */
function rankAll(search: Search): void {
  const { index, category, top } = search;
  const popularityNow = index.scratch.popularity;
  walkBestFirst(index.scratch.buckets, 0, top, (i) => {
    if (category === undefined || index.categories[i] === category) top.offer(i, popularityNow[i] as number, index.titleLengths[i] as number);
  });
}

/** Every token must match exactly, in any order, in any field: only snippets holding all their characters can. */
function rankExactMatches(search: Search): void {
  const { index, tokens, top } = search;
  const { scratch } = index;
  const bounds = tokens.map((t) => bestPossibleTier(index.libraryChars, t.text));
  if (bounds.includes(MatchTier.none)) return;
  const count = intersectPostings(tokens.flatMap((t) => postingsOf(index, t.text)), scratch.candidates);
  if (count === 0) return;
  const stamp = ++scratch.stamp;
  search.exactStamp = stamp;
  // Few candidates: score them all; many (a common letter): walk them best-first and stop early.
  if (count <= top.limit * DIRECT_SCORING_FACTOR) {
    for (let k = 0; k < count; k++) score(search, scratch.candidates[k] as number, stamp);
    return;
  }
  const buckets = scratch.candidateBuckets;
  sortByBucket(scratch.buckets.ranks, scratch.candidates, count, buckets.order, buckets.starts);
  walkBestFirst(buckets, combinedBound(tokens, bounds), top, (i) => score(search, i, stamp));
}

/** The prefix and contains tiers of each field with a prefix tier. */
const PREFIX_TIERS: readonly [prefix: number, contains: number][] = [
  [MatchTier.titlePrefix, MatchTier.titleContains],
  [MatchTier.initialsPrefix, MatchTier.initialsContains],
  [MatchTier.pinyinPrefix, MatchTier.pinyinContains],
];

/**
 * The best summed tier of all tokens exactly. Two tokens can both start the same field only when one starts
 * with the other, so otherwise at most one token per field keeps that field's prefix tier (the rest: contains).
 */
function combinedBound(tokens: QueryToken[], bounds: number[]): number {
  let total = sum(bounds);
  if (tokens.some((a) => tokens.some((b) => a !== b && b.text.startsWith(a.text)))) return total;
  for (const [prefix, contains] of PREFIX_TIERS) {
    const atPrefix = bounds.filter((bound) => bound === prefix).length;
    if (atPrefix > 1) total -= (atPrefix - 1) * (prefix - contains);
  }
  return total;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Above this many candidates per result wanted, the best-first walk beats scoring every candidate. */
const DIRECT_SCORING_FACTOR = 50;

/**
 * Like the exact pass, but a Latin token of 3+ letters may also match a pinyin or initials segment one edit away.
 * Runs when the exact pass did not fill the results, so those are every exact match: they are kept, and the walk
 * looks only for snippets with at least one typo match, which score a typo tier for at least one token.
 */
function rankWithTypos(search: Search, exactHits: TopHits): void {
  const { index, tokens, top } = search;
  const { scratch } = index;
  for (const { position, score } of exactHits.ranked()) top.offer(position, score, index.titleLengths[position] as number);
  const firstTierStamp = search.exactStamp;
  const typoStamp = ++scratch.stamp;
  tokens.forEach((token, n) => {
    if (token.fuzzy === null) return;
    const marks = (scratch.typoMarks[n] ??= new Int32Array(index.size));
    markOneEditMatches(index.latinSegments, token.fuzzy, token.letterMask, marks, typoStamp);
  });
  // Snippets that may hold the first token exactly but were not scored in the exact pass (they lack another token's characters).
  const first = tokens[0] as QueryToken;
  const count = bestPossibleTier(index.libraryChars, first.text) === MatchTier.none ? 0 : intersectPostings(postingsOf(index, first.text), scratch.candidates);
  for (let k = 0; k < count; k++) scratch.candidateMarks[scratch.candidates[k] as number] = typoStamp;

  // At least one fuzzy-capable token matches by typo instead of at its best exact tier.
  const bounds = tokens.map((t) => Math.max(bestPossibleTier(index.libraryChars, t.text), t.fuzzy === null ? MatchTier.none : MatchTier.fuzzy));
  const typoCost = Math.min(...tokens.map((t, n) => (t.fuzzy === null ? Infinity : (bounds[n] as number) - MatchTier.fuzzy)));
  const firstTypoMarks = scratch.typoMarks[0];
  walkBestFirst(index.scratch.buckets, sum(bounds) - typoCost, top, (i) => {
    const firstCandidate = scratch.candidateMarks[i] === typoStamp || scratch.firstTierMarks[i] === firstTierStamp;
    if (firstCandidate || (firstTypoMarks !== undefined && firstTypoMarks[i] === typoStamp)) score(search, i, firstTierStamp, typoStamp);
  });
}

const NO_SNIPPETS = new Int32Array(0);

/**
 * Posting lists that every snippet holding the token is in: one per Latin trigram, and one per distinct
 * character no trigram covers (a trigram's list is within its letters' lists, so those would narrow nothing).
 */
function postingsOf(index: SnippetIndex, token: string): Int32Array[] {
  const lists = new Set<Int32Array>(trigramPostings(index.latinTrigrams, token));
  const covered = trigramCoverage(token);
  for (let k = 0; k < token.length; k++) if (!covered[k]) lists.add(index.charPostings.get(token.charCodeAt(k)) ?? NO_SNIPPETS);
  return [...lists];
}

/**
 * Scores snippet i against every token and offers it to the results. The exact pass records the first token's
 * tier under `firstTierStamp`; the typo pass (given `typoStamp`) reads it back and accepts typo matches.
 */
function score(search: Search, i: number, firstTierStamp: number, typoStamp = 0): void {
  const { index, tokens, category, typos } = search;
  if (category !== undefined && index.categories[i] !== category) return;
  const { scratch } = index;
  let quality = 0;
  let best = 0;
  let typoMatched = false;
  for (let n = 0; n < tokens.length; n++) {
    const token = tokens[n] as QueryToken;
    let tier: number;
    if (n === 0 && typos && scratch.firstTierMarks[i] === firstTierStamp) tier = scratch.firstTiers[i] as number;
    else if (n === 0 && typos && scratch.candidateMarks[i] !== typoStamp) tier = MatchTier.none;
    else tier = exactTier(index, i, token.text);
    if (n === 0 && !typos) {
      scratch.firstTierMarks[i] = firstTierStamp;
      scratch.firstTiers[i] = tier;
    }
    if (tier === MatchTier.none) {
      if (!typos || token.fuzzy === null || scratch.typoMarks[n]?.[i] !== typoStamp) return;
      tier = MatchTier.fuzzy;
      typoMatched = true;
    }
    quality += tier;
    if (tier > best) best = tier;
  }
  // Exact on every token: found by the exact pass, already in the results.
  if (typos && !typoMatched) return;
  scratch.bestTiers[i] = best;
  search.top.offer(i, quality + (scratch.popularity[i] as number), index.titleLengths[i] as number);
}

/**
 * Visits snippets from the most popular bucket down until the results are full and no later snippet,
 * matching at `bestQuality` with its bucket's highest popularity, could beat the worst of them.
 */
function walkBestFirst(buckets: { order: Int32Array; starts: Int32Array }, bestQuality: number, top: TopHits, visit: (i: number) => void): void {
  const { order, starts } = buckets;
  for (let b = 0; b < POPULARITY_BUCKETS; b++) {
    const from = starts[b] as number;
    const to = starts[b + 1] as number;
    if (from === to) continue;
    // Strictly: a tie could still win on a shorter title or an earlier position.
    if (top.worstScore() > bestQuality + bucketCeiling(b)) return;
    for (let k = from; k < to; k++) visit(order[k] as number);
  }
}

function exactTier(index: SnippetIndex, i: number, token: string): number {
  if (index.shortcuts[i] === token) return MatchTier.shortcut;
  const at = (index.haystacks[i] as string).indexOf(token);
  if (at < 0) return MatchTier.none;
  const initialsStart = index.fieldStarts[i * 3] as number;
  if (at < initialsStart) return at === 0 ? MatchTier.titlePrefix : MatchTier.titleContains;
  const pinyinStart = index.fieldStarts[i * 3 + 1] as number;
  if (at < pinyinStart) return at === initialsStart ? MatchTier.initialsPrefix : MatchTier.initialsContains;
  const textStart = index.fieldStarts[i * 3 + 2] as number;
  if (at < textStart) return at === pinyinStart ? MatchTier.pinyinPrefix : MatchTier.pinyinContains;
  return MatchTier.text;
}
