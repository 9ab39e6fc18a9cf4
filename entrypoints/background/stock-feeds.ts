import { fetchFeed } from '@/utils/feeds/fetch-feed';
import type { FeedOutcome } from '@/utils/stock/feed-outcome';
import { describeTableProblems, readStockTable } from '@/utils/stock/read-stock-table';
import { commitStock } from '@/utils/stock/stock-store';
import { invalidateStockIndex } from '@/utils/stock/stock-index';
import { decodeBytes } from '@/utils/stock-import/decode';
import { parseFeedBody } from '@/utils/stock-import/feed';
import { broadcast } from './broadcast';
import { feedSchedule } from './feed-schedule';

/** A feed larger than this is refused (and read no further): no ERP stock list needs more. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
const FEED_TIMEOUT_MS = 30_000;

/**
 * Stock feeds: each poll fetches the URL and commits the table whole, or records why not; the previous stock stays
 * intact on any failure.
 */
const stockFeeds = feedSchedule({
  store: 'sources',
  defaultIntervalMinutes: 15,
  polls: (source) => source.kind === 'url' && !!source.url,
  notPolled: (sourceId): FeedOutcome => ({ sourceId, status: 'failed', error: '没有这个网址数据源' }),
  failed: (sourceId, error): FeedOutcome => ({ sourceId, status: 'failed', error }),
  logScope: 'stock-feed',
  changed: 'sources-changed',
  async poll(source, succeeded, db): Promise<FeedOutcome> {
    const sourceId = source.id;
    const fetched = await fetchFeed(source.url!, {
      accept: 'application/json, text/csv;q=0.9, */*;q=0.5',
      etag: source.etag,
      lastModified: source.lastModified,
      headers: source.authHeader ? { [source.authHeader.name]: source.authHeader.value } : undefined,
      maxBytes: MAX_FEED_BYTES,
      timeoutMs: FEED_TIMEOUT_MS,
      label: '数据源',
    });
    if (fetched.status === 'unchanged') {
      await db.put('sources', { ...source, ...succeeded() });
      return { sourceId, status: 'unchanged' };
    }
    const { rows, lines } = parseFeedBody(decodeBytes(fetched.bytes).text, fetched.contentType);
    // rows[0] is the header, as in a file.
    const table = readStockTable(rows, lines, source.mapping ?? undefined);
    const problem = describeTableProblems(table);
    if (problem) throw new Error(`数据源的内容无法导入：${problem}`);
    const saved = await commitStock(db, { ...source, ...fetched.validators }, table.records, source.mode);
    await db.put('sources', { ...saved, ...succeeded() });
    invalidateStockIndex();
    void broadcast('stock-changed');
    return { sourceId, status: 'updated', rows: table.records.length };
  },
});

/** Polls the feeds that are due (all feeds with `force`, for "sync now"), one after another. */
export const syncFeeds = stockFeeds.syncDue;

/** Polls one feed now. */
export const syncFeed = stockFeeds.syncOne;
