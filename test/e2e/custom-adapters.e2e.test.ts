import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConsoleAdapter } from '@/utils/adapters/builtin/demo-console';
import { askTab, buildPregranted, dockText, NO_CONTENT_SCRIPT, sendFromPage, scriptErrors, startHarness, waitForNoDock, type Harness } from './harness';

/** The demo console served on localhost: a host no built-in adapter covers (the demo adapter is 127.0.0.1 only). */
const LOCAL_ADAPTER = { ...demoConsoleAdapter, id: 'local-shop', name: '本机店铺后台', matches: ['http://localhost/*'] };

const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());

async function paste(options: Page, json: string): Promise<void> {
  await options.$eval(
    'textarea[name="adapter-json"]',
    (el, value) => {
      (el as HTMLTextAreaElement).value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    json,
  );
}

describe('custom adapters: a console no built-in adapter knows', () => {
  let h: Harness;
  let origin: string;

  beforeAll(async () => {
    // The copy of the extension where the stand-in host is granted up front (headless browsers cannot answer the
    // permission prompt); everything else is the normal build.
    buildPregranted();
    h = await startHarness({ build: 'pregrant' });
    // The demo console served on 127.0.0.1, reached as localhost.
    origin = h.origin.replace('127.0.0.1', 'localhost');
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  const registered = async () =>
    (await h.worker()).evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches })));
  /** The popup's health question to the tab: on a loaded page, no answer at all means no content script in it. */
  const healthOf = async (page: Page) => askTab(await h.worker(), await h.tabIdOf(page), { type: 'tab.health' });

  it('gets nothing before, refuses a bad adapter field by field, tests, saves, runs everything, and stops when removed', async () => {
    const consoleTab = await h.openUrl(`${origin}/console/chat?script=off`);
    await consoleTab.waitForSelector('textarea.reply-input');
    // No content script on this host yet: the loaded tab has nothing that answers the popup's question.
    expect(await healthOf(consoleTab)).toEqual({ ok: false, error: expect.stringContaining(NO_CONTENT_SCRIPT) });
    expect(await consoleTab.evaluate(() => document.querySelector('xiaoer-dock'))).toBeNull();
    expect(await registered()).toEqual([]);

    const options = await h.openExtensionPage('options.html#adapters');
    options.on('dialog', (d) => void d.accept()); // the delete asks first
    await options.waitForSelector('textarea[name="adapter-json"]');

    // A broken adapter: every problem named by its field.
    const broken = { ...LOCAL_ADAPTER, name: '', matches: ['http://example.com/*'], pages: [{ ...LOCAL_ADAPTER.pages[2]!, parts: { replyBox: { selector: 'textarea' } } }] };
    await paste(options, JSON.stringify(broken));
    await options.click('button[name="adapter-validate"]');
    await options.waitForSelector('[data-testid="adapter-status"]');
    const problems = await text(options, '[data-testid="adapter-status"]');
    expect(problems).toContain('name:');
    expect(problems).toContain('matches.0: use https (http only for localhost or 127.0.0.1)');
    expect(problems).toContain('pages.0.parts.replyBox: unknown part "replyBox" for a chat page');
    await options.screenshot({ path: join(tmpdir(), 'xiaoer-adapter-errors.png') });
    await paste(options, '{"format": "xiaoer-adapter",');
    await options.click('button[name="adapter-validate"]');
    await options.waitForFunction(() => document.querySelector('[data-testid="adapter-status"]')?.textContent?.startsWith('JSON:'), { polling: 100 });
    await paste(options, JSON.stringify({ ...LOCAL_ADAPTER, matches: ['http://example.com/*'] }));
    await options.click('button[name="adapter-validate"]');
    await options.waitForFunction(() => document.querySelector('[data-testid="adapter-status"]')?.textContent?.includes('matches.0: use https'), { polling: 100 });

    // Test on the console tab before saving: outlines and counts what each selector matches.
    await paste(options, JSON.stringify(LOCAL_ADAPTER, null, 2));
    const consoleTabId = await h.tabIdOf(consoleTab);
    await options.click('select[name="adapter-tab"]');
    await options.waitForFunction((id) => [...document.querySelectorAll('select[name="adapter-tab"] option')].some((o) => (o as HTMLOptionElement).value === String(id)), { polling: 100 }, consoleTabId);
    await options.select('select[name="adapter-tab"]', String(consoleTabId));
    await options.click('button[name="adapter-test"]');
    await options.waitForSelector('[data-testid="adapter-report"]', { timeout: 15_000 });
    const counts = await options.$$eval('[data-testid="adapter-report"] tr[data-part]', (rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-part'), Number(r.getAttribute('data-count'))])),
    );
    const expectedCounts = await consoleTab.evaluate(() => ({
      conversation: document.querySelectorAll('li.conv-item').length,
      message: document.querySelectorAll('.msg-list .msg-row').length,
      replyInput: document.querySelectorAll('textarea.reply-input').length,
    }));
    expect(expectedCounts.conversation).toBeGreaterThan(1);
    expect(counts).toMatchObject(expectedCounts);
    const outlines = await consoleTab.evaluate(() => document.querySelector('xiaoer-adapter-test')?.shadowRoot?.querySelectorAll('.box').length ?? 0);
    expect(outlines).toBeGreaterThan(expectedCounts.conversation);
    await consoleTab.bringToFront();
    await consoleTab.screenshot({ path: join(tmpdir(), 'xiaoer-adapter-test-outlines.png') });
    await options.bringToFront();
    await options.click('button[name="adapter-clear"]');
    await consoleTab.waitForFunction(() => !document.querySelector('xiaoer-adapter-test'), { polling: 100 });

    // Save: the host's permission (granted up front in this build) and a runtime content script, kept across restarts.
    await options.click('button[name="adapter-save"]');
    await options.waitForFunction(() => document.querySelector('[data-testid="adapter-status"]')?.textContent?.includes('已保存：本机店铺后台'), { polling: 100 }).catch(async (error) => {
      throw new Error(`not saved; the editor says: ${await options.$eval('[data-testid="adapter-status"]', (el) => el.textContent).catch(() => '(nothing)')}`, { cause: error });
    });
    await options.waitForSelector('[data-testid="custom-adapters"] li[data-adapter="local-shop"]');
    expect(await registered()).toEqual([{ id: 'xiaoer-custom-consoles', matches: ['http://localhost/*'] }]);
    await options.screenshot({ path: join(tmpdir(), 'xiaoer-adapters-options.png'), fullPage: true });

    // A fresh load of the console: the registered script runs, the adapter fits, every feature of the chat works.
    await consoleTab.reload({ waitUntil: 'load' });
    await consoleTab.waitForFunction(() => document.querySelector('xiaoer-dock')?.shadowRoot?.textContent?.includes('部件齐全'), { polling: 100, timeout: 15_000 });
    expect(await dockText(consoleTab)).toContain('接待');
    await consoleTab.waitForSelector('xiaoer-snippet-button');
    await consoleTab.bringToFront();
    await consoleTab.click('textarea.reply-input');
    await consoleTab.keyboard.type('/');
    await consoleTab.waitForSelector('xiaoer-palette >>> li[role="option"]', { timeout: 10_000 });
    await consoleTab.keyboard.press('Escape');
    const popup = await h.popupFor(consoleTab);
    await popup.waitForSelector('[data-testid="parts-summary"]');
    expect(await text(popup, '[data-testid="page-status"]')).toContain('本机店铺后台 · 接待');
    await popup.close();

    // Removed: the open tab drops its features at once, the registration goes, a reload gets nothing.
    await options.bringToFront();
    await options.click('li[data-adapter="local-shop"] button[name="adapter-delete"]');
    await waitForNoDock(consoleTab, 10_000);
    expect(await consoleTab.evaluate(() => document.querySelector('xiaoer-snippet-button'))).toBeNull();
    await options.waitForFunction(() => !document.querySelector('li[data-adapter="local-shop"]'), { polling: 100 });
    expect(await registered()).toEqual([]);
    await consoleTab.reload({ waitUntil: 'load' });
    await consoleTab.waitForSelector('textarea.reply-input');
    expect(await healthOf(consoleTab)).toEqual({ ok: false, error: expect.stringContaining(NO_CONTENT_SCRIPT) });
    expect(await consoleTab.evaluate(() => document.querySelector('xiaoer-dock'))).toBeNull();
    expect(scriptErrors(h)).toEqual([]);
  }, 120_000);
});

describe('custom adapters: the registration survives a browser restart', () => {
  it('a saved adapter is still registered and running after the browser restarts with the same profile', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'xiaoer-restart-'));
    try {
      buildPregranted();
      const first = await startHarness({ build: 'pregrant', userDataDir: profile });
      const options = await first.openExtensionPage('options.html#adapters');
      const saved = await sendFromPage(options, { type: 'adapters.save', adapter: LOCAL_ADAPTER });
      expect(saved).toMatchObject({ ok: true, data: { missingOrigins: [] } });
      await first.close();

      const second = await startHarness({ build: 'pregrant', userDataDir: profile });
      try {
        const page = await second.openUrl(`${second.origin.replace('127.0.0.1', 'localhost')}/console/items`);
        await page.waitForFunction(() => document.querySelector('xiaoer-dock')?.shadowRoot?.textContent?.includes('商品列表'), { polling: 100, timeout: 15_000 });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 180_000);
});
