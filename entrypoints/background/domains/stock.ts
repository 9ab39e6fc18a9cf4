import { getDb } from '@/utils/db/open-db';
import type { StockSource } from '@/utils/db/schema';
import { stockRequests } from '@/utils/messaging/domains/stock';
import { newId } from '@/utils/new-id';
import { recentCodes, rememberCodes } from '@/utils/stock/recent-codes';
import { invalidateStockIndex, lookupAvailable, lookupStock } from '@/utils/stock/stock-index';
import { deleteStockSource } from '@/utils/stock/stock-store';
import { broadcast } from '../broadcast';
import { defineHandlers } from '../define-handlers';
import { assertMayFetch } from '../fetch-permission';
import { consoleHost } from '../sender-host';
import { ensureFeedAlarm } from '../feed-schedule';
import { syncFeed, syncFeeds } from '../stock-feeds';

export const stockHandlers = defineHandlers(stockRequests, {
  async 'sources.list'() {
    return (await (await getDb()).getAll('sources')).map(withoutSecrets);
  },
  async 'sources.delete'(request) {
    await deleteStockSource(await getDb(), request.id);
    stockChanged();
    return null;
  },
  async 'sources.sync'(request) {
    return syncFeeds({ force: true, only: request.id });
  },
  async 'sources.saveFeed'(request) {
    await assertMayFetch(request.url);
    const db = await getDb();
    const previous = request.id ? await db.get('sources', request.id) : undefined;
    const authHeader =
      request.authHeader && (request.authHeader.value || previous?.authHeader?.value)
        ? { name: request.authHeader.name, value: request.authHeader.value || previous!.authHeader!.value }
        : undefined;
    const changedUrl = previous?.url !== request.url;
    const source: StockSource = {
      ...previous,
      id: previous?.id ?? newId('feed'),
      kind: 'url',
      name: request.name,
      url: request.url,
      intervalMinutes: request.intervalMinutes,
      mode: request.mode,
      mapping: request.mapping ?? previous?.mapping,
      authHeader,
      // A new URL must not answer 304 against the old one's validators.
      etag: changedUrl ? undefined : previous?.etag,
      lastModified: changedUrl ? undefined : previous?.lastModified,
      nextSyncAt: 0,
    };
    await db.put('sources', source);
    await ensureFeedAlarm();
    const outcome = await syncFeed(source.id);
    return { source: withoutSecrets((await db.get('sources', source.id)) ?? source), outcome };
  },
  async 'stock.changed'() {
    stockChanged();
    return null;
  },
  async 'stock.lookup'(request, sender) {
    const host = consoleHost(sender);
    if (host) rememberCodes(host, request.codes).catch(() => {});
    return lookupAvailable(await getDb(), request.codes);
  },
  async 'stock.recent'(_request, sender) {
    const host = consoleHost(sender);
    const codes = host ? await recentCodes(host) : [];
    return { codes, reply: await lookupAvailable(await getDb(), codes) };
  },
  async 'stock.detail'(request) {
    const hits = await lookupStock(await getDb(), [request.code]);
    return Object.values(hits)[0] ?? null;
  },
});

/** Stock changed: drop the lookup cache and tell open tabs and pages. */
function stockChanged(): void {
  invalidateStockIndex();
  void broadcast('stock-changed');
  void broadcast('sources-changed');
}

/** Sources as our pages see them: the auth header's value never leaves the worker. */
function withoutSecrets(source: StockSource): StockSource {
  return source.authHeader ? { ...source, authHeader: { name: source.authHeader.name, value: '' } } : source;
}
