import { describe, expect, it } from 'vitest';
import { parseAdapter } from '@/utils/adapters/adapter-schema';
import { BUILTIN_ADAPTERS, CONSOLE_ADAPTERS } from '@/utils/adapters/builtin';
import { demoConsoleAdapter } from '@/utils/adapters/builtin/demo-console';
import { selectPages } from '@/utils/adapters/select-page';

const clone = <T,>(value: T): T => structuredClone(value);

describe('adapter schema', () => {
  it('accepts every built-in adapter', () => {
    for (const adapter of BUILTIN_ADAPTERS) expect(parseAdapter(adapter)).toEqual({ ok: true, adapter });
  });

  it('names the field of each problem', () => {
    const bad = clone(demoConsoleAdapter) as unknown as Record<string, any>;
    bad.id = 'Has Spaces';
    bad.matches = ['not a pattern', 'https://*.taobao.com/*'];
    bad.pages[0].path = '([';
    bad.pages[0].parts.price = { selector: '.price' };
    bad.pages[0].parts.title.within = 'nowhere';
    bad.pages[1].parts.order.selector = '';
    bad.extra = true;
    const result = parseAdapter(bad);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        'id: use lower-case letters, digits and dashes',
        'matches.0: is not a match pattern like https://*.example.com/*',
        'pages.0.path: is not a valid regular expression',
        expect.stringMatching(/^pages\.0\.parts\.price: unknown part "price" for a items page; known: row, itemId/),
        'pages.0.parts.title.within: refers to part "nowhere", which this page does not define',
        expect.stringMatching(/^pages\.1\.parts\.order\.selector: /),
        expect.stringMatching(/^\(adapter\): .*extra/),
      ]),
    );
  });

  it('refuses a wrong format version and non-http patterns', () => {
    expect(parseAdapter({ ...demoConsoleAdapter, formatVersion: 2 }).ok).toBe(false);
    expect(parseAdapter({ ...demoConsoleAdapter, matches: ['file:///*'] }).ok).toBe(false);
    expect(parseAdapter('{}').ok).toBe(false);
  });
});

describe('page selection', () => {
  it('picks the page kind from host and path, ignoring the port', () => {
    // The demo build's adapters: the real consoles plus the demo console on 127.0.0.1.
    const BUILTIN_ADAPTERS = [demoConsoleAdapter, ...CONSOLE_ADAPTERS];
    expect(selectPages(BUILTIN_ADAPTERS, 'http://127.0.0.1:5317/console/items?page=2')?.pages.map((p) => p.kind).join()).toBe('items');
    expect(selectPages(BUILTIN_ADAPTERS, 'http://127.0.0.1:80/console/orders')?.pages.map((p) => p.kind).join()).toBe('orders');
    expect(selectPages(BUILTIN_ADAPTERS, 'http://localhost:80/console/orders')).toBeNull();
    expect(selectPages(BUILTIN_ADAPTERS, 'http://127.0.0.1:9/console/chat?editor=rich')?.pages.map((p) => p.kind).join()).toBe('chat');
    expect(selectPages(BUILTIN_ADAPTERS, 'http://127.0.0.1:9/somewhere-else')).toBeNull();
    expect(selectPages(BUILTIN_ADAPTERS, 'https://example.com/console/items')).toBeNull();
    expect(selectPages(BUILTIN_ADAPTERS, 'not a url')).toBeNull();
  });
});

describe('the release build', () => {
  it('ships the real consoles only: no demo console, no loopback host', async () => {
    const { BUILTIN_CONSOLE_MATCHES } = await import('@/utils/adapters/builtin');
    expect(BUILTIN_ADAPTERS.map((a) => a.id)).not.toContain('demo-console');
    expect(BUILTIN_ADAPTERS).toEqual(CONSOLE_ADAPTERS);
    expect(BUILTIN_CONSOLE_MATCHES.filter((m) => /127\.0\.0\.1|localhost/.test(m))).toEqual([]);
  });
});

describe('adapter schema: what to write instead', () => {
  const withMatches = (...matches: string[]) => parseAdapter({ ...clone(demoConsoleAdapter), matches });
  const errorsOf = (result: ReturnType<typeof parseAdapter>) => (result.ok ? [] : result.errors);

  it('a port, a missing path or scheme, a * inside the host: each error says the pattern to write', () => {
    expect(errorsOf(withMatches('http://127.0.0.1:5317/*'))).toEqual(['matches.0: a match pattern covers every port: write http://127.0.0.1/*']);
    expect(errorsOf(withMatches('https://shop.jd.com'))).toEqual(['matches.0: needs a path: write https://shop.jd.com/*']);
    expect(errorsOf(withMatches('*.taobao.com/*'))).toEqual(['matches.0: needs a scheme: write https://*.taobao.com/*']);
    expect(errorsOf(withMatches('https://www.*.com/*'))).toEqual(['matches.0: a * in the host may only stand first, before a dot: write https://*.com/*']);
    expect(errorsOf(withMatches('ftp://example.com/*'))).toEqual(['matches.0: only http and https pages can be consoles: write https://example.com/*']);
    expect(withMatches('http://127.0.0.1/*', 'https://*.taobao.com/*').ok).toBe(true);
  });

  it('":scope" and "column" need the container they are about', () => {
    const adapter = clone(demoConsoleAdapter) as unknown as Record<string, any>;
    adapter.pages[0].parts.itemId = { selector: ':scope', attribute: 'data-row-key' };
    adapter.pages[0].parts.pageStock = { selector: ':scope', column: '库存' };
    expect(errorsOf(parseAdapter(adapter))).toEqual([
      'pages.0.parts.itemId.selector: ":scope" means the container itself: set "within" to the part it is (e.g. "row")',
      'pages.0.parts.pageStock.selector: ":scope" means the container itself: set "within" to the part it is (e.g. "row")',
      'pages.0.parts.pageStock.column: a column is looked for in a table row: set "within" to the row part (e.g. "row" or "line")',
    ]);
    adapter.pages[0].parts.itemId.within = 'row';
    adapter.pages[0].parts.pageStock.within = 'row';
    expect(parseAdapter(adapter).ok).toBe(true);
  });
});

describe('page selection: a page is what it shows', () => {
  it('every page entry whose path fits contributes, in the adapter order; the first adapter with one wins', () => {
    const oneUrl = clone(demoConsoleAdapter);
    oneUrl.id = 'one-url';
    for (const page of oneUrl.pages) page.path = '^/app';
    const selection = selectPages([oneUrl, demoConsoleAdapter], 'http://127.0.0.1:9/app#/chat');
    expect(selection?.adapter.id).toBe('one-url');
    expect(selection?.pages.map((p) => p.kind)).toEqual(oneUrl.pages.map((p) => p.kind));
    expect(selectPages([oneUrl, demoConsoleAdapter], 'http://127.0.0.1:9/console/items')?.adapter.id).toBe('demo-console');
  });
});
