import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchFeed } from '@/utils/feeds/fetch-feed';

/**
 * A fake network that behaves like fetch in an MV3 service worker: `redirect: 'follow'` (the default) follows 3xx
 * and sends the same request headers to every hop; `redirect: 'manual'` answers an opaque redirect (status 0, no
 * Location) — the worker cannot read where it points.
 */
type Route = { status: number; location?: string; body?: string };
function fakeNetwork(routes: Record<string, Route>, manual: 'opaque' | 'readable' = 'opaque') {
  const seen: { url: string; auth: string | null }[] = [];
  const answer = (url: string, route: Route) => {
    const response = new Response(route.body ?? null, { status: route.status === 0 ? 200 : route.status });
    Object.defineProperty(response, 'url', { value: url });
    return response;
  };
  const fake = async (input: string, init: RequestInit = {}) => {
    let url = input;
    for (let hop = 0; hop < 10; hop++) {
      const route = routes[url];
      const headers = new Headers(init.headers);
      seen.push({ url, auth: headers.get('x-token') });
      if (!route) return answer(url, { status: 404 });
      if (!route.location) return answer(url, route);
      if (init.redirect === 'error') throw new TypeError('Failed to fetch');
      if (init.redirect === 'manual' && manual === 'readable') {
        return new Response(null, { status: route.status, headers: { location: route.location } });
      }
      if (init.redirect === 'manual') {
        const opaque = new Response(null, { status: 200 });
        Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
        Object.defineProperty(opaque, 'status', { value: 0 });
        Object.defineProperty(opaque, 'ok', { value: false });
        Object.defineProperty(opaque, 'url', { value: url });
        return opaque;
      }
      url = new URL(route.location, url).href;
    }
    throw new TypeError('too many redirects');
  };
  vi.stubGlobal('fetch', vi.fn(fake));
  return seen;
}

const options = { maxBytes: 1024, timeoutMs: 5000, accept: '*/*', label: '数据源', headers: { 'x-token': 'secret' } };

describe('feed redirects', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('never sends the auth header to another host', async () => {
    const seen = fakeNetwork({
      'https://erp.example/stock.json': { status: 302, location: 'https://evil.example/collect' },
      'https://evil.example/collect': { status: 200, body: '{}' },
    });
    await expect(fetchFeed('https://erp.example/stock.json', options)).rejects.toThrow('数据源重定向到其他网址 https://evil.example/collect，已拒绝');
    expect(seen.filter((r) => r.url.startsWith('https://evil.example')).map((r) => r.auth)).not.toContain('secret');
  });

  it('never follows an https feed down to http', async () => {
    const seen = fakeNetwork({
      'https://erp.example/stock.json': { status: 301, location: 'http://erp.example/stock.json' },
      'http://erp.example/stock.json': { status: 200, body: '{}' },
    });
    await expect(fetchFeed('https://erp.example/stock.json', options)).rejects.toThrow('http://erp.example/stock.json');
    expect(seen.filter((r) => r.url.startsWith('http:')).map((r) => r.auth)).not.toContain('secret');
  });

  it('follows a redirect on the same origin, with the header', async () => {
    const seen = fakeNetwork({
      'https://erp.example/stock.json': { status: 302, location: '/v2/stock.json' },
      'https://erp.example/v2/stock.json': { status: 200, body: '{"ok":1}' },
    });
    const result = await fetchFeed('https://erp.example/stock.json', options);
    expect(result.status).toBe('ok');
    expect(new TextDecoder().decode((result as { bytes: Uint8Array }).bytes)).toBe('{"ok":1}');
    expect(seen.at(-1)).toEqual({ url: 'https://erp.example/v2/stock.json', auth: 'secret' });
  });

  it('gives up after a few hops', async () => {
    const loop = { 'https://erp.example/a': { status: 302, location: '/b' }, 'https://erp.example/b': { status: 302, location: '/a' } };
    fakeNetwork(loop, 'readable');
    await expect(fetchFeed('https://erp.example/a', options)).rejects.toThrow('数据源重定向次数过多');
    fakeNetwork(loop, 'opaque');
    await expect(fetchFeed('https://erp.example/a', options)).rejects.toThrow('数据源重定向');
  });

  it('reads the target where the runtime shows it (Location of a 3xx)', async () => {
    const seen = fakeNetwork({
      'https://erp.example/stock.json': { status: 307, location: 'https://evil.example/collect' },
      'https://evil.example/collect': { status: 200, body: '{}' },
    }, 'readable');
    await expect(fetchFeed('https://erp.example/stock.json', options)).rejects.toThrow('https://evil.example/collect');
    expect(seen.map((r) => r.url)).toEqual(['https://erp.example/stock.json']);
  });
});
