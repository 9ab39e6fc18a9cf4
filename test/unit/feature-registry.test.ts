import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { demoConsoleAdapter } from '@/utils/adapters/builtin/demo-console';
import type { PageMatch } from '@/utils/adapters/select-page';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';
import type { Feature } from '@/utils/runtime/feature';
import { FeatureRegistry } from '@/utils/runtime/feature-registry';
import { PageObserver } from '@/utils/runtime/page-observer';

const itemsMatch: PageMatch = { adapter: demoConsoleAdapter, page: demoConsoleAdapter.pages[0]! };
const ordersMatch: PageMatch = { adapter: demoConsoleAdapter, page: demoConsoleAdapter.pages[1]! };
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
      return new FeatureRegistry(ctx, features, observer, (scope, e) => reported.push([scope, e]), new EventTarget());
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
});
