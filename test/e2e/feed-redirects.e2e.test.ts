import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer } from './feed-server';
import { sendFromPage, startHarness, type Harness } from './harness';

/**
 * What the worker really does with a redirect in Chromium: the feed's host (127.0.0.1, granted in the demo build
 * for every port) sends it on to another origin (another port), which would receive the auth header if followed.
 */
describe('feed redirects in the worker', () => {
  let h: Harness;
  let feed: Awaited<ReturnType<typeof startFeedServer>>;
  let elsewhere: Awaited<ReturnType<typeof startFeedServer>>;
  const body = JSON.stringify({ items: [{ 商家编码: 'XE-1001', 可用库存: 321, 仓库: '云仓' }] });

  beforeAll(async () => {
    h = await startHarness();
    feed = await startFeedServer();
    elsewhere = await startFeedServer();
    elsewhere.respond((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  });
  afterAll(async () => {
    await h?.close();
    await feed?.close();
    await elsewhere?.close();
  });

  const save = async (url: string) => {
    const options = await h.openExtensionPage('options.html#stock');
    const reply = await sendFromPage(options, {
      type: 'sources.saveFeed',
      name: '跳转测试',
      url,
      intervalMinutes: 60,
      mode: 'merge',
      authHeader: { name: 'X-Token', value: 'secret-token' },
    });
    await options.close();
    return reply;
  };

  it('refuses a redirect to another origin, names it, and the other origin never sees the header', async () => {
    feed.respond((_req, res) => res.writeHead(302, { location: elsewhere.url }).end());
    const reply = await save(feed.url);
    expect(reply.ok).toBe(true);
    expect(reply.data.outcome).toMatchObject({ status: 'failed', error: `数据源重定向到其他网址 ${elsewhere.url}，已拒绝（只跟随同一网站内的重定向）` });
    // The sync has answered: every request the other origin got (the worker's probe for the target) came bare.
    expect(elsewhere.requests.map((r) => r['x-token'])).not.toContain('secret-token');
    // Chromium's worker sees an opaque redirect (no Location): the bare probe to the feed's own URL finds the target.
    expect(feed.requests.map((r) => r['x-token'])).toEqual(['secret-token', undefined]);
  });

  it('follows a redirect within the same origin, with the header', async () => {
    feed.respond((req, res) => {
      if (req.url === '/stock.json') return res.writeHead(302, { location: '/v2/stock.json' }).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    const reply = await save(feed.url);
    expect(reply.data.outcome).toMatchObject({ status: 'updated' });
    const last = feed.requests.at(-1)!;
    expect(last['x-token']).toBe('secret-token');
  });
});
