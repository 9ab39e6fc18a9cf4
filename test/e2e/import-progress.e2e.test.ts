/**
 * Issue 18 — a long stock import shows its progress (stage and rows) and can be cancelled: cancelled while the file
 * is read, or while the records are written, the previous stock is as it was, and the page and the log say so.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStockCsv } from '../bench/stock-data.mjs';
import { importDemoStock, sendFromPage, startHarness, type Harness } from './harness';

/** Rows of the generated ERP export: big enough that reading and writing each take well over a second. */
const ROWS = 600_000;
// Codes of the demo stock that the big file has too, with other numbers.
const CODES = ['XE-1001', 'XE-1001-BLK-L', 'XE-1120', 'XE-1240'];

// A 600,000-row file read twice and written once, on a shared machine.
describe('stock import: progress and cancel', { timeout: 240_000 }, () => {
  let h: Harness;
  let bigFile: string;
  let before: unknown;
  const lookUp = async (page: Page) => (await sendFromPage(page, { type: 'stock.lookup', codes: CODES })).data.found;
  const sources = async (page: Page) =>
    ((await sendFromPage(page, { type: 'sources.list' })).data as { id: string; name: string; rows: number }[]).map((s) => [s.id, s.name, s.rows]);
  const cancelledInLog = async (page: Page) =>
    ((await sendFromPage(page, { type: 'log.list' })).data as { scope: string; message: string }[]).filter((e) => e.scope === 'stock-import').map((e) => e.message);

  beforeAll(async () => {
    h = await startHarness();
    await importDemoStock(h);
    const dir = mkdtempSync(join(tmpdir(), 'xiaoer-progress-'));
    bigFile = join(dir, 'big-export.csv');
    writeFileSync(bigFile, makeStockCsv(ROWS).bytes);
    const options = await h.openExtensionPage('options.html#stock');
    before = { stock: await lookUp(options), sources: await sources(options) };
    await options.close();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('cancelled while the file is read: no preview, the previous stock as it was, said on the page and in the log', async () => {
    const options = await h.openExtensionPage('options.html#stock');
    // The page's CPU slowed 6× (as on a slow office PC), so that 取消 lands while the file is read however loaded the
    // machine running the test is (unslowed, the read takes about two seconds). Not under libfaketime (the moved-clock
    // stage): there the throttled page crawled, and the test outlasted its four minutes.
    const cdp = await options.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: process.env.FAKETIME ? 1 : 6 });
    await (await options.waitForSelector('input[name="stock-file"]'))!.uploadFile(bigFile);
    await options.waitForSelector('[data-testid="import-progress"][data-stage="read"]', { timeout: 60_000 });
    // Rows are counted as they are read; 取消 at once (a screenshot in between could outlast the read).
    await options.waitForFunction(() => /已读 [1-9][\d,]* 行/.test(document.querySelector('[data-testid="import-progress"]')?.textContent ?? ''), { polling: 50, timeout: 60_000 });
    await options.click('button[name="cancel-import"]');
    await options.waitForSelector('[data-testid="import-cancelled"]', { timeout: 60_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(await options.$eval('[data-testid="import-cancelled"]', (el) => el.textContent)).toBe('已取消导入，原有库存未改动。');
    expect(await options.$('[data-testid="import-preview"]')).toBeNull();
    expect(await options.$('[data-testid="import-progress"]')).toBeNull();
    expect({ stock: await lookUp(options), sources: await sources(options) }).toEqual(before);
    let log: string[] = [];
    for (const deadline = Date.now() + 10_000; !log.length && Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      log = await cancelledInLog(options);
    }
    expect(log).toEqual([expect.stringMatching(/^已取消导入“big-export”（已读 [1-9]\d* 行时），原有库存未改动$/)]);
    await options.close();
  });

  // Not on a moved clock (the suite's second Chromium stage runs under libfaketime, which intercepts every clock read):
  // there the 6× throttled commit of 450,000 records took minutes and the page stopped answering the test. This is
  // not about dates; the first stage runs it. Named in the README (Tests at any date and hour).
  it.skipIf(!!process.env.FAKETIME)('cancelled while the records are written: the transaction is rolled back, the previous stock as it was', async () => {
    const options = await h.openExtensionPage('options.html#stock');
    await (await options.waitForSelector('input[name="stock-file"]'))!.uploadFile(bigFile);
    await options.waitForSelector('[data-testid="import-preview"]', { timeout: 120_000 });
    // Into the demo's source, replacing it: a commit that went through would change every code above.
    await options.select('select[name="target"]', (before as { sources: string[][] }).sources[0]![0]!);
    await options.waitForSelector('button[name="import"]:not([disabled])', { timeout: 120_000 });
    // The page's CPU slowed 6× (as on a slow office PC): the ~450,000 records then take several seconds to write,
    // so that 取消 lands while they are being written, however fast the machine running the test is.
    const cdp = await options.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await options.click('button[name="import"]');
    await options.waitForSelector('[data-testid="import-progress"][data-stage="commit"]', { timeout: 60_000 });
    await options.click('button[name="cancel-import"]');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await options.waitForSelector('[data-testid="import-cancelled"]', { timeout: 60_000 });
    expect(await options.$('[data-testid="import-done"]')).toBeNull();
    // The preview stays, to import again.
    expect(await options.$('[data-testid="import-preview"]')).not.toBeNull();
    expect({ stock: await lookUp(options), sources: await sources(options) }).toEqual(before);
    // The log line is written after the notice shows: wait for it.
    let entry: string | undefined;
    for (const deadline = Date.now() + 10_000; !entry && Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      entry = (await cancelledInLog(options)).find((message) => message.includes('写入'));
    }
    expect(entry).toMatch(/^已取消导入“big-export”（写入 \d+\/\d+ 条时），原有库存未改动$/);
    // And once the worker has started again from what is stored.
    await h.stopWorker();
    expect(await lookUp(options)).toEqual((before as { stock: unknown }).stock);
    await options.close();
  });
});
