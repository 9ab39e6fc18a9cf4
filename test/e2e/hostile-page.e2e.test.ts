import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDemoStock, sendFromPage, startHarness, type Harness } from './harness';

/**
 * One odd value on a page (the demo's ?hostile=KIND, test/demo/README.md) costs Xiaoer that row or order alone: the
 * others get their badges and order care, and the log says once what was skipped.
 */
describe('a page with one hostile value', () => {
  let h: Harness;
  let options: Page;
  beforeAll(async () => {
    h = await startHarness();
    await importDemoStock(h);
    options = await h.openExtensionPage('options.html#log');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Waits until the log holds a warning containing `text` (the worker's log, as the options page lists it). */
  async function waitForLog(text: string): Promise<string> {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      const { data } = await sendFromPage(options, { type: 'log.list' });
      const entry = (data as { message: string; level: string }[]).find((e) => e.message.includes(text));
      if (entry) return `${entry.level} ${entry.message}`;
    }
    throw new Error(`no log entry with “${text}”`);
  }

  it('a 150-character code: the other rows keep their badges', async () => {
    const items = await h.openConsole('/console/items?hostile=code');
    const secondCode = await items.$$eval('tr.next-table-row .outer-code', (els) => els[1]!.textContent!.replace(/^商家编码[:：]\s*/, ''));
    await items.waitForFunction(
      (code) => [...document.querySelectorAll('tr.next-table-row')].find((r) => r.querySelector('.outer-code')?.textContent?.endsWith(code))?.querySelector('xiaoer-stock')?.shadowRoot?.querySelector('button')?.textContent,
      { timeout: 10_000, polling: 100 },
      secondCode,
    );
    expect(await waitForLog('超过 100 个字符')).toMatch(/^warn .*XE-9999/);
    expect(await items.$eval('tr.next-table-row', (row) => row.querySelector('xiaoer-stock'))).toBeNull();
    await items.close();
  });

  it.each([
    ['address', '收货地址超过 500 个字符'],
    ['name', '收货人姓名超过 100 个字符'],
    ['orderid', '不是有效的订单号'],
  ])('an odd %s in the first order: the next order still gets order care', async (kind, logged) => {
    const orders = await h.openConsole(`/console/orders?status=WAIT_SELLER_SEND_GOODS&hostile=${kind}`);
    await orders.waitForSelector('.trade-card');
    const second = await orders.$$eval('.trade-card .trade-no', (els) => els[1]!.textContent!.replace(/\D/g, ''));
    await orders.waitForFunction(
      (id) => {
        const card = [...document.querySelectorAll('.trade-card')].find((c) => c.querySelector('.trade-no')?.textContent?.includes(id));
        return (card?.querySelector('xiaoer-order')?.shadowRoot?.lastElementChild?.textContent ?? '').includes('核对收货信息');
      },
      { timeout: 10_000, polling: 100 },
      second,
    );
    expect(await waitForLog(logged)).toMatch(/^warn /);
    await orders.close();
  });
});
