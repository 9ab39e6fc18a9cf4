import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_DIR, sendFromPage, startHarness, type Harness } from './harness';

/**
 * A tool script that cannot be put into the tab (here: a package whose teach.js is missing, so the browser's
 * `scripting.executeScript` fails for real): the agent gets the clear message, and the log says why.
 */
describe('the teach overlay cannot be loaded', () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xiaoer-no-teach-'));
    cpSync(DEMO_DIR, dir, { recursive: true });
    rmSync(join(dir, 'content-scripts/teach.js'));
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
});
