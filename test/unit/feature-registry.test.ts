import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { demoConsoleAdapter } from '@/utils/adapters/builtin/demo-console';
import type { PageSelection } from '@/utils/adapters/select-page';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';
import type { Feature } from '@/utils/runtime/feature';
import { FeatureRegistry } from '@/utils/runtime/feature-registry';
import { TabEvents } from '@/utils/runtime/tab-events';
import { PageObserver } from '@/utils/runtime/page-observer';

const itemsMatch: PageSelection = { adapter: demoConsoleAdapter, pages: [demoConsoleAdapter.pages[0]!] };
const ordersMatch: PageSelection = { adapter: demoConsoleAdapter, pages: [demoConsoleAdapter.pages[1]!] };
const settings = (features: Partial<Settings['features']> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  features: { ...DEFAULT_SETTINGS.features, ...features },
});
const flush = () => new Promise((resolve) => setTimeout(resolve, 40));

function feature(id: string, overrides: Partial<Feature> = {}): Feature & { started: number; stopped: number } {
  const f = {
    id,
    needs: { items: [] },
    started: 0,
    stopped: 0,
    start() {
      f.started++;
      return () => {
        f.stopped++;
      };
    },
    ...overrides,
  };
  return f;
}

describe('FeatureRegistry', () => {
  let ctx: ContentScriptContext;
  let reported: [string, unknown][];
  let registryFor: (features: Feature[]) => FeatureRegistry;

  beforeEach(() => {
    document.body.innerHTML = '';
    ctx = new ContentScriptContext('test');
    reported = [];
    registryFor = (features) => {
      const observer = new PageObserver(ctx, (e) => reported.push(['observer', e]));
      return new FeatureRegistry(ctx, features, observer, (scope, e) => reported.push([scope, e]), new TabEvents());
    };
  });
  afterEach(() => {
    if (ctx.isValid) ctx.abort();
  });

  it('starts a feature only once the parts it needs appear, and only on its page kinds', async () => {
    const rows = feature('rows', { needs: { items: ['row'] } });
    const chatOnly = feature('chat-only', { needs: { chat: [] } });
    const registry = registryFor([rows, chatOnly]);
    registry.update(itemsMatch, settings(), true);
    expect(rows.started).toBe(0);
    // A feature for another kind of page is not listed at all.
    expect(registry.states()).toEqual({ rows: 'waiting' });

    document.body.innerHTML = '<table><tr class="next-table-row"><td>1</td></tr></table>';
    await flush();
    expect(rows.started).toBe(1);
    expect(chatOnly.started).toBe(0);
    expect(registry.states().rows).toBe('running');
  });

  it('reports a feature whose start is still under way as waiting, and running once its start has finished', async () => {
    let finish!: () => void;
    const slow = feature('slow', { start: () => new Promise<void>((resolve) => (finish = resolve)) });
    const registry = registryFor([slow]);
    registry.update(itemsMatch, settings(), true);
    await flush();
    expect(registry.states()).toEqual({ slow: 'waiting' });
    finish();
    await flush();
    expect(registry.states()).toEqual({ slow: 'running' });
  });

  it('isolates a failing feature: it is logged and stopped, the others keep running', async () => {
    const broken = feature('broken', {
      start({ onDomChange }) {
        onDomChange(() => {
          throw new Error('selector exploded');
        });
      },
    });
    const healthy = feature('healthy');
    const throwsAtStart = feature('throws-at-start', {
      start() {
        throw new TypeError('cannot start');
      },
    });
    const rejects = feature('rejects', { start: async () => Promise.reject(new Error('async failure')) });
    const registry = registryFor([broken, healthy, throwsAtStart, rejects]);
    registry.update(itemsMatch, settings(), true);
    document.body.append(document.createElement('div'));
    await flush();
    expect(reported.map(([scope, e]) => [scope, (e as Error).message])).toEqual(
      expect.arrayContaining([
        ['throws-at-start', 'cannot start'],
        ['rejects', 'async failure'],
        ['broken', 'selector exploded'],
      ]),
    );
    expect(registry.states()).toEqual({ broken: 'failed', healthy: 'running', 'throws-at-start': 'failed', rejects: 'failed' });
    expect(healthy.stopped).toBe(0);
  });

  it('follows the settings toggle live', () => {
    const stock = feature('stock-badges', { toggle: 'stock' });
    const registry = registryFor([stock]);
    registry.update(itemsMatch, settings(), true);
    expect(stock.started).toBe(1);
    registry.update(itemsMatch, settings({ stock: false }), true);
    expect([stock.started, stock.stopped]).toEqual([1, 1]);
    expect(registry.states()).toEqual({ 'stock-badges': 'off' });
    registry.update(itemsMatch, settings({ stock: true }), true);
    expect(stock.started).toBe(2);
    registry.update(itemsMatch, settings(), false);
    expect(stock.stopped).toBe(2);
  });

  it('restarts features on navigation to another page and stops them all when the context is invalidated', () => {
    const any = feature('any', { needs: { items: [], orders: [] } });
    const listener = vi.fn();
    const withSignal = feature('signal', {
      start({ signal }) {
        signal.addEventListener('abort', listener);
      },
    });
    const registry = registryFor([any, withSignal]);
    registry.update(itemsMatch, settings(), true);
    registry.update(itemsMatch, settings(), true);
    expect(any.started).toBe(1);
    registry.update(ordersMatch, settings(), true);
    expect([any.started, any.stopped]).toEqual([2, 1]);
    expect(listener).toHaveBeenCalledTimes(1);
    ctx.abort();
    expect(any.stopped).toBe(2);
    registry.update(ordersMatch, settings(), true);
    expect(any.started).toBe(2);
  });

  it('guard: an error in a browser-called listener stops that feature alone and is logged; the listener then does nothing', async () => {
    let calls = 0;
    const other = feature('other');
    const listening = feature('listening', {
      start(env) {
        const onClick = env.guard(() => {
          calls++;
          throw new Error('listener broke');
        });
        document.addEventListener('click', onClick, { signal: env.signal });
      },
    });
    const registry = registryFor([listening, other]);
    registry.update(itemsMatch, settings(), true);
    expect(() => document.dispatchEvent(new Event('click'))).not.toThrow();
    expect(reported).toEqual([['listening', expect.objectContaining({ message: 'listener broke' })]]);
    expect(registry.states()).toEqual({ listening: 'failed', other: 'running' });
    document.dispatchEvent(new Event('click'));
    expect(calls).toBe(1);
  });

  it('guard: a rejected promise from a listener stops the feature and is logged', async () => {
    const asyncListener = feature('async-listener', {
      start(env) {
        document.addEventListener('keydown', env.guard(async () => Promise.reject(new Error('async broke'))), { signal: env.signal });
      },
    });
    const registry = registryFor([asyncListener]);
    registry.update(itemsMatch, settings(), true);
    document.dispatchEvent(new Event('keydown'));
    await flush();
    expect(reported).toEqual([['async-listener', expect.objectContaining({ message: 'async broke' })]]);
    expect(registry.states()).toEqual({ 'async-listener': 'failed' });
  });
});

