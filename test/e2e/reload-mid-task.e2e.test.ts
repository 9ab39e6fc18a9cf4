import type { Page } from 'puppeteer-core';
import { inShadow } from './console-tabs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteTried } from '../support/reliability-report';
import { sendFromPage, startHarness, storedLocal, waitForTabHealth, type Harness } from './harness';
import { openComposer } from './remark-composer';

// The extension updated (or reloaded) while the agent is in the middle of something on a console page: the palette
// open over the reply box, a remark composed or being written. The old content script removes its UI; the page keeps
// exactly what the agent had, nothing is half-inserted or half-written, and the new script works at once.

const noErrors = (h: Harness) => h.pageErrors.filter((e) => !e.includes('favicon'));

/** Waits until the old content script's element is gone and the new script has put up its dock. */
async function replaced(page: Page, old: import('puppeteer-core').ElementHandle) {
  await page.waitForFunction((el) => !el.isConnected && document.querySelectorAll('xiaoer-dock').length === 1, { polling: 100, timeout: 15_000 }, old);
}

/** The order card of `orderId`: its remark text and, while the page's remark editor is open, that editor's text. */
const remarkOf = (page: Page, orderId: string) =>
  page.evaluate((id) => {
    const card = [...document.querySelectorAll('.trade-card')].find((el) => el.querySelector('.trade-no')?.textContent?.includes(id));
    const dialog = document.querySelector('.memo-dialog');
    const editing = dialog?.querySelector('.memo-dialog-order')?.textContent === id;
    return {
      shown: card?.querySelector('.memo-text')?.textContent ?? '',
      flag: card?.querySelector('.memo-flag')?.getAttribute('data-flag') ?? '0',
      editor: editing ? (dialog!.querySelector('textarea.memo-input') as HTMLTextAreaElement).value : null,
      editorFlag: editing ? ((dialog!.querySelector('input[name="memo-flag"]:checked') as HTMLInputElement | null)?.value ?? null) : null,
    };
  }, orderId);

