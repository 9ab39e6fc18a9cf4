import type { Browser, Page } from 'puppeteer-core';

/** Opening console pages (their errors collected) and the popup for one of them, in a browser with Xiaoer loaded. */
export function consoleTabs(browser: () => Browser, extensionId: () => string, errors: string[]) {
  const open = async (url: string) => {
    const page = await browser().newPage();
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${String(e)}`));
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };
  const popupFor = async (page: Page) => {
    const id = extensionId();
    const worker = await (await browser().waitForTarget((t) => t.type() === 'service_worker' && t.url().includes(id))).worker();
    const tabId = await worker!.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
    const popup = await browser().newPage();
    await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-testid="page-status"]');
    return popup;
  };
  return { open, popupFor };
}