describe('FeatureRegistry: one URL, several page entries', () => {
  let ctx: ContentScriptContext;
  beforeEach(() => {
    document.body.innerHTML = '';
    ctx = new ContentScriptContext('test');
  });
  afterEach(() => {
    if (ctx.isValid) ctx.abort();
  });

  it('runs a feature on each entry of a kind it serves once its parts are there; a whole-page feature once for all', async () => {
    const registry = new FeatureRegistry(ctx, [], new PageObserver(ctx, () => undefined), () => undefined, new TabEvents());
    const kindsSeen: string[] = [];
    const perEntry: Feature = { id: 'per-entry', needs: { items: ['row'], orders: ['order'] }, start: ({ parts }) => void kindsSeen.push(parts.kind) };
    let wholePages: string[][] = [];
    const whole: Feature = { id: 'whole', wholePage: true, needs: { items: [], orders: [] }, start: ({ pages }) => void wholePages.push(pages.map((p) => p.kind)) };
    const both: PageSelection = { adapter: demoConsoleAdapter, pages: [demoConsoleAdapter.pages[0]!, demoConsoleAdapter.pages[1]!] };
    const withFeatures = new FeatureRegistry(ctx, [perEntry, whole], new PageObserver(ctx, () => undefined), () => undefined, new TabEvents());
    void registry;
    withFeatures.update(both, settings(), true);
    expect(wholePages).toEqual([['items', 'orders']]);
    expect(withFeatures.states()).toEqual({ 'per-entry': 'waiting', whole: 'running' });
    document.body.innerHTML = '<table><tr class="next-table-row"><td>1</td></tr></table>';
    await flush();
    expect(kindsSeen).toEqual(['items']);
    document.body.insertAdjacentHTML('beforeend', '<div class="trade-card"><span class="trade-no">订单号：1</span></div>');
    await flush();
    expect(kindsSeen).toEqual(['items', 'orders']);
    expect(withFeatures.states()).toEqual({ 'per-entry': 'running', whole: 'running' });
    // The same entries again change nothing; a different set restarts.
    withFeatures.update({ ...both, pages: [...both.pages] }, settings(), true);
    expect(wholePages).toHaveLength(1);
    withFeatures.update(itemsMatch, settings(), true);
    expect(wholePages).toEqual([['items', 'orders'], ['items']]);
  });
});
