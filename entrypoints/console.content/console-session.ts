import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BUILTIN_ADAPTERS } from '@/utils/adapters/builtin';
import { adapterForHost, selectPages, type PageSelection } from '@/utils/adapters/select-page';
import type { Adapter } from '@/utils/adapters/adapter-schema';
import { customAdaptersItem, storedAdapters } from '@/utils/adapters/custom/stored-adapters';
import { genericPageFor } from '@/utils/adapters/generic-page';
import type { PageKind } from '@/utils/adapters/vocabulary';
import { isActiveOn, loadSettings, normalizeSettings, settingsItem, type Settings } from '@/utils/settings/settings';
import { FeatureRegistry } from '@/utils/runtime/feature-registry';
import { TabEvents } from '@/utils/runtime/tab-events';
import { createLogReporter } from '@/utils/runtime/log-reporter';
import { installErrorNet } from '@/utils/runtime/error-net';
import { PageObserver, XIAOER_TAG_PREFIX } from '@/utils/runtime/page-observer';
import { quietly } from '@/utils/runtime/quietly';
import { entriesHealth, parseTabMessage, type TabHealth, type TabMessage } from '@/utils/runtime/tab-messages';
import { FEATURES } from './features';
import { loadTool } from './load-tool';
import { loadedTool } from '@/utils/tools/tool-scripts';
import { asLocalCopy, newTaughtAdapter } from '@/utils/teach/taught-adapter';
import { t } from '@/utils/i18n';

type TeachMessage = Extract<TabMessage, { type: 'teach.start' }>;

/**
 * Everything Xiaoer does in one console tab: pick the adapter and page, run the features that fit,
 * follow SPA navigation and settings changes, and answer the popup's health question.
 */
