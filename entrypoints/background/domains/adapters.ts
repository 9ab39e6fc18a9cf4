import type { Adapter } from '@/utils/adapters/adapter-schema';
import { BUILTIN_CONSOLE_MATCHES } from '@/utils/adapters/builtin';
import { missingOrigins, syncCustomContentScripts } from '@/utils/adapters/custom/content-script-registration';
import { deleteCustomAdapter, listCustomAdapters, saveCustomAdapter } from '@/utils/adapters/custom/custom-adapter-store';
import { parseCustomAdapter } from '@/utils/adapters/custom/custom-adapter-parse';
import type { AdapterTestReport, ConsoleTab, CustomAdapterEntry } from '@/utils/adapters/custom/adapter-test-report';
import { originOf, uncoveredPatterns } from '@/utils/adapters/host-coverage';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { t } from '@/utils/i18n';
import { adapterRequests } from '@/utils/messaging/domains/adapters';
import { consoleScriptFiles, injectIntoTab, type ScriptFiles } from '@/utils/runtime/inject-content-script';
import { toolScriptFile } from '@/utils/tools/tool-scripts';
import { waitFor } from '@/utils/runtime/retry';
import { defineHandlers } from '../define-handlers';

export const adapterHandlers = defineHandlers(adapterRequests, {
  async 'adapters.list'() {
    return Promise.all((await listCustomAdapters()).map(entryOf));
  },
  async 'adapters.save'(request) {
    return saveEntry(request.adapter);
  },
  async 'adapters.delete'(request) {
    await deleteEntry(request.id);
    return null;
  },
  async 'adapters.tabs'() {
    return consoleTabs();
  },
  async 'adapters.test'(request) {
    return testOnTab(request.tabId, request.adapter);
  },
  async 'adapters.teach'(request) {
    await startTeachingOnTab(request.tabId, request.repoint);
    return null;
  },
  async 'adapters.loadTool'(request, sender) {
    // Into the tab whose content script asked, where Xiaoer already has access: no host beyond the console's.
    const tabId = sender.tab?.id;
    if (tabId == null) throw new Error(t('adapterTestNoAccess'));
    await injectIntoTab(tabId, [toolScriptFile(request.tool)] as ScriptFiles);
    return null;
  },
  async 'adapters.saveTaught'(request, sender) {
    const parsed = parseCustomAdapter(request.adapter);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    // A tab saves adapters for its own console only.
    // (The URL goes in as a string: MatchPattern checks `instanceof Location`, which a service worker has not got.)
    const tabUrl = sender.url;
    if (!tabUrl || !parsed.adapter.matches.some((pattern) => new MatchPattern(pattern).includes(tabUrl))) throw new Error(t('teachWrongHost'));
    // The tab it was taught on keeps its script (and the overlay's "saved"): that script follows the stored adapters.
    return saveEntry(parsed.adapter, sender.tab?.id);
  },
  async 'adapters.clearHighlights'(request) {
    await browser.tabs.sendMessage(request.tabId, { type: 'adapter.clear' }).catch(() => undefined);
    return null;
  },
});

/** An adapter as the options page lists it: with the origins it still needs the agent's grant for. */
async function entryOf(adapter: Adapter): Promise<CustomAdapterEntry> {
  return { adapter, missingOrigins: await missingOrigins(adapter) };
}

/** Stores the adapter and brings the runtime content script in line (the options page asked for the host first). */
async function saveEntry(input: unknown, exceptTab?: number): Promise<CustomAdapterEntry> {
  const adapter = await saveCustomAdapter(input);
  await syncCustomContentScripts(await listCustomAdapters(), { exceptTab });
  return entryOf(adapter);
}

/**
 * Removes the adapter, the runtime registration for hosts no other custom adapter needs, and the permission for
 * those hosts: Xiaoer keeps no access it no longer uses. Open tabs drop its features when storage changes.
 */
async function deleteEntry(id: string): Promise<void> {
  const removed = await deleteCustomAdapter(id);
  const left = await listCustomAdapters();
  await syncCustomContentScripts(left);
  if (!removed) return;
  const stillUsed = new Set(uncoveredPatterns(left.flatMap((a) => a.matches), BUILTIN_CONSOLE_MATCHES).map(originOf));
  const unused = [...new Set(uncoveredPatterns(removed.matches, BUILTIN_CONSOLE_MATCHES).map(originOf))].filter((o) => !stillUsed.has(o));
  if (unused.length) await browser.permissions.remove({ origins: unused }).catch(() => false);
}

/** Web tabs whose address Xiaoer may see (hosts it has access to): where an adapter can be tried. */
async function consoleTabs(): Promise<ConsoleTab[]> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((tab) =>
    tab.id != null && tab.url && /^https?:/.test(tab.url) ? [{ id: tab.id, title: (tab.title ?? '').slice(0, 200), url: tab.url }] : [],
  );
}

/**
 * Asks the tab's content script to outline what each selector of a (possibly unsaved) adapter matches. A tab on a
 * host without the content script (a new console, just granted) gets it injected first.
 */
async function testOnTab(tabId: number, input: unknown): Promise<AdapterTestReport> {
  const parsed = parseCustomAdapter(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const message = { type: 'adapter.test', adapter: parsed.adapter };
  const first = await askTab(tabId, message);
  if (first) return first;
  // The content script answered but could not load the highlighter: putting in another copy would not help.
  if (first === false) throw new Error(t('adapterTestNoAnswer'));
  try {
    await injectIntoTab(tabId, consoleScriptFiles());
  } catch {
    throw new Error(t('adapterTestNoAccess'));
  }
  // The injected script answers once it has read the settings.
  const report = await waitFor(() => askTab(tabId, message), { tries: 30, delayMs: 100 });
  if (report) return report;
  throw new Error(t('adapterTestNoAnswer'));
}

/** Opens the teach overlay in the tab, putting the content script in first on a host it does not run on yet. */
async function startTeachingOnTab(tabId: number, repoint: { kind: 'items' | 'orders' | 'chat'; part: string }[] | undefined): Promise<void> {
  const message = { type: 'teach.start', ...(repoint ? { repoint } : {}) };
  const started = (reply: unknown) => reply === true;
  const first = await browser.tabs.sendMessage(tabId, message).catch(() => null);
  if (started(first)) return;
  // The content script answered but could not load the overlay: putting in another copy would not help.
  if (first === false) throw new Error(t('teachLoadFailed'));
  try {
    await injectIntoTab(tabId, consoleScriptFiles());
  } catch {
    throw new Error(t('adapterTestNoAccess'));
  }
  const ok = await waitFor(async () => (started(await browser.tabs.sendMessage(tabId, message).catch(() => null)) ? true : null), { tries: 30, delayMs: 100 });
  if (!ok) throw new Error(t('adapterTestNoAnswer'));
}

/** The tab's report; false: its content script could not load the highlighter; null: no content script answered. */
async function askTab(tabId: number, message: unknown): Promise<AdapterTestReport | false | null> {
  const reply = (await browser.tabs.sendMessage(tabId, message).catch(() => null)) as AdapterTestReport | false | null | undefined;
  if (reply === false) return false;
  return reply && typeof reply === 'object' && Array.isArray(reply.pages) ? reply : null;
}
