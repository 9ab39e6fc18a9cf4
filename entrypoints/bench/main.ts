import { getDb } from '@/utils/db/open-db';
import { importStock } from '@/utils/stock/stock-store';
/**
 * Bench-only extension page (bench.html). Built only when XIAOER_BENCH=1 (see the hook in wxt.config.ts), never
 * shipped. It runs the real import and lookup code in an extension page, as the options page does in production,
 * and exposes async functions on window.xiaoerBench for test/bench/run-bench.mjs to call with page.evaluate.
 * Every timing is performance.now() in this page, in milliseconds.
 */
import { openDB, unwrap } from 'idb';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { decodeBytes } from '@/utils/stock-import/decode';
import { parseDelimited } from '@/utils/stock-import/table';
import { describeTableProblems, readStockTable } from '@/utils/stock/read-stock-table';

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

/** The production path: decodeBytes → parseDelimited → readStockTable → importStock (one transaction) → stock.changed. */
async function importFromUrl(url: string, sourceId?: string): Promise<ImportTiming> {
  const { bytes, ms: fetchMs } = await fetchBytes(url);
  const t0 = performance.now();
  const { text } = decodeBytes(bytes);
  const t1 = performance.now();
  const { rows, lines } = parseDelimited(text);
  const t2 = performance.now();
  const table = readStockTable(rows, lines);
  const problem = describeTableProblems(table);
  if (problem) throw new Error(`The bench file does not import: ${problem}`);
  const t3 = performance.now();
  const saved = await importStock(await getDb(), { sourceId, kind: 'file', name: 'bench-100k', mapping: table.mapping }, table.records, 'replace');
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

/** One stock.lookup round trip, timed from sending to the reply in this page. */
async function lookup(codes: string[]): Promise<LookupTiming> {
  const t0 = performance.now();
  const hits = await sendToWorker({ type: 'stock.lookup', codes });
  const ms = performance.now() - t0;
  return { ms, hits: Object.keys(hits).length };
}

async function ping(): Promise<unknown> {
  return sendToWorker({ type: 'ping' });
}

const api = { importFromUrl, baselineFromUrl, countBaseline, lookup, ping };

declare global {
  interface Window {
    xiaoerBench: typeof api;
  }
}

window.xiaoerBench = api;
document.title = '店小二 bench ready';
