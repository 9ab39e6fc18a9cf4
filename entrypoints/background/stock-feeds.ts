import type { StockSource } from '@/utils/db/schema';
import { getDb } from '@/utils/db/open-db';
import { appendLog } from '@/utils/log/event-log';
import { describeError } from '@/utils/runtime/log-reporter';
import { nextSyncDelayMinutes } from '@/utils/stock/backoff';
import { feedUrlProblem } from '@/utils/stock/feed-url';
import type { FeedOutcome } from '@/utils/stock/feed-outcome';
import { describeTableProblems, readStockTable } from '@/utils/stock/read-stock-table';
import { commitStock } from '@/utils/stock/stock-store';
import { invalidateStockIndex } from '@/utils/stock/stock-index';
import { decodeBytes } from '@/utils/stock-import/decode';
import { parseFeedBody } from '@/utils/stock-import/feed';
import { broadcast } from './broadcast';

export const FEED_ALARM = 'stock-feeds';
/** A feed larger than this is refused (and read no further): no ERP stock list needs more. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
const FEED_TIMEOUT_MS = 30_000;

/** One alarm every minute checks which feeds are due; it survives worker restarts and needs no per-feed state. */
export async function ensureFeedAlarm(): Promise<void> {
  if (!(await browser.alarms.get(FEED_ALARM))) await browser.alarms.create(FEED_ALARM, { periodInMinutes: 1 });
}

/** Polls the feeds that are due (all feeds with `force`, for "sync now"), one after another. */
export async function syncFeeds({ force = false, only }: { force?: boolean; only?: string } = {}): Promise<FeedOutcome[]> {
  const now = Date.now();
  const sources = await (await getDb()).getAll('sources');
  const outcomes: FeedOutcome[] = [];
  for (const source of sources) {
    if (source.kind !== 'url' || (only && source.id !== only)) continue;
    if (force || (source.nextSyncAt ?? 0) <= now) outcomes.push(await syncFeed(source.id));
  }
  return outcomes;
}


/** Fetches one feed and commits it whole, or records why not; the previous stock stays intact on any failure. */
export async function syncFeed(sourceId: string): Promise<FeedOutcome> {
  const db = await getDb();
  const source = await db.get('sources', sourceId);
  if (!source || source.kind !== 'url' || !source.url) return { sourceId, status: 'failed', error: '没有这个网址数据源' };
  const interval = source.intervalMinutes ?? 15;
  try {
    const urlProblem = feedUrlProblem(source.url);
    if (urlProblem) throw new Error(urlProblem);
    const response = await fetch(source.url, { headers: requestHeaders(source), signal: AbortSignal.timeout(FEED_TIMEOUT_MS), cache: 'no-store' });
    if (response.status === 304) {
      await db.put('sources', { ...source, failures: 0, lastError: undefined, nextSyncAt: Date.now() + interval * 60_000 });
      void broadcast('sources-changed');
      return { sourceId, status: 'unchanged' };
    }
    if (!response.ok) throw new Error(`数据源返回 HTTP ${response.status}`);
    const bytes = await readCapped(response, MAX_FEED_BYTES);
    const { rows, lines } = parseFeedBody(decodeBytes(bytes).text, response.headers.get('content-type'));
    // rows[0] is the header, as in a file.
    const table = readStockTable(rows, lines, source.mapping ?? undefined);
    const problem = describeTableProblems(table);
    if (problem) throw new Error(`数据源的内容无法导入：${problem}`);
    const saved = await commitStock(db, {
      ...source,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    }, table.records, source.mode);
    await db.put('sources', { ...saved, nextSyncAt: Date.now() + interval * 60_000 });
    invalidateStockIndex();
    void broadcast('stock-changed');
    void broadcast('sources-changed');
    return { sourceId, status: 'updated', rows: table.records.length };
  } catch (error) {
    const message = error instanceof DOMException && error.name === 'TimeoutError' ? '数据源超时未响应' : describeError(error).replace(/^Error: /, '');
    const failures = (source.failures ?? 0) + 1;
    // Re-read: keep whatever else changed meanwhile, touch only the sync bookkeeping.
    const latest = (await db.get('sources', sourceId)) ?? source;
    await db.put('sources', { ...latest, failures, lastError: message, nextSyncAt: Date.now() + nextSyncDelayMinutes(interval, failures) * 60_000 });
    await appendLog(db, { at: Date.now(), level: 'warn', scope: 'stock-feed', message: `${source.name}: ${message}` });
    void broadcast('sources-changed');
    return { sourceId, status: 'failed', error: message };
  }
}

function requestHeaders(source: StockSource): Headers {
  const headers = new Headers({ accept: 'application/json, text/csv;q=0.9, */*;q=0.5' });
  if (source.etag) headers.set('if-none-match', source.etag);
  if (source.lastModified) headers.set('if-modified-since', source.lastModified);
  if (source.authHeader) headers.set(source.authHeader.name, source.authHeader.value);
  return headers;
}

/** Reads the body but stops (and fails) as soon as it passes `limit` bytes, whatever Content-Length claims. */
async function readCapped(response: Response, limit: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) throw new Error(`数据源内容过大（${formatMb(declared)}，上限 ${formatMb(limit)}）`);
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new Error(`数据源内容过大（超过 ${formatMb(limit)}）`);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

const formatMb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
