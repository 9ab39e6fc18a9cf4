/**
 * The fast search (posting intersection, best-first walk with early exit, typo pass that keeps the exact hits)
 * against a plain reference that scores every snippet for every token and sorts them all: the same hits, in the
 * same order, with the same scores and fields, over random libraries and many searches on one index (the
 * index's scratch buffers carry over between searches, as in the palette).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldOfTier, MatchTier } from '@/utils/snippets/search/match-tiers';
import { normalizeSearchText, SEARCH_FIELD_SEPARATOR } from '@/utils/snippets/search/normalize';
import { compileOneEditPattern, matchesWithinOneEdit } from '@/utils/snippets/search/one-edit-match';
import { popularity, usesWeight } from '@/utils/snippets/search/popularity';
import { computeSearchKeys } from '@/utils/snippets/search/search-keys';
import { buildSnippetIndex, searchSnippets, type SearchableSnippet, type SearchHit, type SearchOptions } from '@/utils/snippets/search/snippet-index';

const NOW = Date.UTC(2026, 0, 15);
const DAY = 86_400_000;

/** The tier of one token in one snippet, exactly as documented: shortcut, then the first field holding it. */
function exactTier(snippet: SearchableSnippet, token: string): number {
  if (normalizeSearchText(snippet.shortcut ?? '') === token) return MatchTier.shortcut;
  const title = normalizeSearchText(snippet.title);
  const fields: [string, number, number][] = [
    [title, MatchTier.titlePrefix, MatchTier.titleContains],
    [snippet.keys.initials, MatchTier.initialsPrefix, MatchTier.initialsContains],
    [snippet.keys.pinyin, MatchTier.pinyinPrefix, MatchTier.pinyinContains],
    [snippet.keys.text, MatchTier.text, MatchTier.text],
  ];
  for (const [field, prefix, contains] of fields) {
    const at = field.indexOf(token);
    if (at >= 0) return at === 0 ? prefix : contains;
  }
  return MatchTier.none;
}

function typoMatches(snippet: SearchableSnippet, token: string): boolean {
  if (token.length < 3 || !/^[a-z0-9]+$/.test(token)) return false;
  const pattern = compileOneEditPattern(token);
  if (pattern === null) return false;
  return [snippet.keys.pinyin, snippet.keys.initials].some((key) => key.split(SEARCH_FIELD_SEPARATOR).some((segment) => matchesWithinOneEdit(pattern, segment)));
}

/** Every snippet scored, everything sorted: the ranking rules with no shortcuts taken. */
function referenceSearch(library: SearchableSnippet[], query: string, options: SearchOptions): SearchHit[] {
  const limit = Math.max(0, Math.floor(options.limit ?? 20));
  const minute = Math.floor((options.now ?? NOW) / 60_000) * 60_000;
  const tokens = [...new Set(normalizeSearchText(query).split(/\s+/).filter((t) => t !== ''))];
  const inCategory = library.map((s, i) => ({ s, i })).filter(({ s }) => options.category === undefined || s.category === options.category);
  const scored = (typos: boolean) =>
    inCategory.flatMap(({ s, i }) => {
      const tiers = tokens.map((t) => exactTier(s, t) || (typos && typoMatches(s, t) ? MatchTier.fuzzy : MatchTier.none));
      if (tiers.includes(MatchTier.none)) return [];
      const quality = tiers.reduce((a, b) => a + b, 0);
      const best = tokens.length === 0 ? MatchTier.titlePrefix : Math.max(...tiers);
      return [{ i, id: s.id, score: quality + popularity(usesWeight(s.uses), s.lastUsedAt ?? NaN, minute), titleLength: normalizeSearchText(s.title).length, best }];
    });
  let hits = scored(false);
  if (hits.length < limit && tokens.some((t) => t.length >= 3 && /^[a-z0-9]+$/.test(t))) hits = scored(true);
  hits.sort((a, b) => b.score - a.score || a.titleLength - b.titleLength || a.i - b.i);
  return hits.slice(0, limit).map((h) => ({ id: h.id, score: h.score, field: fieldOfTier(h.best) }));
}

// Few distinct characters and readings, so tokens collide, tie and miss often; 退/推 and 发/法 share pinyin.
const word = fc.array(fc.constantFrom('退', '款', '发', '货', '推', '法', '重', '新', 'a', 'k', 'x', '1', '0', ' ', '-'), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));
const snippetArb = fc.record({
  title: word,
  body: fc.array(word, { maxLength: 3 }).map((words) => words.join('')),
  tags: fc.array(word, { maxLength: 2 }),
  category: fc.constantFrom('售后', '物流'),
  shortcut: fc.option(fc.constantFrom('tk', 'fh', 'k10', 'k100', 'xa'), { nil: undefined }),
  // Many unused snippets (popularity exactly 0) and equal uses: ties that only the title length or order breaks.
  uses: fc.oneof(fc.constant(0), fc.constantFrom(1, 5, 50), fc.nat(500)),
  lastUsedDaysAgo: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
});
/** Prefixes of pinyin as typed letter by letter, typos, mixed Chinese, several tokens, an empty query. */
const queryArb = fc.oneof(
  fc.constantFrom('', 't', 'tk', 'tui', 'tuik', 'tuikuan', 'tuikaun', 'fahuo', 'faho', 'fh', 'k1', 'k10', 'k100', 'chongxin', 'cx', 'tuijian', 'a', 'xk', '退', '退款', 'tk fh', 'fahuo 退', 'tuikuan x', 'kuan fa', 'xa 1'),
  fc.array(fc.constantFrom('t', 'u', 'i', 'k', 'a', 'n', 'f', 'h', 'o', 'x', '1', '0', '退', '款', ' '), { maxLength: 8 }).map((chars) => chars.join('')),
);

describe('searchSnippets agrees with a reference that scores and sorts everything', () => {
  it('same hits, order, scores and fields over random libraries, queries, limits, categories and clocks', () => {
    const library = fc.array(snippetArb, { minLength: 1, maxLength: 300, size: 'max' });
    const search = fc.record({
      query: queryArb,
      // Small limits make the walk (more candidates than 50 per result) and its early exit common.
      limit: fc.constantFrom(1, 1, 2, 3, 5, 20),
      category: fc.option(fc.constantFrom('售后', '物流'), { nil: undefined }),
      minutesLater: fc.constantFrom(0, 0, 1, 60 * 24 * 20),
    });
    fc.assert(
      fc.property(library, fc.array(search, { minLength: 1, maxLength: 12, size: 'max' }), (drafts, searches) => {
        const snippets: SearchableSnippet[] = drafts.map((d, n) => ({
          id: `s${n}`,
          title: d.title,
          category: d.category,
          shortcut: d.shortcut,
          uses: d.uses,
          lastUsedAt: d.lastUsedDaysAgo === undefined ? undefined : NOW - d.lastUsedDaysAgo * DAY,
          keys: computeSearchKeys(d),
        }));
        const index = buildSnippetIndex(snippets);
        for (const { query, limit, category, minutesLater } of searches) {
          const options = { limit, category, now: NOW + minutesLater * 60_000 };
          expect(searchSnippets(index, query, options), `${JSON.stringify(query)} ${JSON.stringify(options)}`).toEqual(referenceSearch(snippets, query, options));
        }
      }),
      { numRuns: 100, endOnFailure: true },
    );
  }, 120_000);
});
