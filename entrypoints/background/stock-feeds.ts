import { getDb } from '@/utils/db/open-db';
import { appendLog } from '@/utils/log/event-log';
import { describeError } from '@/utils/runtime/log-reporter';
import { nextSyncDelayMinutes } from '@/utils/stock/backoff';
import { fetchFeed } from '@/utils/feeds/fetch-feed';
import type { FeedOutcome } from '@/utils/stock/feed-outcome';
import { describeTableProblems, readStockTable } from '@/utils/stock/read-stock-table';
import { commitStock } from '@/utils/stock/stock-store';
import { invalidateStockIndex } from '@/utils/stock/stock-index';
import { decodeBytes } from '@/utils/stock-import/decode';
import { parseFeedBody } from '@/utils/stock-import/feed';
import { broadcast } from './broadcast';
import { clock } from '@/utils/clock';

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
  const now = clock.now();
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
    const fetched = await fetchFeed(source.url, {
      accept: 'application/json, text/csv;q=0.9, */*;q=0.5',
      etag: source.etag,
      lastModified: source.lastModified,
      headers: source.authHeader ? { [source.authHeader.name]: source.authHeader.value } : undefined,
      maxBytes: MAX_FEED_BYTES,
      timeoutMs: FEED_TIMEOUT_MS,
      label: '数据源',
    });
    if (fetched.status === 'unchanged') {
      await db.put('sources', { ...source, failures: 0, lastError: undefined, nextSyncAt: clock.now() + interval * 60_000 });
      void broadcast('sources-changed');
      return { sourceId, status: 'unchanged' };
    }
    const { bytes } = fetched;
    const { rows, lines } = parseFeedBody(decodeBytes(bytes).text, fetched.contentType);
    // rows[0] is the header, as in a file.
    const table = readStockTable(rows, lines, source.mapping ?? undefined);
    const problem = describeTableProblems(table);
    if (problem) throw new Error(`数据源的内容无法导入：${problem}`);
    const saved = await commitStock(db, {
      ...source,
      ...fetched.validators,
    }, table.records, source.mode);
    await db.put('sources', { ...saved, nextSyncAt: clock.now() + interval * 60_000 });
    invalidateStockIndex();
    void broadcast('stock-changed');
    void broadcast('sources-changed');
    return { sourceId, status: 'updated', rows: table.records.length };
  } catch (error) {
    const message = describeError(error).replace(/^Error: /, '');
    const failures = (source.failures ?? 0) + 1;
    // Re-read: keep whatever else changed meanwhile, touch only the sync bookkeeping.
    const latest = (await db.get('sources', sourceId)) ?? source;
    await db.put('sources', { ...latest, failures, lastError: message, nextSyncAt: clock.now() + nextSyncDelayMinutes(interval, failures) * 60_000 });
    await appendLog(db, { at: clock.now(), level: 'warn', scope: 'stock-feed', message: `${source.name}: ${message}` });
    void broadcast('sources-changed');
    return { sourceId, status: 'failed', error: message };
  }
}
