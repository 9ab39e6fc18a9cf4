import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFromPage, startHarness, waitForDock, waitForNoDock, type Harness } from './harness';

describe('popup quick settings', () => {
  let h: Harness;
  let consoleTab: Page;
  let tabId: number;
  beforeAll(async () => {
    h = await startHarness();
    consoleTab = await h.openConsole('/console/items');
    await waitForDock(consoleTab, '商品列表');
    tabId = await h.tabIdOf(consoleTab);
  });
  afterAll(async () => {
    await h?.close();
  });

  const openPopup = async () => {
    const popup = await h.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-testid="page-status"]');
    return popup;
  };
  const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

  it('shows which adapter matched the tab and how many parts it found', async () => {
    const popup = await openPopup();
    expect(await text(popup, '[data-testid="page-status"]')).toContain('演示卖家后台 · 商品列表');
    expect(await text(popup, '[data-testid="parts-summary"]')).toBe('找到 5/5 个必需部件');
    expect(await popup.$eval('[data-feature="status-dock"]', (el) => el.getAttribute('data-state'))).toBe('running');
    expect(await text(popup, '[data-testid="sources"]')).toBe('尚未导入库存数据。');
    await popup.close();
  });

  it('persists agent id, name and shop across popup openings', async () => {
    let popup = await openPopup();
    await popup.type('input[name="agentId"]', '1023');
    await popup.type('input[name="agentName"]', '小林');
    await popup.type('input[name="shopName"]', '小二演示旗舰店');
    await popup.click('input[name="feature-remarks"]');
    await popup.close();
    popup = await openPopup();
    expect(await popup.$eval('input[name="agentId"]', (el) => (el as HTMLInputElement).value)).toBe('1023');
    expect(await popup.$eval('input[name="agentName"]', (el) => (el as HTMLInputElement).value)).toBe('小林');
    expect(await popup.$eval('input[name="shopName"]', (el) => (el as HTMLInputElement).value)).toBe('小二演示旗舰店');
    expect(await popup.$eval('input[name="feature-remarks"]', (el) => (el as HTMLInputElement).checked)).toBe(false);
    await popup.close();
  });

  it('switches Xiaoer off and on in the open tab without a reload', async () => {
    const popup = await openPopup();
    const navigations: string[] = [];
    consoleTab.on('framenavigated', (f) => navigations.push(f.url()));
    await popup.click('input[name="enabled"]');
    await waitForNoDock(consoleTab);
    await popup.click('input[name="enabled"]');
    await waitForDock(consoleTab, '商品列表');
    await popup.click('input[name="site"]');
    await waitForNoDock(consoleTab);
    const paused = await openPopup();
    expect(await paused.$eval('input[name="site"]', (el) => (el as HTMLInputElement).checked)).toBe(false);
    expect(await text(paused, '[data-testid="page-status"]')).toContain('店小二已暂停');
    await paused.click('input[name="site"]');
    await waitForDock(consoleTab, '商品列表');
    expect(navigations).toEqual([]);
    await paused.close();
    await popup.close();
  });

  it('says so on a page no adapter knows', async () => {
    const other = await h.openConsole('/data/erp-stock.json');
    const otherId = await h.tabIdOf(other);
    const popup = await h.openExtensionPage(`popup.html?tabId=${otherId}`);
    await popup.waitForSelector('[data-testid="page-status"]');
    expect(await text(popup, '[data-testid="page-status"]')).toMatch(/已识别网站 127\.0\.0\.1:\d+，但此页面不是已知页面。/);
    await popup.close();
    await other.close();
  });

  it('the worker refuses unknown and malformed messages with a clear error', async () => {
    const page = await h.openExtensionPage('options.html#about');
    expect(await sendFromPage(page, { type: 'stock.dropAll' })).toEqual({
      ok: false,
      error: expect.stringContaining('Rejected message of type "stock.dropAll"'),
    });
    expect(await sendFromPage(page, { type: 'log.append', level: 'loud', scope: 'x', message: 'y' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('level'),
    });
    await page.close();
  });
});
