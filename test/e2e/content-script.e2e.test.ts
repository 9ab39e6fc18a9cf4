import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDocks, dockText, startHarness, waitForDock, waitForTabHealth, type Harness } from './harness';

describe('content script on the demo console', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    ['/console/items', '商品列表'],
    ['/console/orders', '订单'],
    ['/console/chat', '接待'],
  ])('mounts on %s and finds every required part', async (path, label) => {
    const page = await h.openConsole(path);
    await waitForDock(page, label);
    await waitForDock(page, '部件齐全');
    expect(await dockText(page)).toContain('店小二');
    await page.close();
  });

  it('stays out of other pages on the same host', async () => {
    const page = await h.openConsole('/data/erp-stock.json');
    // The script runs on the whole host; it has decided about this page once it answers that the page is no known
    // console page (a generic one) and that the palette, the one feature for such pages, has finished starting.
    const health = await waitForTabHealth(h, page, (answer) => answer.features['snippet-palette'] === 'running');
    expect(health).toMatchObject({ generic: true, pageKind: null });
    expect(await countDocks(page)).toBe(0);
    await page.close();
  });

  it('follows SPA navigation without duplicates, and survives re-rendered rows', async () => {
    const page = await h.openConsole('/console/items');
    await waitForDock(page, '商品列表');
    await page.click('a.qn-nav-link[href="/console/orders"]');
    await waitForDock(page, '订单');
    await page.click('a.qn-nav-link[href="/console/chat"]');
    await waitForDock(page, '接待');
    await page.goBack();
    await waitForDock(page, '订单');
    await page.goBack();
    await waitForDock(page, '商品列表');
    await page.click('.next-pagination-item[data-page="3"]');
    await page.waitForFunction(() => document.querySelector('.next-pagination-item.is-current')?.textContent === '3');
    await waitForDock(page, '部件齐全');
    expect(await countDocks(page)).toBe(1);
    await page.close();
  });

  it('keeps its UI in a shadow root that page CSS cannot restyle and that adds no CSS to the page', async () => {
    const page = await h.openConsole('/console/items');
    await waitForDock(page, '商品列表');
    const styleOf = () =>
      page.evaluate(() => {
        const pill = document.querySelector('xiaoer-dock')!.shadowRoot!.querySelector('.pill')!;
        const s = getComputedStyle(pill);
        return { fontSize: s.fontSize, color: s.color, background: s.backgroundColor };
      });
    const before = await styleOf();
    expect(before.fontSize).toBe('12px');
    await page.addStyleTag({ content: '* { font-size: 40px !important; color: rgb(255, 0, 0) !important; background: rgb(0, 0, 255) !important; } button { display: none !important; }' });
    expect(await styleOf()).toEqual(before);
    const hostVisible = await page.evaluate(() => {
      const pill = document.querySelector('xiaoer-dock')!.shadowRoot!.querySelector('.pill')!;
      return pill.getBoundingClientRect().width > 0;
    });
    expect(hostVisible).toBe(true);
    const pageStyles = await page.evaluate(() => [...document.querySelectorAll('style, link[rel=stylesheet]')].filter((s) => !s.closest('xiaoer-dock')).length);
    const pageOnly = await h.browser.newPage();
    await pageOnly.goto(h.origin + '/console/items');
    // The demo page has its own styles plus the one we just added; Xiaoer adds none to the document.
    const expected = (await pageOnly.evaluate(() => document.querySelectorAll('style, link[rel=stylesheet]').length)) + 1;
    expect(pageStyles).toBe(expected);
    await pageOnly.close();
    await page.close();
  });

  it('opens the log from the dock', async () => {
    const page = await h.openConsole('/console/orders');
    await waitForDock(page, '订单');
    const pill = await page.evaluateHandle(() => document.querySelector('xiaoer-dock')!.shadowRoot!.querySelector('.pill'));
    await (pill as any).click();
    await page.waitForFunction(() => document.querySelector('xiaoer-dock')!.shadowRoot!.querySelector('.panel'));
    expect(await dockText(page)).toContain('remarkEdit');
    const opened = h.nextOpenedUrl();
    const logButton = await page.evaluateHandle(() => [...document.querySelector('xiaoer-dock')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === '查看日志'));
    await (logButton as any).click();
    expect(await opened).toBe(h.extensionUrl('options.html#log'));
    await page.close();
  });

  it('leaves no errors on the pages', () => {
    expect(h.pageErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});
