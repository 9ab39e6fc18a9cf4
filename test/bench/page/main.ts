import { getDb } from '@/utils/db/open-db';
import { importStock } from '@/utils/stock/stock-store';
import { lookUpStock } from '@/utils/stock/lookup-client';
import { recentCodesKey } from '@/utils/stock/recent-codes';
/**
 * Bench-only extension page (bench.html). Built only by test/bench/build-bench.mjs, never
 * shipped. It runs the real import and lookup code in an extension page, as the options page does in production,
 * and the real snippet search (plus Fuse.js for comparison) on the synthetic 20,000-snippet corpus, and exposes async functions on window.xiaoerBench for test/bench/run-bench.mjs to call with page.evaluate.
 * Every timing is performance.now() in this page, in milliseconds.
 */
import Fuse from 'fuse.js';
import { openDB, unwrap } from 'idb';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { decodeBytes } from '@/utils/stock-import/decode';
import { parseDelimited } from '@/utils/stock-import/table';
import { checkStockTable, describeErrors } from '@/utils/stock-import/check';
import { computeSearchKeys } from '@/utils/snippets/search/search-keys';
import { buildSnippetIndex, searchSnippets } from '@/utils/snippets/search/snippet-index';
import { syntheticSnippets, type SyntheticSnippet } from '@/test/support/synthetic-corpus';
import type { Snippet, SnippetSearchKeys } from '@/utils/snippets/snippet';

export interface ImportTiming {
  fetchMs: number;
  decodeMs: number;
  parseMs: number;
  readMs: number;
  commitMs: number;
  /** decode + parse + read + commit: from bytes to committed in IndexedDB (fetch excluded). */
  totalMs: number;
  bytes: number;
  dataRows: number;
  records: number;
  sourceId: string;
}

export interface BaselineTiming {
  fetchMs: number;
  decodeMs: number;
  parseMs: number;
  writeMs: number;
  totalMs: number;
  puts: number;
}

export interface LookupTiming {
  ms: number;
  hits: number;
}

const BASELINE_DB = 'xiaoer-bench-baseline';
const BASELINE_STORE = 'rows';

async function fetchBytes(url: string): Promise<{ bytes: Uint8Array; ms: number }> {
  const t0 = performance.now();
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bytes, ms: performance.now() - t0 };
}

/** The production path: decodeBytes → parseDelimited → checkStockTable → importStock (one transaction) → stock.changed. */
async function importFromUrl(url: string, sourceId?: string): Promise<ImportTiming> {
  const { bytes, ms: fetchMs } = await fetchBytes(url);
  const t0 = performance.now();
  const { text } = decodeBytes(bytes);
  const t1 = performance.now();
  const { rows, lines } = parseDelimited(text);
  const t2 = performance.now();
  const table = checkStockTable(rows, lines);
  const problem = describeErrors(table);
  if (problem) throw new Error(`The bench file does not import: ${problem}`);
  const t3 = performance.now();
  const db = await getDb();
  const seenSyncAt = sourceId ? (await db.get('sources', sourceId))?.lastSyncAt : undefined;
  const saved = await importStock(db, { sourceId, seenSyncAt, kind: 'file', name: 'bench-100k', mapping: table.mapping }, table.records, 'replace');
  await sendToWorker({ type: 'stock.changed' });
  const t4 = performance.now();
  return {
    fetchMs,
    decodeMs: t1 - t0,
    parseMs: t2 - t1,
    readMs: t3 - t2,
    commitMs: t4 - t3,
    totalMs: t4 - t0,
    bytes: bytes.byteLength,
    dataRows: table.dataRows,
    records: table.records.length,
    sourceId: saved.id,
  };
}

function openBaseline() {
  return openDB(BASELINE_DB, 1, {
    upgrade(db) {
      db.createObjectStore(BASELINE_STORE, { keyPath: ['code', 'warehouse'] });
    },
  });
}

/**
 * The naive way: same bytes, same decode and parse, then one put per CSV row (keyed by code + warehouse) in one
 * readwrite transaction of a separate database, in this page. Raw IDB requests (no promise per put).
 */
async function baselineFromUrl(url: string): Promise<BaselineTiming> {
  const { bytes, ms: fetchMs } = await fetchBytes(url);
  const db = await openBaseline();
  await db.clear(BASELINE_STORE);
  try {
    const t0 = performance.now();
    const { text } = decodeBytes(bytes);
    const t1 = performance.now();
    const { rows } = parseDelimited(text);
    const t2 = performance.now();
    const tx = db.transaction(BASELINE_STORE, 'readwrite');
    const store = unwrap(tx.store);
    let puts = 0;
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i]!;
      store.put({
        outerCode: r[0],
        name: r[1],
        code: r[2],
        spec: r[3],
        warehouse: r[4],
        actual: Number(r[5]),
        available: Number(r[6]),
        locked: Number(r[7]),
      });
      puts++;
    }
    await tx.done;
    const t3 = performance.now();
    return { fetchMs, decodeMs: t1 - t0, parseMs: t2 - t1, writeMs: t3 - t2, totalMs: t3 - t0, puts };
  } finally {
    db.close();
  }
}

