import { afterEach, describe, expect, it, vi } from 'vitest';
import { syncFeed, syncFeeds } from '@/entrypoints/background/stock-feeds';
import { getDb } from '@/utils/db/open-db';
import type { StockSource } from '@/utils/db/schema';

const source: StockSource = { id: 'url-1', kind: 'url', name: '云仓', mode: 'replace', url: 'https://erp.example/stock.json', intervalMinutes: 15, etag: '"v1"' };
const body = JSON.stringify({ items: [{ 商家编码: 'XE-1001', 可用库存: 7 }] });

/** A feed that answers only when the test says so, so that something can happen while it runs. */
function slowFeed() {
  const waiting: ((response: Response) => void)[] = [];
  let answered: (() => Response) | undefined;
  // Once answered, later requests get the same answer at once.
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(() => new Promise<Response>((resolve) => (answered ? resolve(answered()) : waiting.push(resolve))));
  const started = () => vi.waitFor(() => expect(waiting.length).toBeGreaterThan(0));
  const answer = (response: () => Response) => {
    answered = response;
    waiting.splice(0).forEach((resolve) => resolve(response()));
  };
  return { spy, started, answer };
}

describe('feed syncs never overlap nor write back a stale record', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs one sync per record at a time: the alarm joins the sync already running', async () => {
    const db = await getDb();
    await db.put('sources', source);
    const feed = slowFeed();
    const first = syncFeed(source.id);
    await feed.started();
    const second = syncFeeds({ force: true });
    feed.answer(() => new Response('boom', { status: 500 }));
    await Promise.all([first, second]);
    expect(feed.spy).toHaveBeenCalledTimes(1);
    // One failed poll counts one failure.
    expect((await db.get('sources', source.id))?.failures).toBe(1);
  });

  it.each([
    ['unchanged (304)', () => new Response(null, { status: 304 })],
    ['updated', () => new Response(body, { status: 200, headers: { 'content-type': 'application/json', etag: '"v2"' } })],
    ['failed', () => new Response('boom', { status: 500 })],
  ])('keeps an edit made while the feed ran (%s)', async (_name, response) => {
    const db = await getDb();
    await db.put('sources', source);
    const feed = slowFeed();
    const sync = syncFeed(source.id);
    await feed.started();
    // The agent renames the feed and changes its interval meanwhile (what sources.saveFeed stores).
    await db.put('sources', { ...(await db.get('sources', source.id))!, name: '云仓（新）', intervalMinutes: 30 });
    feed.answer(response);
    await sync;
    expect(await db.get('sources', source.id)).toMatchObject({ name: '云仓（新）', intervalMinutes: 30 });
  });

  it('does not bring back a feed deleted while it ran', async () => {
    const db = await getDb();
    await db.put('sources', source);
    const feed = slowFeed();
    const sync = syncFeed(source.id);
    await feed.started();
    await db.delete('sources', source.id);
    feed.answer(() => new Response(null, { status: 304 }));
    await sync;
    expect(await db.get('sources', source.id)).toBeUndefined();
  });
});