describe('the extension updated in the middle of a task on a console page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const options = await h.openExtensionPage('options.html#snippets');
    const thanks = { title: '感谢支持', body: '谢谢{买家}的支持～', category: '欢送/好评', tags: [], shortcut: 'xq' };
    expect(await sendFromPage(options, { type: 'snippets.save', draft: thanks })).toMatchObject({ ok: true });
    await options.close();
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('input[name="agentId"]');
    await popup.type('input[name="agentId"]', '3003');
    // Closed once the setting is stored (a popup closed at once may not have saved the last key yet).
    for (const deadline = Date.now() + 10_000; (await storedLocal<{ agentId?: string }>(popup, 'settings'))?.agentId !== '3003'; await new Promise((r) => setTimeout(r, 100))) {
      if (Date.now() > deadline) throw new Error('the 工号 was never stored');
    }
    await popup.close();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('with the palette open: the palette goes, the reply box keeps what was typed, and the new palette inserts', async () => {
    const page = await h.openConsole('/console/chat?script=off&uid=2208800106');
    await page.waitForSelector('xiaoer-snippet-button');
    await page.click('textarea.reply-input');
    await page.keyboard.type('/gxzc');
    await inShadow(page, 'xiaoer-palette', 'li[role="option"]');
    const palette = (await page.$('xiaoer-palette'))!;
    const dock = (await page.$('xiaoer-dock'))!;

    await h.updateExtension();
    await replaced(page, dock);
    await page.waitForFunction((el) => !el.isConnected, { polling: 100 }, palette);
    expect(await page.$eval('textarea.reply-input', (el) => (el as HTMLTextAreaElement).value)).toBe('/gxzc');

    // The new script's palette: a shortcut expands in the same box.
    await page.waitForSelector('xiaoer-snippet-button');
    await page.evaluate(() => ((document.querySelector('textarea.reply-input') as HTMLTextAreaElement).value = ''));
    await page.click('textarea.reply-input');
    await page.keyboard.type('好的 /xq ');
    await page.waitForFunction(() => (document.querySelector('textarea.reply-input') as HTMLTextAreaElement).value.startsWith('好的 谢谢'), { polling: 100 });
    expect(noErrors(h)).toEqual([]);
    await page.close();
    noteTried('fault', 'extension reloaded mid-task', 1);
  });

  /** Opens the composer on the first order awaiting shipment and drafts a remark; returns its id. */
  async function draftRemark(page: Page, detail: string): Promise<string> {
    await page.waitForSelector('xiaoer-order');
    const orderId = (await page.$$eval('.trade-card', (cards) => cards[0]!.querySelector('.trade-no')!.textContent!.replace(/\D/g, '')))!;
    await openComposer(page, orderId);
    await (await page.$('xiaoer-remark-composer >>> textarea[name="detail"]'))!.type(detail);
    // Ready to write once it shows the agent's 工号 in the remark (the button waits for it).
    await inShadow(page, 'xiaoer-remark-composer', 'button[name="write-remark"]:not([disabled])');
    expect(await page.$eval('xiaoer-remark-composer >>> [data-testid="remark-preview"]', (el) => el.textContent)).toContain(`${detail} /工号3003`);
    return orderId;
  }

  /** The remark history of the order (an update closes the extension's pages: a page of the new version asks). */
  async function history(orderId: string): Promise<string[]> {
    const options = await h.openExtensionPage('options.html#orders');
    try {
      return ((await sendFromPage(options, { type: 'remarks.list', orderId })).data as { text: string }[]).map((r) => r.text);
    } finally {
      await options.close();
    }
  }

  it('with a remark composed but not written: the composer goes, the order keeps its remark, nothing is recorded', async () => {
    const page = await h.openConsole('/console/orders?reset=1&status=WAIT_SELLER_SEND_GOODS');
    const orderId = await draftRemark(page, '改发圆通');
    const before = await remarkOf(page, orderId);
    const composer = (await page.$('xiaoer-remark-composer'))!;
    const dock = (await page.$('xiaoer-dock'))!;

    await h.updateExtension();
    await replaced(page, dock);
    await page.waitForFunction((el) => !el.isConnected, { polling: 100 }, composer);
    expect(await remarkOf(page, orderId)).toEqual(before);
    expect(await history(orderId)).toEqual([]);

    // The new script's composer writes the remark whole: into the order's editor, and into the history.
    await draftRemark(page, '改发圆通');
    await page.click('xiaoer-remark-composer >>> button[name="write-remark"]');
    await inShadow(page, 'xiaoer-remark-composer', '[data-testid="remark-result"]');
    const after = await remarkOf(page, orderId);
    expect(after.editor).toContain('改发圆通 /工号3003');
    expect(await history(orderId)).toEqual([after.editor]);
    expect(noErrors(h)).toEqual([]);
    await page.close();
    noteTried('fault', 'extension reloaded mid-task', 1);
  });

  it('with remarks the old script recorded but did not confirm: the new script keeps the one the editor holds, drops the other, logs both', async () => {
    const page = await h.openConsole('/console/orders?reset=1&status=WAIT_SELLER_SEND_GOODS');
    await page.waitForSelector('xiaoer-order');
    const [held, notHeld] = await page.$$eval('.trade-card', (cards) => cards.slice(0, 2).map((c) => c.querySelector('.trade-no')!.textContent!.replace(/\D/g, '')));
    // The old script's state as the update caught it: the first order's editor (opened with the page's own button)
    // holds the remark it recorded; the second order's remark never reached its editor; a third order is not on the page.
    await page.evaluate((id) => ([...document.querySelectorAll('.trade-card')].find((c) => c.querySelector('.trade-no')!.textContent!.includes(id))!.querySelector('.memo-edit') as HTMLButtonElement).click(), held!);
    await page.waitForSelector('.memo-dialog textarea.memo-input');
    await page.type('.memo-dialog textarea.memo-input', ' 加急 /工号3003');
    const heldText = (await remarkOf(page, held!)).editor!;
    const tabId = await h.tabIdOf(page);
    const pending = (id: string, orderId: string, text: string) => ({ id, writer: 's-old-script', tabId, orderId, text, flag: 1, reason: '加急', agentId: '3003', at: Date.now() });
    const records = [pending('r-left-held', held!, heldText), pending('r-left-lost', notHeld!, '[加急] 未写入 /工号3003'), pending('r-left-away', '999999999999', '[加急] 别的页 /工号3003')];
    await (await h.worker()).evaluate(
      (list) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('xiaoer');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('pendingRemarks', 'readwrite');
            for (const record of list) tx.objectStore('pendingRemarks').put(record);
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      records,
    );
    const dock = (await page.$('xiaoer-dock'))!;
    const earlier = { held: await history(held!), notHeld: await history(notHeld!) };

    await h.updateExtension();
    await replaced(page, dock);
    await waitForTabHealth(h, page, (health) => health.features['order-care'] === 'running');
    expect(await history(held!)).toEqual([heldText, ...earlier.held]);
    expect(await history(notHeld!)).toEqual(earlier.notHeld);
    expect((await remarkOf(page, held!)).editor).toBe(heldText);
    const options = await h.openExtensionPage('options.html#log');
    const log = ((await sendFromPage(options, { type: 'log.list' })).data as { scope: string; message: string }[]).filter((e) => e.scope === 'order-care');
    expect(log.filter((e) => e.message.includes(held!))).toHaveLength(1);
    expect(log.filter((e) => e.message.includes(notHeld!))).toHaveLength(1);
    // The one whose order this page does not show is left for a page that does (or the worker's hourly prune).
    expect((await sendFromPage(options, { type: 'remarks.list' })).data.map((r: { id: string }) => r.id)).not.toContain('r-left-away');
    await options.close();
    const stillPending = await (await h.worker()).evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('xiaoer');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const read = open.result.transaction('pendingRemarks').objectStore('pendingRemarks').getAllKeys();
            read.onsuccess = () => (open.result.close(), resolve(read.result as string[]));
          };
        }),
    );
    expect(stillPending).toEqual(['r-left-away']);
    expect(noErrors(h)).toEqual([]);
    await page.close();
    noteTried('fault', 'extension reloaded mid-task', 1);
  });

  it('with a remark being written as the update lands: the order\'s editor and the history hold it both or neither', async () => {
    const page = await h.openConsole('/console/orders?reset=1&status=WAIT_SELLER_SEND_GOODS');
    const orderId = await draftRemark(page, '加急发货');
    const dock = (await page.$('xiaoer-dock'))!;
    const before = await remarkOf(page, orderId);
    const earlier = await history(orderId);

    // Clicked as an event on the button itself: the update may take the composer away first, and then nothing is written.
    const write = (await page.$('xiaoer-remark-composer >>> button[name="write-remark"]'))!;
    await Promise.all([write.evaluate((button) => (button as HTMLButtonElement).click()), h.updateExtension()]);
    await replaced(page, dock);
    // The new script's order care counts as running once it has settled what the old one left pending.
    await waitForTabHealth(h, page, (health) => health.features['order-care'] === 'running');
    const after = await remarkOf(page, orderId);
    const recorded = (await history(orderId)).filter((text) => !earlier.includes(text));
    if (recorded.length) {
      expect(recorded).toHaveLength(1);
      expect(after.editor).toBe(recorded[0]);
    } else {
      expect(after.shown).toBe(before.shown);
      // The editor the writer opened holds the order's remark and flag as they were.
      expect(after.editor ?? before.shown).toBe(before.shown);
      expect(after.editorFlag ?? before.flag).toBe(before.flag);
    }
    console.log(`remark written as the update landed: ${recorded.length ? 'written whole' : 'not written'}`);
    expect(noErrors(h)).toEqual([]);
    await page.close();
    noteTried('fault', 'extension reloaded mid-task', 1);
  });
});
