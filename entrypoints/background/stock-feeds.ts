import { fetchFeed } from '@/utils/feeds/fetch-feed';
import type { FeedOutcome } from '@/utils/stock/feed-outcome';
import { commitFeedStock } from '@/utils/stock/stock-store';
import { invalidateStockIndex } from '@/utils/stock/stock-index';
import { checkFeedBody } from '@/utils/stock-import/feed';
import { appendLog } from '@/utils/log/event-log';
import { clock } from '@/utils/clock';
import { broadcast } from './broadcast';
import { feedSchedule } from './feed-schedule';
import { patchRecord } from './patch-record';

/** A feed larger than this is refused (and read no further): no ERP stock list needs more. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
const FEED_TIMEOUT_MS = 30_000;
/** The log scope of stock feeds: the schedule's failure lines and the warnings below. */
const LOG_SCOPE = 'stock-feed';

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
  logScope: LOG_SCOPE,
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
      await patchRecord(db, 'sources', sourceId, succeeded);
      return { sourceId, status: 'unchanged' };
    }
    // The checks of a file import (utils/stock-import/check.ts): an error keeps the previous stock (the schedule records
    // why, for the popup and options); warnings do not block a feed, nobody is there to say "import anyway", so what
    // was dropped is kept on the source and logged.
    const { check, error, warning } = checkFeedBody(fetched.bytes, fetched.contentType, source.mapping ?? undefined);
    if (error) throw new Error(error);
    await commitFeedStock(db, sourceId, { ...fetched.validators, lastWarning: warning ?? undefined, ...succeeded() }, check.records, source.mode);
    if (warning) await appendLog(db, { at: clock.now(), level: 'warn', scope: LOG_SCOPE, message: `${source.name}: ${warning}` });
    invalidateStockIndex();
    void broadcast('stock-changed');
    return { sourceId, status: 'updated', rows: check.records.length };
  },
});

/** Polls the feeds that are due (all feeds with `force`, for "sync now"), one after another. */
export const syncFeeds = stockFeeds.syncDue;

/** Polls one feed now. */
export const syncFeed = stockFeeds.syncOne;
