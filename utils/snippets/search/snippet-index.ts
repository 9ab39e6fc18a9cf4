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
  /** marks[i] === stamp when snippet i has a typo match for the token being matched. */
  marks: Int32Array;
  stamp: number;
  merged: Int32Array;
  indices: [Int32Array, Int32Array];
  quality: [Int32Array, Int32Array];
  bestTier: [Uint8Array, Uint8Array];
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
  // Last snippet (+1) that added each char code: dedupes postings without a Set per snippet.
  const lastAddedBy = new Int32Array(65536);

  snippets.forEach((snippet, i) => {
    const title = normalizeSearchText(snippet.title.slice(0, MAX_KEY_CHARS));
    const initials = snippet.keys.initials.slice(0, MAX_KEY_CHARS);
    const pinyin = snippet.keys.pinyin.slice(0, MAX_KEY_CHARS);
    const text = snippet.keys.text.slice(0, MAX_KEY_CHARS);
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
  return {
    size,
    ids: snippets.map((s) => s.id),
    categories: snippets.map((s) => s.category),
    shortcuts: snippets.map((s) => normalizeSearchText(s.shortcut ?? '')),
    titleLengths: Int32Array.from(snippets, (_, i) => (fieldStarts[i * 3] ?? 1) - 1),
    haystacks,
    fieldStarts,
    charPostings,
    latinSegments: buildLatinSegments(snippets.map((s) => [s.keys.pinyin.slice(0, MAX_KEY_CHARS), s.keys.initials.slice(0, MAX_KEY_CHARS)])),
    usesWeights: Float64Array.from(snippets, (s) => usesWeight(s.uses)),
    lastUsedAt: Float64Array.from(snippets, (s) => s.lastUsedAt ?? NaN),
    scratch: {
      popularityMinute: NaN,
      popularity: new Float64Array(size),
      marks: new Int32Array(size),
      stamp: 0,
      merged: new Int32Array(size),
      indices: [new Int32Array(size), new Int32Array(size)],
      quality: [new Int32Array(size), new Int32Array(size)],
      bestTier: [new Uint8Array(size), new Uint8Array(size)],
    },
  };
}

export function searchSnippets(index: SnippetIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_SEARCH_LIMIT));
  if (limit === 0 || index.size === 0) return [];
  const popularityNow = popularityAt(index, options.now ?? clock.now());
  const tokens = tokenize(query);

  const firstTokenExact: FirstTokenMatches = { indices: NO_CANDIDATES, tiers: NO_TIERS };
  let matches = matchTokens(index, tokens, options.category, null, firstTokenExact);
  if (matches.count < limit && tokens.some((t) => t.fuzzy !== null)) {
    matches = matchTokens(index, tokens, options.category, firstTokenExact, null);
  }

  // Matches are in library order, so ranking by position breaks final ties by library order.
  const top = new TopHits(limit);
  const { count, indices, quality, bestTier } = matches;
  for (let k = 0; k < count; k++) {
    const i = indices[k] as number;
    top.offer(k, (quality[k] as number) + (popularityNow[i] as number), index.titleLengths[i] as number);
  }
  return top.ranked().map(({ position, score }) => ({
    id: index.ids[indices[position] ?? 0] ?? '',
    score,
    // An empty query matched nothing in particular; report the title, which the list shows.
    field: fieldOfTier(bestTier[position] ?? MatchTier.titlePrefix),
  }));
}

/** Popularity changes over days, so one computation serves every keystroke within a minute. */
function popularityAt(index: SnippetIndex, now: number): Float64Array {
  const { scratch } = index;
  const minute = Math.floor(now / MINUTE_MS);
  if (scratch.popularityMinute !== minute) {
    for (let i = 0; i < index.size; i++) {
      scratch.popularity[i] = popularity(index.usesWeights[i] ?? 0, index.lastUsedAt[i] ?? NaN, minute * MINUTE_MS);
    }
    scratch.popularityMinute = minute;
  }
  return scratch.popularity;
}

interface QueryToken {
  text: string;
  /** Compiled typo matcher, or null when the token is too short or not Latin. */
  fuzzy: OneEditPattern | null;
  letterMask: number;
}

function tokenize(query: string): QueryToken[] {
  const unique = new Set(normalizeSearchText(query).split(/\s+/).filter((t) => t !== ''));
  return [...unique].map((text) => ({
    text,
    fuzzy: text.length >= MIN_FUZZY_TOKEN && LATIN_TOKEN.test(text) ? compileOneEditPattern(text) : null,
    letterMask: letterMaskOf(text),
  }));
}

interface TokenMatches {
  count: number;
  /** Snippet indices that matched every token, in library order (the first `count` entries). */
  indices: Int32Array;
  /** Summed tier over tokens, parallel to indices. */
  quality: Int32Array;
  /** Best single-token tier, parallel to indices: reported as the hit's field. */
  bestTier: Uint8Array;
}

