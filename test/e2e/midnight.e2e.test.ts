import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannotRunIn, startHarness, type Harness } from './harness';

// The browser runs on Beijing time, as the demo console's times are (see response-clock.e2e.test.ts).
process.env.TZ = 'Asia/Shanghai';

const BEIJING = 8 * 3600_000;
const DAY = 24 * 3600_000;
/** The next Beijing midnight after the machine's now. */
const nextMidnight = Math.ceil((Date.now() + BEIJING) / DAY) * DAY - BEIJING;

/** Seconds a list badge shows: `首问 1分50秒`, `2分05秒`, `45秒`, `1时20分`. */
const secondsOf = (text: string) => {
  const m = /(?:(\d+)时)?(?:(\d+)分)?(?:(\d+)秒)?/.exec(text.replace(/^\D+/, ''))!;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
};

function listBadge(page: Page, uid: string): Promise<string | null> {
  return page.evaluate((u) => document.querySelector(`li.conv-item[data-uid="${u}"] xiaoer-wait`)?.shadowRoot?.querySelector('div.wait')?.textContent ?? null, uid);
}

const waitForBadge = (page: Page, uid: string) =>
  page.waitForFunction((u) => !!document.querySelector(`li.conv-item[data-uid="${u}"] xiaoer-wait`)?.shadowRoot?.querySelector('div.wait'), { timeout: 20_000, polling: 100 }, uid);

// Firefox cannot be started at another instant: it deadlocks at start under libfaketime (README, Firefox).
describe.skipIf(cannotRunIn('firefox', 'midnight: Firefox deadlocks at start under libfaketime, so it cannot start at a chosen instant'))('at midnight', () => {
  // The browser starts 20 s before a Beijing midnight, and the demo shop is built as of that moment.
  const at = nextMidnight - 20_000;
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ at });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('runs the browser at the instant the test asked for', async () => {
    const page = await h.openConsole('/console/items');
    const now = await page.evaluate(() => Date.now());
    expect(now).toBeGreaterThanOrEqual(at);
    expect(now).toBeLessThan(nextMidnight);
    expect(h.demoNow).toBe(at);
    await page.close();
  });

  it('keeps counting waits in minutes across midnight, and a reload after it reads the dated times the same', async () => {
    const page = await h.openConsole('/console/chat?reset=1&uid=2208800106');
    // 山海经里的鱼 has waited 1 min 50 s at the demo's "now"; on screen their message shows a bare time of day.
    const WAITING = '2208800104';
    await waitForBadge(page, WAITING);
    const before = secondsOf((await listBadge(page, WAITING))!);
    expect(before).toBeGreaterThanOrEqual(110);
    expect(before).toBeLessThan(170);
    expect(await page.$eval(`li.conv-item[data-uid="${WAITING}"] .conv-time`, (el) => el.textContent)).toMatch(/^23:5\d$/);
    // 豆豆妈咪 was answered in the evening and hears nothing more from the script: a bare time too, until midnight.
    const ANSWERED = '2208800107';
    expect(await page.$eval(`li.conv-item[data-uid="${ANSWERED}"] .conv-time`, (el) => el.textContent)).toMatch(/^2\d:\d\d$/);

    // Past midnight, in the browser's own clock.
    await page.waitForFunction((m) => Date.now() > m + 3000, { timeout: 40_000, polling: 200 }, nextMidnight);
    // The buyer who was waiting still has a wait of minutes (not a day, not negative), and it went on growing.
    await page.waitForFunction((u, b) => {
      const text = document.querySelector(`li.conv-item[data-uid="${u}"] xiaoer-wait`)?.shadowRoot?.querySelector('div.wait')?.textContent ?? '';
      return /分/.test(text) && !/时/.test(text) && text !== b;
    }, { timeout: 10_000, polling: 200 }, WAITING, (await listBadge(page, WAITING))!);
    const after = secondsOf((await listBadge(page, WAITING))!);
    expect(after).toBeGreaterThan(before + 15);
    expect(after).toBeLessThan(before + 120);

    // A new buyer whose first message came on the demo's timer (5 s after the chat opened, before or after
    // midnight) waits seconds, not a day.
    const NEW = '2208800201';
    await waitForBadge(page, NEW);
    const fresh = secondsOf((await listBadge(page, NEW))!);
    expect(fresh).toBeLessThan(60);

    // After midnight the console dates yesterday's messages: the reloaded page reads them to the same waits.
    await page.goto(`${h.origin}/console/chat`, { waitUntil: 'load' });
    await waitForBadge(page, WAITING);
    expect(await page.$eval(`li.conv-item[data-uid="${ANSWERED}"] .conv-time`, (el) => el.textContent)).toMatch(/^\d\d-\d\d 2\d:\d\d$/);
    expect(await listBadge(page, ANSWERED)).toBeNull();
    const reloaded = secondsOf((await listBadge(page, WAITING))!);
    expect(reloaded).toBeGreaterThanOrEqual(after);
    expect(reloaded).toBeLessThan(after + 60);
    expect(h.pageErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
    await page.close();
  });
});
