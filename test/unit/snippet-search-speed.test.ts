/**
 * Prints search latency on a 20,000-snippet library, for this engine and for Fuse.js on the same
 * corpus. Figures only, no timing assertion: CI machines vary; the Chromium bench holds the budget.
 */
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { computeSearchKeys } from '@/utils/snippets/search/search-keys';
import { buildSnippetIndex, searchSnippets } from '@/utils/snippets/search/snippet-index';
import { syntheticSnippets } from '@/utils/snippets/search/synthetic-corpus';

const NOW = Date.UTC(2025, 5, 1);

/** What agents type, keystroke by keystroke: Chinese, full pinyin, initials, mixed, typos. */
const TYPED = ['退款', '发货时间', '核对地址', 'tuikuan', 'fahuo', 'hddz', 'tk', 'cxfh', '退款 sm', 'yunfeixian', 'tuikaun', 'fahou', 'youhuiquan', 'hp', 'chima tuijian', '运费', 'qitian', 'xyz', 'k100', 'English'];

function keystrokes(words: readonly string[]): string[] {
  const queries: string[] = [];
  for (const word of words) for (let n = 1; n <= word.length; n++) queries.push(word.slice(0, n));
  return queries;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

function timeQueries(queries: readonly string[], search: (query: string) => unknown, rounds: number): { p50: number; p95: number; max: number } {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const started = performance.now();
      search(query);
      samples.push(performance.now() - started);
    }
  }
  samples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), max: round(samples[samples.length - 1] ?? NaN) };
}

describe('snippet search speed (20,000 snippets)', () => {
  const library = syntheticSnippets(20_000, NOW).map((s) => ({ ...s, keys: computeSearchKeys(s) }));
  const queries = keystrokes(TYPED);

  it('prints p50/p95 for this engine and Fuse.js', () => {
    const buildStarted = performance.now();
    const index = buildSnippetIndex(library);
    const buildMs = performance.now() - buildStarted;
    // Warm up the JIT as a long-lived content script would be.
    for (const query of queries) searchSnippets(index, query, { now: NOW });
    const engine = timeQueries(queries, (query) => searchSnippets(index, query, { now: NOW }), 5);

    const fuse = new Fuse(library, { keys: ['title', 'tags', 'keys.pinyin', 'keys.initials'], threshold: 0.4 });
    const fuseQueries = queries.filter((_, n) => n % 4 === 0); // Fuse is ~100× slower: a sample suffices
    const fuseTimes = timeQueries(fuseQueries, (query) => fuse.search(query, { limit: 20 }), 1);

    console.log(
      `snippet search, ${library.length} snippets, ${queries.length} keystroke queries: ` +
        `engine p50 ${engine.p50} ms, p95 ${engine.p95} ms, max ${engine.max} ms (index build ${Math.round(buildMs)} ms); ` +
        `Fuse.js (${fuseQueries.length} queries) p50 ${fuseTimes.p50} ms, p95 ${fuseTimes.p95} ms`,
    );
    expect(queries.length).toBeGreaterThan(100);
  }, 120_000);
});
