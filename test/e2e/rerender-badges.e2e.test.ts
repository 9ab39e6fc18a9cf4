import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockCsv } from '../rerender/catalog.mjs';
import { startRerenderServer } from '../rerender/server.mjs';
import { importFile, startHarness, type Harness } from './harness';

/** What the page's per-frame check (test/rerender/pages/badge-watch.js) saw. */
interface Watch {
  frames: number;
  rightFrames: number;
  lastRight: boolean;
  badged: number;
  flicker: { frame: number; code: string }[];
  wrong: { frame: number; code: string; text: string; expected: string }[];
}

const watchOf = (page: Page) => page.evaluate(() => (window as any).__badgeWatch as Watch);

/** Until every visible row has its badge with the right stock (a positive signal, read from the page's own check). */
async function allRight(page: Page, timeout = 15_000): Promise<void> {
  try {
    await page.waitForFunction(() => (window as any).__badgeWatch?.lastRight === true, { timeout, polling: 50 });
  } catch (error) {
    const rows = await page.$$eval('tr.next-table-row', (all) =>
      all.map((row) => `${row.querySelector('.outer-code')?.textContent}=${row.querySelector('xiaoer-stock')?.shadowRoot?.querySelector('button')?.textContent ?? '-'}`),
    );
    throw new Error(`badges never all right: ${JSON.stringify(await watchOf(page)).slice(0, 600)}; rows ${rows.join(' ')}`, { cause: error });
  }
}

