import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFromPage, startHarness, type Harness } from './harness';
import { openComposer } from './remark-composer';

// A remark is never lost: the composer keeps what the order already has, on a console that shows it in the row and
// on one that keeps it only in its remark editor (`?memo=editor` on the demo), and refuses what the console would cut.

const card = (page: Page, orderId: string, selector: string) =>
  page.evaluate((id, sel) => {
    const c = [...document.querySelectorAll('.trade-card')].find((el) => el.querySelector('.trade-no')?.textContent?.includes(id));
    return c?.querySelector(sel)?.textContent ?? null;
  }, orderId, selector);

const result = (page: Page) =>
  page.waitForFunction(() => document.querySelector('xiaoer-remark-composer')?.shadowRoot?.querySelector('[data-testid="remark-result"]')?.textContent, { polling: 100 })
    .then((handle) => handle.jsonValue() as Promise<string>);

describe('a remark is never lost', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('input[name="agentId"]');
    await popup.type('input[name="agentId"]', '2001');
    await popup.close();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps the remark the row shows and adds the new line after it, on its own line, shown before writing', async () => {
    const page = await h.openConsole('/console/orders?reset=1&status=WAIT_SELLER_SEND_GOODS');
    await page.waitForSelector('xiaoer-order');
    // The demo's 晴天小雨2019 order carries a standard remark written minutes after it was placed.
    const orderId = (await page.$$eval('.trade-card', (cards) => cards.find((c) => c.querySelector('.memo-text')?.textContent?.startsWith('[改地址]'))!.querySelector('.trade-no')!.textContent!.replace(/\D/g, '')))!;
    const before = (await card(page, orderId, '.memo-text'))!;
    await openComposer(page, orderId);
    await page.select('xiaoer-remark-composer >>> select[name="reason"]', '改颜色/尺码');
    await (await page.$('xiaoer-remark-composer >>> textarea[name="detail"]'))!.type('改成黑色M');
    const preview = await page.$eval('xiaoer-remark-composer >>> [data-testid="remark-preview"]', (el) => el.textContent!);
    expect(preview.startsWith(`${before}\n[改颜色/尺码] 改成黑色M /工号2001 `)).toBe(true);
    await page.click('xiaoer-remark-composer >>> button[name="write-remark"]');
    expect(await result(page)).toContain(`已写入订单 ${orderId}`);
    await page.click('.memo-save');
    await page.waitForFunction((id, b) => {
      const c = [...document.querySelectorAll('.trade-card')].find((el) => el.querySelector('.trade-no')?.textContent?.includes(id));
      return (c?.querySelector('.memo-text')?.textContent ?? b) !== b;
    }, { polling: 100 }, orderId, before);
    expect(await card(page, orderId, '.memo-text')).toBe(preview);
    // The history keeps the whole remark, what was there before included.
    const options = await h.openExtensionPage('options.html#orders');
    const history = await sendFromPage(options, { type: 'remarks.list', orderId });
    expect(history.data[0].text).toBe(preview);
    await options.close();
    await page.close();
  });

  it('on a console that keeps the remark only in its editor, keeps that remark too and does not save for the agent', async () => {
    const page = await h.openConsole('/console/orders?reset=1&status=WAIT_SELLER_SEND_GOODS&memo=editor');
    await page.waitForSelector('xiaoer-order');
    // The row shows no remark text: the composer cannot see it, the page's editor holds it.
    const orderId = (await page.$$eval('.trade-card', (cards) => cards.find((c) => c.querySelector('.memo-hint')?.textContent)!.querySelector('.trade-no')!.textContent!.replace(/\D/g, '')))!;
    expect(await card(page, orderId, '.memo-text')).toBeNull();
    await openComposer(page, orderId);
    await (await page.$('xiaoer-remark-composer >>> textarea[name="detail"]'))!.type('加急');
    await page.click('xiaoer-remark-composer >>> button[name="write-remark"]');
    const said = await result(page);
    expect(said).toMatch(/^编辑框里已有备注（\d+ 字），新备注已加在其后：请核对后按“保存”$/);
    const editor = await page.$eval('.memo-dialog textarea.memo-input', (el) => (el as HTMLTextAreaElement).value);
    const [kept, added] = editor.split('\n');
    expect(kept!.length).toBeGreaterThan(0);
    expect(said).toContain(`（${kept!.length} 字）`);
    expect(added).toMatch(/^\[改地址\] 加急 \/工号2001 \d{2}-\d{2} \d{2}:\d{2}$/);
    // Nothing was saved for the agent: the page's saved remark is still the old one until they press 保存.
    const saved = await page.evaluate((id) => JSON.parse(sessionStorage.getItem('xiaoer-demo:orders') ?? '{}')[id]?.remark ?? null, orderId);
    expect(saved).toBeNull();
    await page.close();
  });

  it('refuses a remark longer than the console keeps, with the count, and writes nothing', async () => {
    const page = await h.openConsole('/console/orders?reset=1&status=WAIT_SELLER_SEND_GOODS');
    await page.waitForSelector('xiaoer-order');
    const [orderId] = await page.$$eval('.trade-card .trade-no', (els) => els.map((el) => el.textContent!.replace(/\D/g, '')));
    // A long remark already on the order, saved through the page's own editor as an agent would.
    await page.evaluate((id) => {
      const c = [...document.querySelectorAll('.trade-card')].find((el) => el.querySelector('.trade-no')?.textContent?.includes(id))!;
      (c.querySelector('.memo-edit') as HTMLButtonElement).click();
    }, orderId!);
    const input = await page.waitForSelector('.memo-dialog textarea.memo-input');
    await input!.evaluate((el) => ((el as HTMLTextAreaElement).value = ''));
    await input!.type('旧'.repeat(200));
    await page.click('.memo-save');
    await page.waitForFunction((id) => {
      const c = [...document.querySelectorAll('.trade-card')].find((el) => el.querySelector('.trade-no')?.textContent?.includes(id));
      return c?.querySelector('.memo-text')?.textContent === '旧'.repeat(200);
    }, { polling: 100 }, orderId!);
    await openComposer(page, orderId!);
    await (await page.$('xiaoer-remark-composer >>> textarea[name="detail"]'))!.type('很'.repeat(300));
    const tooLong = await page.$eval('xiaoer-remark-composer >>> [data-testid="remark-too-long"]', (el) => el.textContent!);
    const length = (await page.$eval('xiaoer-remark-composer >>> [data-testid="remark-preview"]', (el) => el.textContent!)).length;
    expect(length).toBeGreaterThan(500);
    expect(tooLong).toBe(`加上原有备注共 ${length} 字，超过本后台的 500 字上限：请缩短，未写入`);
    expect(await page.$eval('xiaoer-remark-composer >>> button[name="write-remark"]', (el) => (el as HTMLButtonElement).disabled)).toBe(true);
    expect(await card(page, orderId!, '.memo-text')).toBe('旧'.repeat(200));
    await page.screenshot({ path: '/tmp/remark-too-long.png' });
    await page.close();
  });
});
