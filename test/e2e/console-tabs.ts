import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';

/**
 * Waits for `selector` inside the shadow root of `host` on the page, polled: what we draw in our shadow roots
 * changes no node of the page's document, so an observer of the document (waitForSelector) may never look again.
 */
export async function inShadow(page: Page, host: string, selector: string, timeout = 10_000) {
  const found = await page.waitForFunction((h, s) => document.querySelector(h)?.shadowRoot?.querySelector(s), { polling: 100, timeout }, host, selector);
  return found as ElementHandle<Element>;
}

const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());

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
  /** What the popup says of the page: `adapter · page kinds`, and how many required parts were found. */
  const partsSummary = async (page: Page) => {
    const popup = await popupFor(page);
    await popup.waitForSelector('[data-testid="parts-summary"]');
    const seen = { status: await textOf(popup, '[data-testid="page-status"] > p'), parts: await textOf(popup, '[data-testid="parts-summary"]') };
    await popup.close();
    return seen;
  };
  /** Runs `use` with `adapter` saved as a custom adapter (through the worker, as options does), then deletes it. */
  const withCustomAdapter = async (adapter: object, use: () => Promise<void>) => {
    const options = await browser().newPage();
    await options.goto(`chrome-extension://${extensionId()}/options.html#adapters`);
    const saved = await options.evaluate((a) => chrome.runtime.sendMessage({ type: 'adapters.save', adapter: a }), adapter as never);
    // Every host of these tests is a built-in one: nothing to ask.
    expect(saved).toMatchObject({ ok: true, data: { missingOrigins: [] } });
    try {
      await use();
    } finally {
      expect(await options.evaluate(async (id) => (await chrome.runtime.sendMessage({ type: 'adapters.delete', id })).ok, (adapter as { id: string }).id)).toBe(true);
      await options.close();
    }
  };
  return { open, popupFor, partsSummary, withCustomAdapter };
}
