import { afterEach, describe, expect, it, vi } from 'vitest';
import { syncPack } from '@/entrypoints/background/pack-feeds';
import { getDb } from '@/utils/db/open-db';
import { validatePack } from '@/utils/packs/pack-format';
import { applyPack, getPack } from '@/utils/packs/pack-store';

const v1 = validatePack({
  format: 'xiaoer-snippet-pack', formatVersion: 1, id: 'feed-team', name: '团队', version: 1, updatedAt: '2026-11-20T08:00:00Z',
  snippets: [{ id: 'a', title: '欢迎', body: '亲', category: '欢迎', tags: [] }],
});
const URL_ = 'https://packs.example.com/team.json';
const serve = (body: unknown, init: ResponseInit = {}) =>
  vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200, ...init }));

describe('pack subscriptions (worker refresh)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps a newer version as pending, sends validators, and never applies it by itself', async () => {
    const db = await getDb();
    await applyPack(db, v1, [], { url: URL_, intervalMinutes: 60, etag: '"one"' });
    const fetchSpy = serve({ ...v1, version: 2, snippets: [{ ...v1.snippets[0], body: '亲，您好' }] }, { headers: { etag: '"two"' } });
    expect(await syncPack('feed-team')).toEqual({ packId: 'feed-team', status: 'pending' });
    expect(new Headers(fetchSpy.mock.calls[0]![1]!.headers).get('if-none-match')).toBe('"one"');
    const record = await getPack(db, 'feed-team');
    expect(record).toMatchObject({ version: 1, etag: '"two"', pending: { version: 2 }, failures: 0 });
    expect((await db.get('snippets', 'feed-team:a'))?.body).toBe('亲');
  });

  it('answers unchanged on a 304 or the same content', async () => {
    const db = await getDb();
    await applyPack(db, v1, [], { url: URL_, intervalMinutes: 60 });
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 304 }));
    expect((await syncPack('feed-team')).status).toBe('unchanged');
    vi.restoreAllMocks();
    serve(v1);
    expect((await syncPack('feed-team')).status).toBe('unchanged');
    expect((await getPack(db, 'feed-team'))?.pending).toBeUndefined();
  });

  it('records a failure with backoff, and refuses another pack at the URL', async () => {
    const db = await getDb();
    await applyPack(db, v1, [], { url: URL_, intervalMinutes: 60 });
    serve({ ...v1, id: 'someone-else' });
    const started = Date.now();
    expect(await syncPack('feed-team')).toMatchObject({ status: 'failed', error: '网址返回的是另一个话术包（id “someone-else”，应为 “feed-team”）' });
    vi.restoreAllMocks();
    serve('<html>login</html>', { status: 500 });
    expect(await syncPack('feed-team')).toMatchObject({ status: 'failed', error: '话术包返回 HTTP 500' });
    const record = await getPack(db, 'feed-team');
    expect(record?.failures).toBe(2);
    // Two failures in a row: the interval × 2².
    expect(record!.nextSyncAt! - started).toBeGreaterThanOrEqual(4 * 60 * 60_000 - 1000);
    expect(record?.lastError).toBe('话术包返回 HTTP 500');
    expect(record?.base).toEqual(v1.snippets);
  });
});