/** The exact matches of the first (longest) token, kept from the exact pass so the typo pass need not redo them. */
interface FirstTokenMatches {
  indices: Int32Array;
  tiers: Uint8Array;
}

const NO_TIERS = new Uint8Array(0);

/**
 * Every token must match (in any order, in any field); the longest token, usually the most selective, narrows the rest.
 * The exact pass records its first token's matches in `recordFirst`; the typo pass (`exactFirst` given) reuses them.
 */
function matchTokens(
  index: SnippetIndex,
  tokens: QueryToken[],
  category: string | undefined,
  exactFirst: FirstTokenMatches | null,
  recordFirst: FirstTokenMatches | null,
): TokenMatches {
  const { scratch } = index;
  const allowFuzzy = exactFirst !== null;
  const ordered = [...tokens].sort((a, b) => b.text.length - a.text.length);
  let current: TokenMatches | null = null;

  for (const [n, token] of ordered.entries()) {
    const fuzzyStamp = allowFuzzy && token.fuzzy !== null ? markTypoMatches(index, token.fuzzy, token.letterMask) : 0;
    // Two sets of buffers, alternating: each token reads the survivors of the previous one.
    const next: TokenMatches = { count: 0, indices: scratch.indices[n % 2] as Int32Array, quality: scratch.quality[n % 2] as Int32Array, bestTier: scratch.bestTier[n % 2] as Uint8Array };
    const knownFirst = current === null && exactFirst !== null;
    const source = current !== null ? current.indices : knownFirst ? mergeTypoMatches(index, exactFirst, fuzzyStamp) : firstCandidates(index, token);
    const sourceCount = current === null ? source.length : current.count;
    let count = 0;
    let known = 0;
    for (let k = 0; k < sourceCount; k++) {
      const i = source[k] as number;
      if (current === null && category !== undefined && index.categories[i] !== category) continue;
      let tier: number;
      if (knownFirst) {
        // Merged in library order with the exact matches, whose tiers are known.
        const isExact = exactFirst.indices[known] === i;
        tier = isExact ? (exactFirst.tiers[known++] as number) : MatchTier.fuzzy;
      } else {
        tier = exactTier(index, i, token.text);
      }
      if (tier === MatchTier.none) {
        if (fuzzyStamp === 0 || scratch.marks[i] !== fuzzyStamp) continue;
        tier = MatchTier.fuzzy;
      }
      next.indices[count] = i;
      next.quality[count] = (current === null ? 0 : (current.quality[k] as number)) + tier;
      next.bestTier[count] = current === null ? tier : Math.max(current.bestTier[k] as number, tier);
      count++;
    }
    next.count = count;
    if (current === null && recordFirst !== null) {
      recordFirst.indices = next.indices.slice(0, count);
      recordFirst.tiers = next.bestTier.slice(0, count);
    }
    current = next;
    if (count === 0) break;
  }
  return current ?? allInCategory(index, category);
}

/** An empty query matches every snippet (of the category) equally. */
function allInCategory(index: SnippetIndex, category: string | undefined): TokenMatches {
  const { scratch } = index;
  const all: TokenMatches = { count: 0, indices: scratch.indices[0] as Int32Array, quality: scratch.quality[0] as Int32Array, bestTier: scratch.bestTier[0] as Uint8Array };
  all.quality.fill(0);
  all.bestTier.fill(MatchTier.titlePrefix);
  for (let i = 0; i < index.size; i++) if (category === undefined || index.categories[i] === category) all.indices[all.count++] = i;
  return all;
}

/** Marks the snippets with a pinyin or initials segment one edit from the token; returns the mark. */
function markTypoMatches(index: SnippetIndex, pattern: OneEditPattern, letterMask: number): number {
  const stamp = ++index.scratch.stamp;
  markOneEditMatches(index.latinSegments, pattern, letterMask, index.scratch.marks, stamp);
  return stamp;
}

const NO_CANDIDATES = new Int32Array(0);

/** Snippets that can contain the token: those containing its rarest character. */
function firstCandidates(index: SnippetIndex, token: QueryToken): Int32Array {
  let rarest: Int32Array | undefined;
  for (let k = 0; k < token.text.length; k++) {
    const postings = index.charPostings.get(token.text.charCodeAt(k));
    if (postings === undefined) return NO_CANDIDATES;
    if (rarest === undefined || postings.length < rarest.length) rarest = postings;
  }
  return rarest ?? NO_CANDIDATES;
}

/** The first token's exact matches plus its typo matches, in library order. */
function mergeTypoMatches(index: SnippetIndex, exact: FirstTokenMatches, fuzzyStamp: number): Int32Array {
  const { marks, merged } = index.scratch;
  let count = 0;
  let e = 0;
  for (let i = 0; i < index.size; i++) {
    const isExact = exact.indices[e] === i;
    if (isExact) e++;
    if (isExact || (fuzzyStamp !== 0 && marks[i] === fuzzyStamp)) merged[count++] = i;
  }
  return merged.subarray(0, count);
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
