import { describe, expect, it } from 'vitest';
import { BUILTIN_ADAPTERS, BUILTIN_CONSOLE_MATCHES } from '@/utils/adapters/builtin';
import { demoConsoleAdapter } from '@/utils/adapters/builtin/demo-console';
import { EXAMPLE_ADAPTER } from '@/utils/adapters/custom/adapter-example';
import { parseCustomAdapter, parseCustomAdapterText } from '@/utils/adapters/custom/custom-adapter-parse';
import {
  customAdaptersItem,
  deleteCustomAdapter,
  listCustomAdapters,
  replaceCustomAdapters,
  saveCustomAdapter,
} from '@/utils/adapters/custom/custom-adapter-store';
import { customAdapters } from '@/utils/adapters/custom/custom-adapters-api';
import { customHostPatterns } from '@/utils/adapters/custom/content-script-registration';
import { customPatternProblem, originOf, patternCovers, uncoveredPatterns } from '@/utils/adapters/host-coverage';
import { selectPages } from '@/utils/adapters/select-page';

const local = { ...demoConsoleAdapter, id: 'local-shop', name: '本机店铺', matches: ['http://localhost/*'] };

describe('host coverage', () => {
  it('knows which patterns the built-in hosts already cover', () => {
    expect(patternCovers('https://*.taobao.com/*', 'https://myseller.taobao.com/*')).toBe(true);
    expect(patternCovers('https://*.taobao.com/*', 'https://*.myseller.taobao.com/*')).toBe(true);
    expect(patternCovers('https://myseller.taobao.com/*', 'https://*.taobao.com/*')).toBe(false);
    expect(patternCovers('https://myseller.taobao.com/*', 'http://myseller.taobao.com/*')).toBe(false);
    expect(patternCovers('*://a.com/*', 'https://a.com/x/*')).toBe(true);
    expect(patternCovers('https://evil-taobao.com/*', 'https://taobao.com/*')).toBe(false);
    expect(uncoveredPatterns(['https://mms.pinduoduo.com/chat/*', 'https://seller.example.com/*'], BUILTIN_CONSOLE_MATCHES)).toEqual([
      'https://seller.example.com/*',
    ]);
    expect(originOf('https://seller.example.com/chat/*')).toBe('https://seller.example.com/*');
  });

  it('lets custom adapters name https hosts, or http on this machine only, never every host', () => {
    expect(customPatternProblem('https://seller.example.com/*')).toBeNull();
    expect(customPatternProblem('http://localhost/*')).toBeNull();
    expect(customPatternProblem('http://127.0.0.1/*')).toBeNull();
    expect(customPatternProblem('http://seller.example.com/*')).toMatch(/https/);
    expect(customPatternProblem('https://*/*')).toMatch(/host/);
    expect(customPatternProblem('*://seller.example.com/*')).toMatch(/https/);
  });

  it('registers only hosts the built-in ones do not cover', () => {
    const override = { ...demoConsoleAdapter, id: 'pdd-fix', matches: ['https://mms.pinduoduo.com/*'] };
    expect(customHostPatterns([override, local])).toEqual(['http://localhost/*']);
  });
});

describe('custom adapter validation', () => {
  it('accepts the documented example and the demo adapter moved to localhost', () => {
    expect(parseCustomAdapter(EXAMPLE_ADAPTER)).toEqual({ ok: true, adapter: EXAMPLE_ADAPTER });
    expect(parseCustomAdapterText(JSON.stringify(local)).ok).toBe(true);
  });

  it('names every bad field by its path', () => {
    const bad = {
      ...EXAMPLE_ADAPTER,
      id: 'Has Spaces',
      formatVersion: 2,
      pages: [{ kind: 'chat', path: '(', parts: { replyBox: { selector: 'textarea' }, message: { selector: '.m', within: 'list' } } }],
    };
    const parsed = parseCustomAdapter(bad);
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^formatVersion: /),
        expect.stringMatching(/^id: use lower-case letters/),
        expect.stringMatching(/^pages\.0\.path: is not a valid regular expression/),
      ]),
    );
    // Host problems come in the same list as the schema's.
    const both = parseCustomAdapter({ ...EXAMPLE_ADAPTER, name: '', matches: ['http://shop.example.com/*'] });
    expect(both.ok ? [] : both.errors).toEqual([expect.stringMatching(/^name: /), 'matches.0: use https (http only for localhost or 127.0.0.1)']);
  });

  it('reports schema problems after the shape is right, and refuses plain http hosts', () => {
    const unknownPart = parseCustomAdapter({ ...EXAMPLE_ADAPTER, pages: [{ kind: 'chat', path: '^/', parts: { replyBox: { selector: 'x' } } }] });
    expect(unknownPart).toEqual({ ok: false, errors: [expect.stringMatching(/^pages\.0\.parts\.replyBox: unknown part "replyBox"/)] });
    expect(parseCustomAdapter({ ...EXAMPLE_ADAPTER, matches: ['https://ok.example.com/*', 'http://shop.example.com/*'] })).toEqual({
      ok: false,
      errors: ['matches.1: use https (http only for localhost or 127.0.0.1)'],
    });
  });

  it('says where pasted JSON is broken', () => {
    const parsed = parseCustomAdapterText('{"format": "xiaoer-adapter",');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0]).toMatch(/^JSON: /);
  });
});

