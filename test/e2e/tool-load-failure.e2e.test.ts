import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_DIR, importDemoStock, sendFromPage, startHarness, waitForTabHealth, type Harness } from './harness';

/**
 * Tool scripts that cannot be put into the tab (here: a package whose teach.js and stock-detail.js are missing, so
 * the browser's `scripting.executeScript` fails for real): the agent gets the clear message, the feature that asked
 * keeps running, and the log says why.
 */
describe('a tool script cannot be loaded', () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xiaoer-no-teach-'));
    cpSync(DEMO_DIR, dir, { recursive: true });
    for (const tool of ['teach', 'stock-detail']) rmSync(join(dir, `content-scripts/${tool}.js`));
    h = await startHarness({ build: { dir } });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("the popup's 指认页面部件 says the pointing tool could not open (reload and try again), and the log has the cause", async () => {
    const page = await h.openConsole('/console/items');
    const popup = await h.popupFor(page);
    await popup.click('button[name="popup-teach"]');
    const note = await popup.waitForSelector('[data-testid="teach-note"].warn', { timeout: 15_000 });
    const expected = await popup.evaluate(() => chrome.i18n.getMessage('teachLoadFailed'));
    expect(expected).toMatch(/指认工具没能在这个页面打开|could not open/);
    expect((await note!.evaluate((el) => el.textContent))?.trim()).toBe(expected);
    // Nothing opened on the page.
    expect(await page.evaluate(() => document.querySelector('xiaoer-teach'))).toBeNull();
    await vi.waitFor(
      async () => {
        const { data } = await sendFromPage(popup, { type: 'log.list' });
        expect((data as { scope: string; message: string }[]).filter((entry) => entry.scope === 'teach').length).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it('a click on a stock badge whose detail cannot be loaded opens nothing, logs the cause, and the badges keep running', async () => {
    await importDemoStock(h);
    const page = await h.openConsole('/console/items');
    await page.waitForSelector('tr.next-table-row xiaoer-stock');
    const button = await page.evaluateHandle(() => document.querySelector('tr.next-table-row xiaoer-stock')!.shadowRoot!.querySelector('button')!);
    await (button as any).click();
    const options = await h.openExtensionPage('options.html');
    await vi.waitFor(
      async () => {
        const { data } = await sendFromPage(options, { type: 'log.list' });
        expect((data as { scope: string; message: string }[]).filter((entry) => entry.scope === 'stock-badges').length).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 100 },
    );
    const health = await waitForTabHealth(h, page, (answer) => answer.features['stock-badges'] !== undefined);
    expect(health.features['stock-badges']).toBe('running');
    expect(await page.evaluate(() => document.querySelectorAll('xiaoer-stock').length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelector('xiaoer-stock-detail'))).toBeNull();
    await options.close();
    await page.close();
  });
});