async function countBaseline(): Promise<number> {
  const db = await openBaseline();
  try {
    return await db.count(BASELINE_STORE);
  } finally {
    db.close();
  }
}

/** One stock.lookup round trip as the content script makes it (unpacking included), timed in this page. */
async function lookup(codes: string[]): Promise<LookupTiming> {
  const t0 = performance.now();
  const hits = await lookUpStock(codes);
  const ms = performance.now() - t0;
  return { ms, hits: Object.keys(hits).length };
}

async function ping(): Promise<unknown> {
  return sendToWorker({ type: 'ping' });
}

/** Forgets which product codes a console host showed lately: its next list is one never seen. */
async function forgetRecentCodes(host: string): Promise<void> {
  await browser.storage.session.remove(recentCodesKey(host));
}

// ---------------------------------------------------------------------------------------------------------------
// Reply snippets: search over the 20,000-snippet synthetic corpus, ours and Fuse.js, in this page.

export interface SnippetSearchTiming {
  size: number;
  /** computeSearchKeys (pinyin-pro) for every snippet, as the worker does when snippets are saved. */
  keysMs: number;
  buildMs: number;
  fuseIndexMs: number;
  /** Ours: samples[round][query] in ms, one searchSnippets call per keystroke query (after one untimed round). */
  samples: number[][];
  /** Fuse.js: one sample per query of `fuseQueries` (indices into queries), one round (after one untimed query). */
  fuseSamples: number[];
  /** Hits per query, ours and Fuse.js (limit 20): a sanity check that both search the same thing. */
  hits: number[];
  fuseHits: number[];
}

let corpus: (SyntheticSnippet & { keys: SnippetSearchKeys })[] | null = null;
let corpusKeysMs = 0;

/** The fixed synthetic library with its search keys, computed here once (pinyin-pro, as in the worker). */
function snippetCorpus(count: number, now: number) {
  if (!corpus || corpus.length !== count) {
    const t0 = performance.now();
    corpus = syntheticSnippets(count, now).map((s) => ({ ...s, keys: computeSearchKeys(s) }));
    corpusKeysMs = performance.now() - t0;
  }
  return corpus;
}

/**
 * Each query is what the search box holds after one keystroke (the caller passes every prefix of each typed word).
 * Ours: the real buildSnippetIndex + searchSnippets (default limit 20, as the unit speed test), one untimed round to
 * warm the JIT (a content script lives long), then `rounds` timed rounds over every query. Fuse.js: same corpus, keys
 * title, tags, keys.pinyin, keys.initials, threshold 0.4, limit 20, only the `fuseQueries` sample (it is slow).
 */
async function snippetSearch(options: { count: number; now: number; queries: string[]; rounds: number; fuseQueries: number[] }): Promise<SnippetSearchTiming> {
  const { count, now, queries, rounds, fuseQueries } = options;
  const library = snippetCorpus(count, now);
  const t0 = performance.now();
  const index = buildSnippetIndex(library);
  const buildMs = performance.now() - t0;
  const hits = queries.map((q) => searchSnippets(index, q, { now }).length);
  const samples: number[][] = [];
  for (let round = 0; round < rounds; round++) {
    const times: number[] = [];
    for (const query of queries) {
      const started = performance.now();
      searchSnippets(index, query, { now });
      times.push(performance.now() - started);
    }
    samples.push(times);
  }

  const t1 = performance.now();
  const fuse = new Fuse(library, { keys: ['title', 'tags', 'keys.pinyin', 'keys.initials'], threshold: 0.4 });
  const fuseIndexMs = performance.now() - t1;
  fuse.search(queries[fuseQueries[0] ?? 0] ?? '', { limit: 20 });
  const fuseSamples: number[] = [];
  const fuseHits: number[] = [];
  for (const n of fuseQueries) {
    const started = performance.now();
    const found = fuse.search(queries[n] ?? '', { limit: 20 });
    fuseSamples.push(performance.now() - started);
    fuseHits.push(found.length);
  }
  return { size: library.length, keysMs: corpusKeysMs, buildMs, fuseIndexMs, samples, fuseSamples, hits, fuseHits };
}

/**
 * Replaces the stored snippet library with the synthetic one (ids s0…, stored shape as the worker saves it, keys
 * computed here), straight into IndexedDB as the options page's import does for stock. A content script started
 * afterwards loads it with snippets.all. Returns how many snippets the store holds.
 */
async function storeSnippetCorpus(count: number, now: number): Promise<number> {
  const library = snippetCorpus(count, now);
  const db = await getDb();
  const tx = db.transaction('snippets', 'readwrite');
  await tx.store.clear();
  library.forEach((s, order) => {
    const snippet: Snippet = { ...s, origin: 'local', order, updatedAt: now };
    void tx.store.put(snippet);
  });
  await tx.done;
  return db.count('snippets');
}

const api = { importFromUrl, baselineFromUrl, countBaseline, lookup, ping, forgetRecentCodes, snippetSearch, storeSnippetCorpus };

declare global {
  interface Window {
    xiaoerBench: typeof api;
  }
}

window.xiaoerBench = api;
document.title = '店小二 bench ready';