describe('custom adapter store', () => {
  it('adds, replaces by id, deletes, and refuses an invalid adapter without changing anything', async () => {
    await saveCustomAdapter(local);
    await saveCustomAdapter(EXAMPLE_ADAPTER);
    await saveCustomAdapter({ ...local, version: 2 });
    expect((await listCustomAdapters()).map((a) => [a.id, a.version])).toEqual([
      ['my-shop-console', 1],
      ['local-shop', 2],
    ]);
    await expect(saveCustomAdapter({ ...local, name: '' })).rejects.toThrow(/^name: /);
    expect(await listCustomAdapters()).toHaveLength(2);
    expect((await deleteCustomAdapter('local-shop'))?.id).toBe('local-shop');
    expect(await deleteCustomAdapter('local-shop')).toBeNull();
    expect((await listCustomAdapters()).map((a) => a.id)).toEqual(['my-shop-console']);
  });

  it('never runs a stored entry that no longer validates (storage edited by hand)', async () => {
    await customAdaptersItem.setValue([local, { ...local, id: 'broken', pages: [] }, 'junk']);
    expect((await listCustomAdapters()).map((a) => a.id)).toEqual(['local-shop']);
  });

  it('backup: export gives the stored adapters; restore replaces them whole, or changes nothing', async () => {
    await saveCustomAdapter(local);
    const exported = await customAdapters.export();
    expect(exported).toEqual([local]);
    await expect(customAdapters.restore([EXAMPLE_ADAPTER, { ...local, matches: ['ftp://x/*'] }])).rejects.toThrow(/^customAdapters\.1\.matches\.0: /);
    await expect(customAdapters.restore([local, local])).rejects.toThrow(/appears twice/);
    await expect(customAdapters.restore({ not: 'a list' })).rejects.toThrow(/list/);
    expect(await customAdapters.export()).toEqual([local]);
    // The replacement itself (restore then re-syncs the runtime content script, tested end to end).
    expect(await replaceCustomAdapters(JSON.parse(JSON.stringify([EXAMPLE_ADAPTER])))).toEqual([EXAMPLE_ADAPTER]);
    expect(await customAdapters.export()).toEqual([EXAMPLE_ADAPTER]);
  });
});

describe('custom adapters override built-ins', () => {
  it('a custom adapter listed first wins for the pages it describes; the built-in keeps the rest', () => {
    const chatOnly = { ...demoConsoleAdapter, id: 'demo-chat-fix', name: '修正版', pages: [demoConsoleAdapter.pages[2]!] };
    const adapters = [chatOnly, demoConsoleAdapter, ...BUILTIN_ADAPTERS]; // as in the demo build
    expect(selectPages(adapters, 'http://127.0.0.1:9/console/chat')?.adapter.id).toBe('demo-chat-fix');
    expect(selectPages(adapters, 'http://127.0.0.1:9/console/items')?.adapter.id).toBe('demo-console');
  });
});

describe('stored adapters as a console tab reads them', () => {
  it('keeps valid entries and skips anything that would break selection', async () => {
    const { storedAdapters } = await import('@/utils/adapters/custom/stored-adapters');
    const badPath = { ...local, id: 'bad-path', pages: [{ ...local.pages[0]!, path: '(' }] };
    const badMatch = { ...local, id: 'bad-match', matches: ['nonsense'] };
    const badKind = { ...local, id: 'bad-kind', pages: [{ ...local.pages[0]!, kind: 'cart' }] };
    expect(storedAdapters([local, badPath, badMatch, badKind, null, 'x']).map((a) => a.id)).toEqual(['local-shop']);
    expect(storedAdapters('not a list')).toEqual([]);
  });
});
