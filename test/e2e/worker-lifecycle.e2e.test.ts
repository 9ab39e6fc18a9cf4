import { DB_VERSION } from '@/utils/db/migrations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDocks, sendFromPage, startHarness, waitForDock, waitForNoDock, waitForTabHealth, type Harness } from './harness';

describe('worker lifecycle', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps everything working when the background (service worker, event page) is stopped mid-session', async () => {
    const consoleTab = await h.openConsole('/console/chat');
    await waitForDock(consoleTab, '接待');
    const tabId = await h.tabIdOf(consoleTab);
    const options = await h.openExtensionPage('options.html#log');
    expect(await sendFromPage(options, { type: 'log.append', level: 'warn', scope: 'e2e', message: '重启前写入' })).toEqual({ ok: true, data: null });
    const popup = await h.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitForSelector('input[name="agentId"]');
    await popup.type('input[name="agentId"]', '2048');
    await popup.close();

    await h.stopWorker();

    // A message wakes a fresh worker, which finds everything in IndexedDB and storage.
    const listed = await sendFromPage(options, { type: 'log.list' });
    expect(listed.ok).toBe(true);
    expect(listed.data.map((e: { message: string }) => e.message)).toContain('重启前写入');
    expect(await sendFromPage(options, { type: 'ping' })).toMatchObject({ ok: true, data: { dbVersion: DB_VERSION } });

    // The options page's log view shows the entry (it asks the new worker).
    await h.reloadExtensionPage(options);
    await options.waitForSelector('[data-testid="log"]');
    expect(await options.$eval('[data-testid="log"]', (el) => el.textContent)).toContain('重启前写入');

    // Settings still reach the open tab live, and the popup still reads the tab.
    const popupAgain = await h.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popupAgain.waitForSelector('[data-testid="parts-summary"]');
    expect(await popupAgain.$eval('input[name="agentId"]', (el) => (el as HTMLInputElement).value)).toBe('2048');
    await popupAgain.click('input[name="enabled"]');
    await waitForNoDock(consoleTab);
    await popupAgain.click('input[name="enabled"]');
    await waitForDock(consoleTab, '接待');
    await popupAgain.close();
    await options.close();
    await consoleTab.close();
  });

  it('replaces the content script cleanly when the extension is updated with a console tab open', async () => {
    const consoleTab = await h.openConsole('/console/orders');
    await waitForDock(consoleTab, '订单');
    const oldDock = await consoleTab.$('xiaoer-dock');
    // Installing the same build again is an update: the browser replaces it in place, keeping its id.
    await h.updateExtension();
    // The new worker re-injects the content script; the old copy removes its dock, the new one puts up its own.
    await consoleTab.waitForFunction(
      (old) => {
        const docks = document.querySelectorAll('xiaoer-dock');
        return !old!.isConnected && docks.length === 1 && (docks[0]!.shadowRoot?.textContent ?? '').includes('订单');
      },
      { timeout: 10_000, polling: 100 },
      oldDock,
    );
    // Only the new copy can answer (the old one lost its extension context): once it says its dock has started,
    // nothing is left to add one, and there is still only the one.
    await waitForTabHealth(h, consoleTab, (health) => health.pageKind === 'orders' && health.features['status-dock'] === 'running');
    expect(await countDocks(consoleTab)).toBe(1);

    // The re-injected script is fully alive: it follows SPA navigation.
    await consoleTab.click('a.qn-nav-link[href="/console/items"]');
    await waitForDock(consoleTab, '商品列表');
    expect(await countDocks(consoleTab)).toBe(1);
    expect(h.pageErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});
