import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer } from './feed-server';
import { importDemoStock, importFile, rowBadgeText, sendFromPage, startHarness, type Harness } from './harness';

const expected = JSON.parse(readFileSync('test/demo/data/erp-stock.json', 'utf8')).expected as Record<string, { available: number }>;
const XE1001 = `实 ${expected['XE-1001']!.available}`;
const XE1002 = `实 ${expected['XE-1002']!.available}`;

describe('stock sources: feeds, bad input and failures', () => {
  let h: Harness;
  let feed: Awaited<ReturnType<typeof startFeedServer>>;
  let items: Page;
  const dir = mkdtempSync(join(tmpdir(), 'xiaoer-stock-'));
  const waitForBadge = (code: string, text: string) =>
    items.waitForFunction(
      (c, t) => {
        const row = [...document.querySelectorAll('tr.next-table-row')].find((r) => r.querySelector('.outer-code')?.textContent?.endsWith(c));
        return row?.querySelector('xiaoer-stock')?.shadowRoot?.querySelector('button')?.textContent === t;
      },
      // Interval polling: the items tab is often in the background, where requestAnimationFrame does not run.
      { timeout: 10_000, polling: 100 },
      code,
      text,
    );

  /**
   * The XE-1001 badge in an items tab opened now: it reads the stock as the worker has it at this moment (an open tab
   * only hears of changes by broadcast, whose absence nothing signals). Waits for the badge, then returns its text.
   */
  const freshBadge = async (code: string) => {
    const page = await h.openConsole('/console/items');
    await page.waitForFunction(
      (c) => [...document.querySelectorAll('tr.next-table-row')].find((r) => r.querySelector('.outer-code')?.textContent?.endsWith(c))?.querySelector('xiaoer-stock')?.shadowRoot?.querySelector('button')?.textContent,
      { timeout: 10_000, polling: 100 },
      code,
    );
    const text = await rowBadgeText(page, code);
    await page.close();
    return text;
  };
  const lookUp = async (page: Page, codes: string[]) => (await sendFromPage(page, { type: 'stock.lookup', codes })).data.found;

  beforeAll(async () => {
    h = await startHarness();
    feed = await startFeedServer();
    await importDemoStock(h);
    items = await h.openConsole('/console/items');
    await waitForBadge('XE-1001', XE1001);
  });
  afterAll(async () => {
    await h?.close();
    await feed?.close();
  });

  it('refuses a malformed file with each bad line, and keeps the stock', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '规格编码,仓库,可用库存\nXE-1001-BLK-L,主仓,5\nXE-1002-BEI-L,主仓,abc\n,主仓,3\nXE-1003-PNK-XL,主仓,7.5\n');
    const options = await importFile(h, bad);
    const problems = await options.$eval('[data-testid="import-problems"]', (el) => el.textContent ?? '');
    expect(problems).toContain('发现 3 个问题');
    expect(problems).toMatch(/第 3 行.*abc/);
    expect(problems).toMatch(/第 4 行/);
    expect(problems).toMatch(/第 5 行.*7\.5/);
    expect(await options.$eval('button[name="import"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await options.close();

    const noCode = join(dir, 'no-code.csv');
    writeFileSync(noCode, '商品名称,可用库存\n大衣,5\n');
    const options2 = await importFile(h, noCode);
    expect(await options2.$eval('[data-testid="import-problems"]', (el) => el.textContent)).toContain('缺少编码列');
    await options2.close();

    const notXlsx = join(dir, 'fake.xlsx');
    writeFileSync(notXlsx, 'not a zip');
    const options3 = await importFile(h, notXlsx);
    expect(await options3.$eval('[data-testid="import-error"]', (el) => el.textContent)).toBe('无法读取 fake.xlsx：这不是有效的 XLSX 文件');
    await options3.close();
    expect(await rowBadgeText(items, 'XE-1001')).toBe(XE1001);
  });

  it('adds a URL feed in the options page and updates open tabs without a reload', async () => {
    let body = JSON.stringify({ items: [{ 商家编码: 'XE-1001', 可用库存: 777, 仓库: '云仓' }] });
    let etag = '"v1"';
    feed.respond((req, res) => {
      if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/json', etag }).end(body);
    });
    const options = await h.openExtensionPage('options.html#stock');
    await options.waitForSelector('input[name="feed-url"]');
    await options.type('input[name="feed-name"]', '云仓接口');
    await options.type('input[name="feed-url"]', feed.url);
    await options.click('button[name="save-feed"]');
    await options.waitForSelector('[data-testid="feed-status"]');
    expect(await options.$eval('[data-testid="feed-status"]', (el) => el.textContent)).toBe('已保存，首次同步成功。');
    await waitForBadge('XE-1001', '实 777');
    // Codes the feed does not carry keep the file's stock.
    expect(await rowBadgeText(items, 'XE-1002')).toBe(XE1002);

    // Unchanged feed: the worker sends its ETag and gets 304.
    expect(await sendFromPage(options, { type: 'sources.sync' })).toMatchObject({ ok: true, data: [{ status: 'unchanged' }] });
    expect(feed.requests.at(-1)?.['if-none-match']).toBe('"v1"');

    // A new version, fetched with the popup's "sync now".
    body = JSON.stringify({ items: [{ 商家编码: 'XE-1001', 可用库存: 555, 仓库: '云仓' }] });
    etag = '"v2"';
    const popup = await h.openExtensionPage(`popup.html?tabId=${await h.tabIdOf(items)}`);
    await popup.waitForSelector('button[name="sync-now"]');
    expect(await popup.$eval('[data-testid="sources"]', (el) => el.textContent)).toContain('云仓接口');
    await popup.click('button[name="sync-now"]');
    await waitForBadge('XE-1001', '实 555');
    await popup.close();
    await options.close();
  });

  it.each([
    ['a server error', (res: any) => res.writeHead(500).end('boom'), '数据源返回 HTTP 500'],
    // The whole message (every feed error starts with 数据源): a body that is neither JSON nor a table.
    ['garbage', (res: any) => res.writeHead(200, { 'content-type': 'text/plain' }).end('\u0000\u0001%%%garbage%%%'), '数据源返回的内容既不是 JSON 也不是 CSV'],
    // The checks of a file import apply to feeds: a line with a column too many is named with its line.
    [
      'a CSV with a shifted line',
      (res: any) => res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end('商品编码,仓库,可用库存\r\nXE-1001,主仓,7\r\nXE-1002,主仓,3,多出来的\r\n'),
      '第 3 行',
    ],
    ['an HTML error page', (res: any) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>login</body></html>'), '数据源返回的是网页或 XML'],
    [
      '50 MB',
      (res: any) => {
        res.writeHead(200, { 'content-type': 'text/csv' });
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const push = () => {
          while (sent < 50) {
            sent++;
            if (!res.write(chunk)) return res.once('drain', push);
          }
          res.end();
        };
        res.on('error', () => {});
        push();
      },
      '数据源内容过大',
    ],
  ])('keeps the previous stock with a clear error when the feed returns %s', async (name, respond, message) => {
    feed.respond((_req, res) => respond(res));
    const options = await h.openExtensionPage('options.html#stock');
    const reply = await sendFromPage(options, { type: 'sources.sync' });
    expect(reply.ok).toBe(true);
    expect(reply.data[0]).toMatchObject({ status: 'failed', error: name === 'garbage' ? message : expect.stringContaining(message) });
    await options.waitForSelector('[data-testid="source-error"]');
    expect(await options.$eval('[data-testid="source-error"]', (el) => el.textContent)).toContain(message);
    // The sync has answered, so it has decided: the stock is the previous one, in the worker and in a tab.
    expect(await lookUp(options, ['XE-1001'])).toEqual([[555, expect.any(Number)]]);
    await options.close();
    expect(await freshBadge('XE-1001')).toBe('实 555');
  });

  it('keeps the previous stock when the worker stops in the middle of a feed import', async () => {
    // A big feed: 300k codes, and XE-1001 at 999999 (the stock before is 555 from the feed above).
    const big = ['商家编码,仓库,可用库存', 'XE-1001,云仓,999999', ...Array.from({ length: 300_000 }, (_, i) => `BIG-${i},云仓,1`)].join('\n');
    const half = big.length >> 1;
    const previous = [[555, expect.any(Number)], 0, 0];
    const imported = [[999999, expect.any(Number)], [1, expect.any(Number)], [1, expect.any(Number)]];
    const options = await h.openExtensionPage('options.html#stock');
    const sources = (await sendFromPage(options, { type: 'sources.list' })).data as { id: string; name: string }[];
    const real = sources.find((s) => s.name === '云仓接口')!;
    // A request whose worker stops before answering: Chromium rejects it, Firefox resolves it with nothing.
    const sync = () =>
      sendFromPage(options, { type: 'sources.sync', id: real.id }).then(
        (reply) => reply ?? { ok: false, error: 'no answer', data: undefined },
        (error: Error) => ({ ok: false, error: error.message, data: undefined }),
      );

    // Stopped at a known stage: the worker is reading the feed, whose second half the server has not sent yet.
    let halfSent!: () => void;
    const reading = new Promise<void>((resolve) => (halfSent = resolve));
    let held: ServerResponse | null = null;
    feed.respond((_req, res) => {
      held = res;
      res.on('error', () => {});
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write(big.slice(0, half), () => halfSent());
    });
    const stopped = sync();
    await reading;
    await h.stopWorker();
    (held as ServerResponse | null)?.destroy();
    expect((await stopped)?.ok).toBe(false);
    expect(await lookUp(options, ['XE-1001', 'BIG-1', 'BIG-299999'])).toEqual(previous);
    expect(await freshBadge('XE-1001')).toBe('实 555');

    // Stopped once the server has sent the whole feed: the worker may be parsing it, writing it, or done. Whatever
    // it got to, the stock is one whole version, never part of the new one.
    let allSent!: () => void;
    const delivered = new Promise<void>((resolve) => (allSent = resolve));
    feed.respond((_req, res) => {
      res.on('error', () => {});
      res.writeHead(200, { 'content-type': 'text/csv' }).end(big, () => allSent());
    });
    const late = sync();
    await delivered;
    await h.stopWorker();
    const lateReply = await late;
    const after = await lookUp(options, ['XE-1001', 'BIG-1', 'BIG-299999']);
    // Whichever version XE-1001 shows, the other codes are of that same version.
    expect(after).toEqual(after[0]?.[0] === 999999 ? imported : previous);
    if (lateReply?.ok) expect(after).toEqual(imported);

    // Not stopped, the same feed imports whole: the stops above are what kept (or left whole) the stock.
    feed.respond((_req, res) => res.writeHead(200, { 'content-type': 'text/csv' }).end(big));
    expect(await sync()).toMatchObject({ ok: true, data: [{ status: 'updated', rows: 300_001 }] });
    expect(await lookUp(options, ['XE-1001', 'BIG-1', 'BIG-299999'])).toEqual(imported);
    await waitForBadge('XE-1001', '实 999999');
    await options.close();
  });

  it('imports an XLSX sheet and a table pasted from the ERP page', async () => {
    const options = await importFile(h, 'test/unit/fixtures/stock/stock.xlsx');
    expect(await options.$eval('[data-testid="import-preview"]', (el) => el.textContent)).toContain('XLSX，3 行数据');
    await options.click('button[name="import"]');
    await options.waitForSelector('[data-testid="import-done"]');
    const xlsx = await sendFromPage(options, { type: 'stock.lookup', codes: ['A&B-01', 'AB002'] });
    expect(xlsx.data.found.map((f: [number, number]) => f[0])).toEqual([45, -5]);
    expect((await sendFromPage(options, { type: 'stock.detail', code: 'a&b-01' })).data).toMatchObject({ available: 45, warehouses: { 主仓: 42, 二号仓: 3 } });

    await h.reloadExtensionPage(options);
    await options.waitForSelector('details.paste');
    await options.click('details.paste summary');
    await options.type('textarea[name="stock-paste"]', '商家编码\t仓库\t可用库存\nXE-1003\t门店仓\t1\n');
    await options.click('details.paste button');
    await options.waitForSelector('[data-testid="import-preview"]');
    expect(await options.$eval('[data-testid="import-preview"]', (el) => el.textContent)).toContain('粘贴的表格（制表符分隔），1 行数据');
    await options.click('button[name="import"]');
    await options.waitForSelector('[data-testid="import-done"]');
    await waitForBadge('XE-1003', '实 1');
    await options.close();
  });
});