describe('badges on pages that re-render their rows', () => {
  let h: Harness;
  let pages: Awaited<ReturnType<typeof startRerenderServer>>;

  /**
   * The stock.lookup questions tabs send the worker, seen by a second message listener in the worker (it answers
   * nothing; the router still does). `installed` tells a worker restart (the count would start again) from none.
   */
  const lookups = async (): Promise<{ installed: boolean; codes: string[][] }> =>
    (await h.worker()).evaluate(() => ({ installed: !!(globalThis as any).__lookupsSeen, codes: (globalThis as any).__lookupsSeen ?? [] }));
  const countLookups = async () =>
    (await h.worker()).evaluate(() => {
      const seen: string[][] = ((globalThis as any).__lookupsSeen ??= []);
      seen.length = 0;
      if ((globalThis as any).__lookupsListening) return;
      (globalThis as any).__lookupsListening = true;
      chrome.runtime.onMessage.addListener((message: any) => {
        if (message?.type === 'stock.lookup') (globalThis as any).__lookupsSeen.push(message.codes);
      });
    });

  beforeAll(async () => {
    [h, pages] = await Promise.all([startHarness(), startRerenderServer()]);
    const csv = join(tmpdir(), 'xiaoer-rerender-stock.csv');
    writeFileSync(csv, stockCsv());
    const options = await importFile(h, csv);
    await options.click('button[name="import"]');
    await options.waitForSelector('[data-testid="import-done"]', { timeout: 60_000 });
    await options.close();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
    await pages?.close();
  });

  const open = async (path: string) => {
    const page = await h.browser.newPage();
    page.on('pageerror', (error) => h.pageErrors.push(`${page.url()}: ${String(error)}`));
    await page.bringToFront();
    await page.goto(pages.origin + path, { waitUntil: 'load' });
    return page;
  };

  /** Each code asked of the worker once at most (a code known is never asked again); returns the codes asked. */
  async function expectAskedOnce(): Promise<Set<string>> {
    const seen = await lookups();
    expect(seen.installed).toBe(true);
    const asked = seen.codes.flat();
    expect(asked.filter((code, k) => asked.indexOf(code) !== k), 'codes asked twice').toEqual([]);
    return new Set(asked);
  }

  /**
   * Every row the list draws, beyond the pane's edges too, has its badge with a number: the rows a screen ahead are
   * asked for as well, one question at a time, and a screen counts as seen once those answers are in (under load a
   * stop moved on before, and the screen seen again asked for its clipped rows then).
   */
  const allDrawnAnswered = (page: Page) =>
    page.waitForFunction(
      () =>
        [...document.querySelectorAll('tr.next-table-row')]
          .filter((row) => !(row as HTMLElement).hidden)
          .every((row) => {
            const text = row.querySelector('xiaoer-stock')?.shadowRoot?.querySelector('button')?.textContent;
            return !!text && text !== '…';
          }),
      { polling: 100, timeout: 15_000 },
    );

  /** Lets the page re-render `ticks` more times, its badges checked every frame meanwhile. */
  async function ticks(page: Page, ticks: number): Promise<void> {
    const from = await page.evaluate(() => (window as any).__pageTicks ?? 0);
    await page.waitForFunction((n) => ((window as any).__pageTicks ?? 0) >= n, { timeout: 15_000, polling: 100 }, from + ticks);
  }

  it.each([
    ['React, keyed rows', '/console/items/react-countdown?watch&keys=code&first=1'],
    ['React, rows keyed by index (each row rewritten to the next product every second)', '/console/items/react-countdown?watch&keys=index&first=101'],
    ['Vue 3, keyed rows, the page stock changing every second', '/console/items/vue-list?watch&first=201'],
    ["React, rows keyed by index, Taobao's stock cells (the number in a span of its own)", '/console/items/react-countdown?watch&keys=index&cells=taobao&first=301'],
  ])('%s: right badges, no flicker, no question asked twice', async (_name, path) => {
    await countLookups();
    const page = await open(path);
    await allRight(page);
    await ticks(page, 1);
    await allRight(page);
    const asked = await expectAskedOnce();
    expect(asked.size).toBe(20); // the page's 20 products, asked for once
    const before = await watchOf(page);
    await ticks(page, 4);
    await allRight(page);
    const after = await watchOf(page);
    // Every frame of four re-renders was checked, and the page re-rendered rows that had badges.
    expect(after.frames - before.frames).toBeGreaterThan(30);
    expect(after.rightFrames - before.rightFrames).toBeGreaterThan(30);
    expect(after.flicker).toEqual([]);
    expect(after.wrong).toEqual([]);
    // Right in every frame after the first one where all were right: the re-renders never showed a row without it.
    expect(after.rightFrames - before.rightFrames).toBe(after.frames - before.frames);
    expect((await lookups()).codes.flat().length).toBe(asked.size);
    await page.close();
  });

  it.each([
    ['text straight in the cell: each badge put back at every re-render', '', true],
    ["Taobao's number in a span: the badges beside it stay, only their text changes", '&cells=taobao', false],
  ])('rows keyed by index, %s', async (_name, cells, putBack) => {
    const page = await open(`/console/items/react-countdown?watch&keys=index&first=401${cells}`);
    await allRight(page);
    // The page's badges counted as they go in and out of its DOM from now on (a badge's text changes in its shadow root).
    await page.evaluate(() => {
      const counts = ((window as any).__badgeMoves = { out: 0, in: 0 });
      const isBadge = (node: Node) => node.nodeName === 'XIAOER-STOCK';
      new MutationObserver((records) => {
        for (const record of records) {
          counts.out += [...record.removedNodes].filter(isBadge).length;
          counts.in += [...record.addedNodes].filter(isBadge).length;
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await ticks(page, 3);
    await allRight(page);
    const moves = await page.evaluate(() => (window as any).__badgeMoves);
    const watch = await watchOf(page);
    expect(watch.flicker).toEqual([]);
    expect(watch.wrong).toEqual([]);
    if (putBack) {
      // React took each badge out with the cell's old text, and Xiaoer put it back in the same task.
      expect(moves.out).toBeGreaterThanOrEqual(3 * watch.badged);
      expect(moves.in).toBe(moves.out);
    } else {
      expect(moves).toEqual({ out: 0, in: 0 });
      // Beside the number, at the end of its label: after the page's edit icon, which it must not cover.
      const places = await page.$$eval('xiaoer-stock', (all) => all.map((badge) => `${badge.parentElement?.className}|${badge.previousElementSibling?.className}|${badge.nextSibling}`));
      expect(new Set(places)).toEqual(new Set(['quantity-item-label|next-icon next-icon-edit|null']));
    }
    await page.close();
  });

  it("Taobao's number replaced by a new element with another number: read anew, one badge in the row", async () => {
    // No re-render of the page's own meanwhile (a tick every 10 minutes): only the replacement changes the rows.
    const page = await open('/console/items/react-countdown?watch&keys=index&cells=taobao&first=501&every=600000');
    await allRight(page);
    // As a framework re-creating the element (another tag, or a key of its own): a new span in the old one's place,
    // showing a page stock the real one is not (the badge's title then names it).
    await page.evaluate(() => {
      const old = document.querySelector('tr.next-table-row .stock-num')!;
      const fresh = document.createElement('span');
      fresh.className = 'stock-num';
      fresh.textContent = '98765';
      old.replaceWith(fresh);
    });
    await page.waitForFunction(
      () => document.querySelector('tr.next-table-row xiaoer-stock')?.shadowRoot?.querySelector('button')?.title.includes('98765'),
      { polling: 50 },
    );
    await allRight(page);
    const row = await page.$eval('tr.next-table-row', (row) => ({
      badges: row.querySelectorAll('xiaoer-stock').length,
      kind: row.querySelector('xiaoer-stock')!.getAttribute('data-kind'),
      last: row.querySelector('.quantity-item-label')!.lastElementChild!.localName,
    }));
    expect(row).toEqual({ badges: 1, kind: 'mismatch', last: 'xiaoer-stock' });
    expect((await watchOf(page)).wrong).toEqual([]);
    await page.close();
  });

  it("Taobao's cells, a row's code rewritten in place to none and back: its badge goes, then shows that product again", async () => {
    const page = await open('/console/items/react-countdown?watch&keys=index&cells=taobao&first=601&every=600000');
    await allRight(page);
    // The third row's code, set as a framework sets a text node's value: a text change only, no element in or out.
    const setCode = (text: string | null) =>
      page.evaluate((value) => {
        const node = document.querySelectorAll('tr.next-table-row')[2]!.querySelector('.outer-code')!.firstChild as Text;
        const was = node.nodeValue;
        if (value !== null) node.nodeValue = value;
        return was;
      }, text);
    const badgeText = () => page.$$eval('tr.next-table-row', (rows) => rows[2]!.querySelector('xiaoer-stock')?.shadowRoot?.querySelector('button')?.textContent ?? null);
    const code = (await setCode(null))!;
    const shown = await badgeText();
    await setCode('商家编码：');
    await page.waitForFunction(() => !document.querySelectorAll('tr.next-table-row')[2]!.querySelector('xiaoer-stock'), { polling: 50 });
    await setCode(code);
    await page.waitForFunction(
      (text) => document.querySelectorAll('tr.next-table-row')[2]!.querySelector('xiaoer-stock')?.shadowRoot?.querySelector('button')?.textContent === text,
      { polling: 50 },
      shown,
    );
    await allRight(page);
    expect((await watchOf(page)).wrong).toEqual([]);
    await page.close();
  });

  it('paging that reuses the row elements for other products: each row shows the stock of what it shows now', async () => {
    await countLookups();
    const page = await open('/console/items/paging?watch&first=5001');
    await allRight(page);
    for (const target of ['2', '3', '50', '1']) {
      await page.click(`.next-pagination-item[data-page="${target}"]`);
      await page.waitForFunction((n) => String((window as any).__page) === n, { polling: 50 }, target);
      await allRight(page);
      if (target === '50') {
        // The last 10 products: the 10 rows left over are hidden and keep no badge of what they showed.
        const leftOver = await page.$$eval('tr.next-table-row[hidden]', (rows) => rows.map((row) => !!row.querySelector('xiaoer-stock')));
        expect(leftOver).toEqual(Array(10).fill(false));
      }
    }
    const known = await expectAskedOnce();
    const watch = await watchOf(page);
    expect(watch.wrong).toEqual([]);
    expect(watch.flicker).toEqual([]);
    // Pages 1, 2, 3, 50 once each, page 1 again from what is known: 20 + 20 + 20 + 10 codes.
    expect(known.size).toBe(70);
    await page.close();
  });

  it('a virtual list of 100,000 rows recycling 40 row elements: right on every screen while scrolling', async () => {
    await countLookups();
    const page = await open('/console/items/virtual-list?watch');
    await allRight(page);
    // Screen by screen to the end (each jump recycles every row), then a few quick scrolls that land mid-way.
    const height = await page.evaluate(() => (window as any).__virtualPane.scrollHeight - 640);
    // First a stop where a row peeks in by 1 px at the pane's bottom edge (its top at 639 of the 640 px pane), shown
    // by a row element that never had a badge (below the first screen, clipped by the pane): it gets one all the same.
    const peek = 1025 * 32 - 639;
    const stops = [peek, ...Array.from({ length: 25 }, (_, k) => Math.round((height * (k + 1)) / 25)), 640, 1280, 1920, Math.round(height / 2)];
    for (const top of stops) {
      await page.evaluate((y) => ((window as any).__virtualPane.scrollTop = y), top);
      await page.waitForFunction((y) => Math.abs((window as any).__virtualPane.scrollTop - y) < 1, { polling: 50 }, Math.min(top, height));
      await allRight(page);
      await allDrawnAnswered(page);
    }
    // Smooth scrolling by the wheel, rows recycled a few at a time in many frames.
    for (let k = 0; k < 20; k++) await page.mouse.wheel({ deltaY: 96 });
    await allRight(page);
    await allDrawnAnswered(page);
    const known = await expectAskedOnce();
    // Back to screens seen before: nothing asked at all.
    await page.evaluate(() => ((window as any).__virtualPane.scrollTop = 640));
    await page.waitForFunction(() => (window as any).__virtualFirst === 11, { polling: 50 });
    await allRight(page);
    expect((await expectAskedOnce()).size).toBe(known.size);
    const watch = await watchOf(page);
    expect(watch.frames).toBeGreaterThan(stops.length);
    expect(watch.wrong).toEqual([]);
    expect(watch.flicker).toEqual([]);
    // The end of the list holds products the stock file lacks: their badges said 无记录 (checked as right above).
    expect([...known].some((code) => code > 'RR-090000')).toBe(true);
    await page.close();
  });

  it('a 200-row table re-rendered every second: rows far from the view give up their badges, and have them right when they come back', async () => {
    const page = await open('/console/items/react-countdown?watch&keys=index&rows=200&first=1001');
    await allRight(page);
    /** Rows with a badge, and how far below the view's bottom the lowest of them starts (px). */
    const badged = () =>
      page.evaluate(() => {
        const rows = [...document.querySelectorAll('tr.next-table-row')].filter((row) => row.querySelector('xiaoer-stock'));
        return { count: rows.length, lowest: Math.max(...rows.map((row) => row.getBoundingClientRect().top)) - innerHeight };
      });
    await ticks(page, 2);
    const atTop = await badged();
    // The page not scrolled, only the rows in the view keep their badges: the rows ahead of it, re-rendered every
    // second, give theirs up until the page scrolls (putting them back each second would cost every frame).
    expect(atTop.count).toBeGreaterThan(10);
    expect(atTop.lowest).toBeLessThan(0);
    // At the end of the table, the rows at the top — re-rendered while far from the view — lose theirs.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await allRight(page);
    await page.waitForFunction(
      () => [...document.querySelectorAll('tr.next-table-row')].slice(0, 20).every((row) => !row.querySelector('xiaoer-stock')),
      { timeout: 15_000, polling: 100 },
    );
    // Back at the top, the wheel down half a screen: every row shown is right, in every frame of the scroll (the
    // rows ahead get their badges back in the scroll's own frame) and of four re-renders after it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await allRight(page);
    await ticks(page, 1);
    await allRight(page);
    const before = await watchOf(page);
    for (let k = 0; k < 4; k++) await page.mouse.wheel({ deltaY: 100 });
    await ticks(page, 4);
    await allRight(page);
    const after = await watchOf(page);
    expect(after.rightFrames - before.rightFrames).toBe(after.frames - before.frames);
    expect(after.flicker.length).toBe(before.flicker.length);
    expect(after.wrong).toEqual([]);
    await page.close();
  });

  it('a 200-row table that stays still: the rows ahead of the view get their badges before the agent scrolls', async () => {
    const page = await open('/console/items/react-countdown?watch&keys=index&rows=200&first=1001&every=3600000');
    await allRight(page);
    // The first rows get theirs in the page's own frame; those ahead of the view, found after it, once the page
    // has been quiet a moment (it never re-renders here): the agent's first scroll finds them drawn already.
    await page.waitForFunction(
      () => [...document.querySelectorAll('tr.next-table-row')].some((row) => row.querySelector('xiaoer-stock') && row.getBoundingClientRect().top > innerHeight),
      { timeout: 15_000, polling: 100 },
    );
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const before = await watchOf(page);
    for (let k = 0; k < 4; k++) await page.mouse.wheel({ deltaY: 100 });
    await page.waitForFunction(() => window.scrollY >= 400, { timeout: 15_000, polling: 50 });
    await allRight(page);
    const after = await watchOf(page);
    expect(after.rightFrames - before.rightFrames).toBe(after.frames - before.frames);
    expect(after.wrong).toEqual([]);
    await page.close();
  });

  it('printed no errors', () => {
    expect(h.pageErrors.filter((line) => !line.includes('favicon'))).toEqual([]);
  });
});