export async function startConsoleSession(ctx: ContentScriptContext): Promise<void> {
  const report = createLogReporter(ctx);
  installErrorNet(ctx, report);
  const observer = new PageObserver(ctx, (error) => report('observer', error));
  const broadcasts = new TabEvents();
  const registry = new FeatureRegistry(ctx, FEATURES, observer, report, broadcasts);
  let settings: Settings;
  let customs: readonly Adapter[] = [];
  // Custom adapters first: a shop's own adapter overrides a built-in one for the same pages.
  const adapters = (): readonly Adapter[] => [...customs, ...BUILTIN_ADAPTERS];

  // Listening from the start (the popup may ask while the settings are still being read): answers wait until the
  // session has picked its page.
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const onMessage = (raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseTabMessage(raw);
    if (!message) return undefined;
    if (message.type === 'tab.health') return ready.then(health);
    // false (not a missing answer): the script is here, but the tool could not be loaded; logged.
    const orFalse = (scope: string) => (error: unknown) => {
      report(scope, error);
      return false;
    };
    if (message.type === 'adapter.test') {
      return ready
        .then(() => loadTool('adapter-test'))
        .then((highlighter) => highlighter.run(message.adapter))
        .catch(orFalse('adapter-test'));
    }
    if (message.type === 'teach.start') return ready.then(() => teach(message.repoint)).catch(orFalse('teach'));
    if (message.type === 'adapter.clear') {
      loadedTool('adapter-test')?.clear();
      return Promise.resolve(null);
    }
    broadcasts.emit(message.type === 'palette.open' ? 'palette-open' : message.type === 'clock.jump' ? 'clock-jump' : message.event);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => quietly(() => browser.runtime.onMessage.removeListener(onMessage)));

  // Watched before they are read: a change made while the session starts (the agent saving a setting as the tab
  // opens) would otherwise fall between the read and the watch and be missed until the next change.
  let evaluateOnChange: (() => void) | null = null;
  let settingsSeen: Settings | null = null;
  let customsSeen: readonly Adapter[] | null = null;
  const unwatch = settingsItem.watch((next) => {
    settings = settingsSeen = normalizeSettings(next);
    evaluateOnChange?.();
  });
  const unwatchAdapters = customAdaptersItem.watch((next) => {
    customs = customsSeen = storedAdapters(next);
    evaluateOnChange?.();
  });
  // After a reload/update the extension APIs of this orphaned copy throw; cleaning up must not.
  ctx.onInvalidated(() => quietly(unwatch));
  ctx.onInvalidated(() => quietly(unwatchAdapters));

  const loaded = await loadSettings();
  settings = settingsSeen ?? loaded; // a change seen meanwhile is newer than what the read returned
  const loadedCustoms = storedAdapters(await customAdaptersItem.getValue());
  customs = customsSeen ?? loadedCustoms;
  // Started at document_start (so that stock is in hand before the page's own scripts render rows): features put
  // their UI into the body, which the parser has made by now or makes in a moment.
  await bodyReady(ctx);
  if (ctx.isInvalid) return;
  removeEarlierCopies();

  let href = location.href;
  const evaluate = (url = href) => {
    href = url;
    registry.update(pickPage(adapters(), url), settings, isActiveOn(settings, location.hostname));
  };
  evaluateOnChange = () => evaluate();
  evaluate();
  markReady();

  // WXT announces SPA navigations before the URL is committed, so use the URL the event carries; the DOM check
  // catches navigations announced some other way.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => evaluate(event.newUrl.href));
  observer.onAnyChange(() => {
    if (location.href !== href) evaluate(location.href);
  });
  // The dock's 指认 buttons.
  ctx.onInvalidated(
    broadcasts.on('teach-start', (detail) => void teach(detail as TeachMessage['repoint']).catch((error) => report('teach', error))),
  );
  ctx.onInvalidated(() => {
    loadedTool('teach')?.stop();
    loadedTool('adapter-test')?.clear();
  });

  /**
   * Opens the teach overlay on this page (loading it first, the first time): the picks go into this host's custom
   * adapter, or a new one.
   */
  async function teach(repoint: TeachMessage['repoint']): Promise<boolean> {
    const custom = adapterForHost(customs, location.href);
    const known = custom ?? adapterForHost(BUILTIN_ADAPTERS, location.href);
    const base = known ? asLocalCopy(known, !!custom, t('teachLocalCopy')) : newTaughtAdapter(location.href, document.title);
    const overlay = await loadTool('teach');
    if (ctx.isInvalid) return false;
    overlay.start({ base, repoint }, () => undefined);
    return true;
  }


  function health(): TabHealth {
    const selection = registry.currentSelection;
    const adapter = selection?.adapter ?? adapterForHost(adapters(), location.href);
    const kinds = (selection?.pages ?? []).map((page) => page.kind);
    const generic = kinds.includes('generic');
    const pageKinds = generic ? [] : (kinds as Exclude<PageKind, 'generic'>[]);
    return {
      host: location.host,
      active: isActiveOn(settings, location.hostname),
      adapter: adapter ? { id: adapter.id, name: adapter.name } : null,
      pageKind: pageKinds[0] ?? null,
      pageKinds,
      generic,
      parts: entriesHealth(registry.currentParts),
      features: registry.states(),
      figures: Object.fromEntries(registry.figures),
    };
  }
}

/**
 * The adapter's pages for the URL (every entry whose path fits); on a console host whose page no adapter describes,
 * the generic page, where only the snippet palette (in any text box) runs. Nothing at all off the adapters' hosts.
 */
function pickPage(adapters: readonly Adapter[], url: string): PageSelection | null {
  const selection = selectPages(adapters, url);
  if (selection) return selection;
  const adapter = adapterForHost(adapters, url);
  return adapter ? genericPageFor(adapter) : null;
}

/**
 * Removes what an earlier copy of Xiaoer left on the page (docks, badges), before this copy adds its own. After an
 * update Chromium's old copy cleans up after itself once it learns it is orphaned; Firefox unloads an updated
 * add-on's old content script at once, so its elements would stay, dead, beside the new ones.
 */
function removeEarlierCopies(): void {
  for (const element of document.body.querySelectorAll('*')) {
    if (element.localName.startsWith(XIAOER_TAG_PREFIX)) element.remove();
  }
}

function bodyReady(ctx: ContentScriptContext): Promise<void> {
  if (document.body) return Promise.resolve();
  return new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      if (!document.body) return;
      watch.disconnect();
      resolve();
    });
    watch.observe(document.documentElement, { childList: true });
    ctx.onInvalidated(() => watch.disconnect());
  });
}
