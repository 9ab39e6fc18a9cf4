import { DB_VERSION } from '@/utils/db/migrations';
import { getDb } from '@/utils/db/open-db';
import { appendLog, clearLog, listLog } from '@/utils/log/event-log';
import type { RequestOf, RequestType, Responses } from '@/utils/messaging/protocol';
import type { SenderInfo } from '@/utils/messaging/sender-policy';
import type { StockSource } from '@/utils/db/schema';
import { feedUrlProblem, originPattern } from '@/utils/stock/feed-url';
import { deleteStockSource } from '@/utils/stock/stock-store';
import { newId } from '@/utils/new-id';
import { invalidateStockIndex, lookupAvailable, lookupStock } from '@/utils/stock/stock-index';
import { recentCodes, rememberCodes } from '@/utils/stock/recent-codes';
import {
  deleteSnippet,
  listSnippets,
  markSnippetUsed,
  reorderSnippets,
  restoreSnippets,
  saveSnippet,
} from '@/utils/snippets/snippet-store';
import { checkReceiver } from '@/utils/address/address-check';
import { addRemark, listRemarks, markVerified, orderStates } from '@/utils/orders/order-store';
import { loadSettings } from '@/utils/settings/settings';
import { broadcast } from './broadcast';
import { ensureFeedAlarm, syncFeed, syncFeeds } from './stock-feeds';
import { validatePack } from '@/utils/packs/pack-format';
import { applyPack, getPack, listPacks, previewPackUpdate, removePack, undoPack } from '@/utils/packs/pack-store';
import { checkSheetSnippets } from '@/utils/packs/snippet-sheet';
import { importSheet } from '@/utils/packs/sheet-import';
import { createBackup, restoreBackup } from '@/utils/backup/backup';
import { fetchSnippetInput, syncPacks } from './pack-feeds';
import { applyObservations, pruneClock, recordsSince, takeAlert, waitStates } from '@/utils/response-clock/clock-store';
import { dayFigures } from '@/utils/response-clock/figures';
import { lastDayNoons } from '@/utils/response-clock/local-day';
import { retentionCutoff } from '@/utils/response-clock/retention';
import { refreshClockBadge } from './clock-badge';
import { clearHighlights, consoleTabs, deleteEntry, listEntries, saveEntry, testOnTab } from './custom-adapters';
import { clock } from '@/utils/clock';

type Handler<T extends RequestType> = (request: RequestOf<T>, sender: SenderInfo) => Promise<Responses[T]>;

