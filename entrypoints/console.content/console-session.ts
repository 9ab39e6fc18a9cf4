import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BUILTIN_ADAPTERS } from '@/utils/adapters/builtin';
import { adapterForHost, selectPage } from '@/utils/adapters/select-page';
import { isActiveOn, loadSettings, normalizeSettings, settingsItem, type Settings } from '@/utils/settings/settings';
import { FeatureRegistry } from '@/utils/runtime/feature-registry';
import { createLogReporter } from '@/utils/runtime/log-reporter';
import { PageObserver } from '@/utils/runtime/page-observer';
import { parseTabMessage, type TabHealth } from '@/utils/runtime/tab-messages';
import { FEATURES } from './features';

/**
 * Everything Xiaoer does in one console tab: pick the adapter and page, run the features that fit,
 * follow SPA navigation and settings changes, and answer the popup's health question.
 */
export async function startConsoleSession(ctx: ContentScriptContext): Promise<void> {
  const report = createLogReporter(ctx);
  const observer = new PageObserver(ctx, (error) => report('observer', error));
  const broadcasts = new EventTarget();
  const registry = new FeatureRegistry(ctx, FEATURES, observer, report, broadcasts);
  let settings: Settings = await loadSettings();
  if (ctx.isInvalid) return;

  let href = location.href;
  const evaluate = (url = href) => {
    href = url;
    registry.update(selectPage(BUILTIN_ADAPTERS, url), settings, isActiveOn(settings, location.hostname));
  };
  evaluate();

  // WXT announces SPA navigations before the URL is committed, so use the URL the event carries; the DOM check
  // catches navigations announced some other way.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => evaluate(event.newUrl.href));
  observer.subscribe(() => {
    if (location.href !== href) evaluate(location.href);
  });
  const unwatch = settingsItem.watch((next) => {
    settings = normalizeSettings(next);
    evaluate();
  });
  // After a reload/update the extension APIs of this orphaned copy throw; cleaning up must not.
  ctx.onInvalidated(() => quietly(unwatch));

  const onMessage = (raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseTabMessage(raw);
    if (!message) return undefined;
    if (message.type === 'tab.health') return Promise.resolve(health());
    broadcasts.dispatchEvent(new Event(message.type === 'palette.open' ? 'palette-open' : message.type === 'clock.jump' ? 'clock-jump' : message.event));
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => quietly(() => browser.runtime.onMessage.removeListener(onMessage)));

  function health(): TabHealth {
    const match = registry.currentMatch;
    const adapter = match?.adapter ?? adapterForHost(BUILTIN_ADAPTERS, location.href);
    return {
      host: location.host,
      active: isActiveOn(settings, location.hostname),
      adapter: adapter ? { id: adapter.id, name: adapter.name } : null,
      pageKind: match?.page.kind ?? null,
      parts: registry.currentParts?.health() ?? [],
      features: registry.states(),
      figures: Object.fromEntries(registry.figures),
    };
  }
}

function quietly(cleanup: () => void): void {
  try {
    cleanup();
  } catch {
    // The extension context is gone; the listener went with it.
  }
}
