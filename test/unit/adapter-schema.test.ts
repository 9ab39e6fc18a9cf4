import { describe, expect, it } from 'vitest';
import { parseAdapter } from '@/utils/adapters/adapter-schema';
import { BUILTIN_ADAPTERS, CONSOLE_ADAPTERS } from '@/utils/adapters/builtin';
import { demoConsoleAdapter } from '@/utils/adapters/builtin/demo-console';
import { selectPage } from '@/utils/adapters/select-page';

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
    expect(selectPage(BUILTIN_ADAPTERS, 'http://127.0.0.1:5317/console/items?page=2')?.page.kind).toBe('items');
    expect(selectPage(BUILTIN_ADAPTERS, 'http://127.0.0.1:80/console/orders')?.page.kind).toBe('orders');
    expect(selectPage(BUILTIN_ADAPTERS, 'http://localhost:80/console/orders')).toBeNull();
    expect(selectPage(BUILTIN_ADAPTERS, 'http://127.0.0.1:9/console/chat?editor=rich')?.page.kind).toBe('chat');
    expect(selectPage(BUILTIN_ADAPTERS, 'http://127.0.0.1:9/somewhere-else')).toBeNull();
    expect(selectPage(BUILTIN_ADAPTERS, 'https://example.com/console/items')).toBeNull();
    expect(selectPage(BUILTIN_ADAPTERS, 'not a url')).toBeNull();
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