/** One handler per request type. Each opens what it needs: the worker may have restarted since the last call. */
export const handlers: { [T in RequestType]: Handler<T> } = {
  async ping() {
    return { version: browser.runtime.getManifest().version, dbVersion: DB_VERSION };
  },
  async 'log.append'(request, sender) {
    const host = sender.url ? safeHost(sender.url) : undefined;
    await appendLog(await getDb(), { at: clock.now(), level: request.level, scope: request.scope, message: request.message, host });
    void broadcast('log-changed');
    return null;
  },
  async 'log.list'(request) {
    return listLog(await getDb(), request.limit);
  },
  async 'log.clear'() {
    await clearLog(await getDb());
    void broadcast('log-changed');
    return null;
  },
  async 'sources.list'() {
    return (await (await getDb()).getAll('sources')).map(withoutSecrets);
  },
  async 'sources.delete'(request) {
    await deleteStockSource(await getDb(), request.id);
    stockChanged();
    return null;
  },
  async 'sources.sync'(request) {
    return syncFeeds({ force: true, only: request.id });
  },
  async 'sources.saveFeed'(request) {
    const problem = feedUrlProblem(request.url);
    if (problem) throw new Error(problem);
    const origin = originPattern(request.url);
    if (!(await browser.permissions.contains({ origins: [origin] }))) {
      throw new Error(`需要先允许访问 ${origin}`);
    }
    const db = await getDb();
    const previous = request.id ? await db.get('sources', request.id) : undefined;
    const authHeader =
      request.authHeader && (request.authHeader.value || previous?.authHeader?.value)
        ? { name: request.authHeader.name, value: request.authHeader.value || previous!.authHeader!.value }
        : undefined;
    const changedUrl = previous?.url !== request.url;
    const source: StockSource = {
      ...previous,
      id: previous?.id ?? newId('feed'),
      kind: 'url',
      name: request.name,
      url: request.url,
      intervalMinutes: request.intervalMinutes,
      mode: request.mode,
      mapping: request.mapping ?? previous?.mapping,
      authHeader,
      // A new URL must not answer 304 against the old one's validators.
      etag: changedUrl ? undefined : previous?.etag,
      lastModified: changedUrl ? undefined : previous?.lastModified,
      nextSyncAt: 0,
    };
    await db.put('sources', source);
    await ensureFeedAlarm();
    const outcome = await syncFeed(source.id);
    return { source: withoutSecrets((await db.get('sources', source.id)) ?? source), outcome };
  },
  async 'stock.changed'() {
    stockChanged();
    return null;
  },
  async 'stock.lookup'(request, sender) {
    const host = consoleHost(sender);
    if (host) rememberCodes(host, request.codes).catch(() => {});
    return lookupAvailable(await getDb(), request.codes);
  },
  async 'stock.recent'(_request, sender) {
    const host = consoleHost(sender);
    const codes = host ? await recentCodes(host) : [];
    return { codes, reply: await lookupAvailable(await getDb(), codes) };
  },
  async 'stock.detail'(request) {
    const hits = await lookupStock(await getDb(), [request.code]);
    return Object.values(hits)[0] ?? null;
  },
  async 'address.check'(request) {
    // Parsed here, where the division data lives; nothing of the address is stored.
    return checkReceiver({ name: request.name, phone: request.phone, address: request.address });
  },
  async 'orders.state'(request) {
    return orderStates(await getDb(), request.ids);
  },
  async 'orders.verify'(request) {
    const { agentId } = await loadSettings();
    return markVerified(await getDb(), request.id, request.fingerprint, agentId);
  },
  async 'remarks.add'(request) {
    const { agentId } = await loadSettings();
    const record = await addRemark(await getDb(), { orderId: request.orderId, text: request.text, flag: request.flag, reason: request.reason, agentId });
    void broadcast('remarks-changed');
    return record;
  },
  async 'remarks.list'(request) {
    return listRemarks(await getDb(), request.orderId);
  },
  async 'snippets.all'() {
    return listSnippets(await getDb());
  },
  async 'snippets.save'(request) {
    const saved = await saveSnippet(await getDb(), request.id, request.draft);
    void broadcast('snippets-changed');
    return saved;
  },
  async 'snippets.delete'(request) {
    const deleted = await deleteSnippet(await getDb(), request.id);
    void broadcast('snippets-changed');
    return deleted;
  },
  async 'snippets.restore'(request) {
    await restoreSnippets(await getDb(), request.snippets);
    void broadcast('snippets-changed');
    return null;
  },
  async 'snippets.reorder'(request) {
    await reorderSnippets(await getDb(), request.ids);
    void broadcast('snippets-changed');
    return null;
  },
  async 'snippets.used'(request) {
    // Counts only: no broadcast, every tab need not re-rank at once.
    await markSnippetUsed(await getDb(), request.id);
    return null;
  },
  async 'options.open'(request) {
    const url = browser.runtime.getURL('/options.html') + (request.section ? `#${request.section}` : '');
    await browser.tabs.create({ url });
    return null;
  },
  async 'packs.list'() {
    return listPacks(await getDb());
  },
  async 'packs.pending'(request) {
    const db = await getDb();
    const pending = (await getPack(db, request.id))?.pending;
    return pending ? { pack: pending, preview: await previewPackUpdate(db, pending) } : null;
  },
  async 'packs.fetch'(request) {
    await assertMayFetch(request.url);
    const { input, validators } = await fetchSnippetInput(request.url);
    const db = await getDb();
    return input.kind === 'pack'
      ? { ...input, validators, preview: await previewPackUpdate(db, input.pack) }
      : { ...input, preview: await importSheet(db, input.rows, false) };
  },
  async 'packs.preview'(request) {
    return previewPackUpdate(await getDb(), validatePack(request.pack));
  },
  async 'packs.apply'(request) {
    const pack = validatePack(request.pack);
    if (request.subscribe) await assertMayFetch(request.subscribe.url);
    const subscription = request.subscribe && {
      ...request.subscribe,
      nextSyncAt: clock.now() + request.subscribe.intervalMinutes * 60_000,
    };
    const preview = await applyPack(await getDb(), pack, request.takeTeam, subscription);
    if (subscription) await ensureFeedAlarm();
    void broadcast('snippets-changed');
    void broadcast('packs-changed');
    return preview;
  },
  async 'packs.check'(request) {
    return syncPacks({ force: true, only: request.id });
  },
  async 'packs.undo'(request) {
    await undoPack(await getDb(), request.id);
    void broadcast('snippets-changed');
    void broadcast('packs-changed');
    return null;
  },
  async 'packs.remove'(request) {
    await removePack(await getDb(), request.id);
    void broadcast('snippets-changed');
    void broadcast('packs-changed');
    return null;
  },
  async 'snippets.importSheet'(request) {
    const preview = await importSheet(await getDb(), checkSheetSnippets(request.rows), request.commit);
    if (request.commit) void broadcast('snippets-changed');
    return preview;
  },
  async 'backup.create'() {
    return createBackup(await getDb(), browser.runtime.getManifest().version);
  },
  async 'backup.restore'(request) {
    const restored = await restoreBackup(await getDb(), request.backup);
    invalidateStockIndex();
    await ensureFeedAlarm();
    for (const event of ['snippets-changed', 'packs-changed', 'stock-changed', 'sources-changed', 'remarks-changed'] as const) void broadcast(event);
    return restored;
  },
  async 'clock.observe'(request) {
    const db = await getDb();
    // The tab's time of the look, within reason: a message retried after a worker restart keeps its moment.
    const now = clock.now();
    const states = await applyObservations(db, request.observations, Math.min(now, Math.max(now - 10 * 60_000, request.at)));
    // Only an answer can lower the count on the icon (passing the target raises it, through clock.overdue).
    if (request.observations.some((o) => o.waiting === false || o.replies?.length)) await refreshClockBadge(db);
    if (now - lastClockPrune > 60 * 60_000) {
      // Old figures go even when nobody opens the popup: at most hourly, a ranged delete on an index.
      lastClockPrune = now;
      await pruneClock(db, (await loadSettings()).clock.keepDays, now);
    }
    return states;
  },
  async 'clock.state'(request) {
    return waitStates(await getDb(), request.keys);
  },
  async 'clock.overdue'(request) {
    const db = await getDb();
    const alert = await takeAlert(db, request.key, request.waitingSince);
    if (alert) await refreshClockBadge(db);
    return { alert };
  },
  async 'clock.figures'(request) {
    const db = await getDb();
    const { clock: clockSettings } = await loadSettings();
    const now = clock.now();
    await pruneClock(db, clockSettings.keepDays, now);
    const records = await recordsSince(db, Math.min(retentionCutoff(clockSettings.keepDays, now), retentionCutoff(request.days, now)));
    const days = lastDayNoons(request.days, now).map((noon) => dayFigures(records, noon, clockSettings.targetSeconds, now));
    return { days, targetSeconds: clockSettings.targetSeconds, keepDays: clockSettings.keepDays };
  },
  async 'adapters.list'() {
    return listEntries();
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
  async 'adapters.clearHighlights'(request) {
    await clearHighlights(request.tabId);
    return null;
  },
};

/** Pack URLs follow the stock feed rule (https, or http on this machine) and need the agent's grant for the origin. */
async function assertMayFetch(url: string): Promise<void> {
  const problem = feedUrlProblem(url);
  if (problem) throw new Error(problem);
  const origin = originPattern(url);
  if (!(await browser.permissions.contains({ origins: [origin] }))) throw new Error(`需要先允许访问 ${origin}`);
}

let lastClockPrune = 0;

/** Stock changed: drop the lookup cache and tell open tabs and pages. */
function stockChanged(): void {
  invalidateStockIndex();
  void broadcast('stock-changed');
  void broadcast('sources-changed');
}

/** Sources as our pages see them: the auth header's value never leaves the worker. */
function withoutSecrets(source: StockSource): StockSource {
  return source.authHeader ? { ...source, authHeader: { name: source.authHeader.name, value: '' } } : source;
}

/** The host of the console tab a content script asked from; none for our own pages. */
function consoleHost(sender: SenderInfo): string | undefined {
  return sender.tab?.id != null && sender.url ? safeHost(sender.url) : undefined;
}

function safeHost(url: string): string | undefined {
  try {
    const { protocol, host } = new URL(url);
    return protocol.startsWith('http') ? host : undefined;
  } catch {
    return undefined;
  }
}
