import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { sendFromPage, type Harness } from './harness';

/**
 * Waits for `selector` inside the shadow root of `host` on the page, polled: what we draw in our shadow roots
 * changes no node of the page's document, so an observer of the document (waitForSelector) may never look again.
 */
export async function inShadow(page: Page, host: string, selector: string, timeout = 10_000) {
  const found = await page.waitForFunction((h, s) => document.querySelector(h)?.shadowRoot?.querySelector(s), { polling: 100, timeout }, host, selector);
  return found as ElementHandle<Element>;
}

const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());

/**
 * Opening console pages and the popup for one of them, and custom adapters for a test, in the harness's browser
 * (`harness`: the one the test file's beforeAll starts).
 */
export function consoleTabs(harness: () => Harness) {
  const open = (url: string) => harness().openUrl(url);
  const popupFor = (page: Page) => harness().popupFor(page);
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
    const options = await harness().openExtensionPage('options.html#adapters');
    const saved = await sendFromPage(options, { type: 'adapters.save', adapter });
    // Every host of these tests is a built-in one: nothing to ask.
    expect(saved).toMatchObject({ ok: true, data: { missingOrigins: [] } });
    try {
      await use();
    } finally {
      expect((await sendFromPage(options, { type: 'adapters.delete', id: (adapter as { id: string }).id })).ok).toBe(true);
      await options.close();
    }
  };
  return { open, popupFor, partsSummary, withCustomAdapter };
}
