import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteTried } from '../support/reliability-report';
import { sendFromPage, startHarness, storedLocal, waitForDock, type Harness } from './harness';

describe('corrupted settings in storage.local', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('come back as defaults with a log entry; the options page, the popup and the console page work and save', async () => {
    // Damage as a disk error or a hand edit leaves it: a wrong type, values out of range, an empty remark template.
    const worker = await h.worker();
    await worker.evaluate(() =>
      chrome.storage.local.set({ settings: { enabled: true, agentId: '007', features: 'yes', snippets: { trigger: '!' }, orders: { remarkTemplate: '', unpaidCloseHours: -3 } } }),
    );
    // A new worker life: the repair runs as it starts.
    await h.stopWorker();
    const options = await h.openExtensionPage('options.html#orders');
    let entry: { message: string } | undefined;
    for (const deadline = Date.now() + 10_000; !entry && Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      const { data } = await sendFromPage(options, { type: 'log.list' });
      entry = (data as { scope: string; message: string }[]).find((e) => e.scope === 'settings');
    }
    expect(entry?.message).toContain('orders.remarkTemplate');

    await h.reloadExtensionPage(options);
    const template = await options.waitForSelector('input[name="remark-template"]');
    expect(await template!.evaluate((el) => (el as HTMLInputElement).value)).toBe('[{原因}] {内容} /工号{工号} {时间}'); // the default (utils/orders/remark-format.ts)

    const page = await h.openConsole('/console/items');
    await waitForDock(page, '商品列表');
    const popup = await h.popupFor(page);
    expect(await popup.$eval('input[name="agentId"]', (el) => (el as HTMLInputElement).value)).toBe('007');
    await popup.type('input[name="shopName"]', '小鹿店');
    for (const deadline = Date.now() + 5000; (await storedLocal<{ shopName?: string }>(popup, 'settings'))?.shopName !== '小鹿店'; await new Promise((r) => setTimeout(r, 100))) {
      if (Date.now() > deadline) throw new Error(`the popup never saved the shop name: ${JSON.stringify(await storedLocal(popup, 'settings'))}`);
    }
    expect(h.pageErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
    noteTried('fault', 'corrupted settings', 1);
    await Promise.all([popup.close(), page.close(), options.close()]);
  });
});
