import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_ADAPTERS } from '@/utils/adapters/builtin';
import { demoConsoleAdapter } from '@/utils/adapters/builtin/demo-console';
import { fixture, startFixtureServer } from './fixture-https-server';
import { consoleTabs, inShadow } from './console-tabs';
import { scriptErrors, sendFromPage, startHarness, type Harness } from './harness';

const PDD = 'mms.pinduoduo.com';
const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());

/** The saved Pinduoduo chat page, and the same page after a redesign renamed its reply box (the adapter misses it). */
const chat = fixture('pinduoduo-mms-chat.html');
const renamedReplyBox = chat.replace('<textarea id="replyTextarea"', '<textarea id="replyEditorV2" class="reply-editor-v2"');
const unknownPage = '<!doctype html><html><head><meta charset="utf-8"><title>售后工单</title></head><body><h1>售后工单</h1><textarea id="note"></textarea></body></html>';

describe('built-in adapters on their real hosts (fixture pages served on loopback)', () => {
  let h: Harness;
  let server: { port: number; close(): Promise<void> };

  beforeAll(async () => {
    expect(renamedReplyBox).not.toBe(chat);
    server = await startFixtureServer({
      [`${PDD}/chat-merchant/index.html`]: () => chat,
      [`${PDD}/chat-merchant/index.html?redesign=1`]: () => renamedReplyBox,
      [`${PDD}/after-sales/tickets`]: () => unknownPage,
      [`${PDD}/orders/list`]: () => fixture('pinduoduo-mms-orders.html'),
    });
    // Only the console host goes to the fixture server; every other name outside loopback fails.
    h = await startHarness({ hosts: { names: [PDD], port: server.port } });
    const options = await h.openExtensionPage('options.html');
    const saved = await sendFromPage(options, { type: 'snippets.save', draft: { title: '感谢', body: '谢谢亲的支持～', category: '欢送/好评', tags: [], shortcut: 'xq' } });
    expect(saved).toMatchObject({ ok: true });
    await options.close();
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  const tabs = consoleTabs(() => h);
  const open = (path: string) => tabs.open(`https://${PDD}${path}`);
  const popupFor = tabs.popupFor;

  it('the complete page: every required part found, the chat features run', async () => {
    const page = await open('/chat-merchant/index.html');
    await page.waitForFunction(() => document.querySelector('xiaoer-dock')?.shadowRoot?.textContent?.includes('部件齐全'), { polling: 100, timeout: 15_000 });
    const popup = await popupFor(page);
    await popup.waitForSelector('[data-testid="parts-summary"]');
    expect(await text(popup, '[data-testid="page-status"]')).toContain('拼多多商家后台 · 接待');
    expect(await text(popup, '[data-testid="parts-summary"]')).toBe('找到 9/9 个必需部件');
    expect(await popup.$eval('li[data-feature="tone-hint"]', (li) => li.getAttribute('data-state'))).toBe('running');
    await popup.close();
    await page.close();
  });

  it('a page that lacks a part: the popup names the part and the page, features that need it step aside, the palette still works', async () => {
    const page = await open('/chat-merchant/index.html?redesign=1');
    await page.waitForFunction(() => document.querySelector('xiaoer-dock')?.shadowRoot?.textContent?.includes('店小二'), { polling: 100, timeout: 15_000 });
    const popup = await popupFor(page);
    await popup.waitForSelector('[data-testid="parts-missing"]');
    expect(await text(popup, '[data-testid="parts-missing"]')).toBe('「接待」页面缺少部件：replyInput。依赖它们的功能暂不运行。');
    expect(await text(popup, '[data-testid="parts-summary"]')).toBe('找到 8/9 个必需部件');
    expect(await popup.$eval('li[data-feature="tone-hint"]', (li) => li.getAttribute('data-state'))).toBe('waiting');
    await popup.screenshot({ path: join(tmpdir(), 'xiaoer-popup-missing-part.png') });
    await popup.close();
    // The generic fallback: the snippet palette opens in the renamed box all the same.
    await page.bringToFront();
    await page.click('#replyEditorV2');
    await page.keyboard.type('/');
    await page.waitForSelector('xiaoer-palette >>> li[role="option"]', { timeout: 10_000 });
    await page.keyboard.press('Escape');
    await page.keyboard.type('xq ');
    await page.waitForFunction(() => (document.querySelector('#replyEditorV2') as HTMLTextAreaElement).value === '谢谢亲的支持～', { polling: 100 });
    await page.close();
  });

  it('a shop fixes the changed page with a custom adapter for the same host: it overrides the built-in, no permission asked', async () => {
    const builtin = BUILTIN_ADAPTERS.find((a) => a.id === 'pinduoduo-mms')!;
    const chatPage = builtin.pages.find((p) => p.kind === 'chat')!;
    const fixed = {
      ...builtin,
      id: 'pdd-chat-fix',
      name: '拼多多接待（本店修正）',
      pages: [{ ...chatPage, parts: { ...chatPage.parts, replyInput: { selector: '#replyEditorV2' } } }],
    };
    // The built-in host is already granted: nothing to ask, nothing registered at runtime.
    await tabs.withCustomAdapter(fixed, async () => {
      const page = await open('/chat-merchant/index.html?redesign=1');
      expect(await tabs.partsSummary(page)).toEqual({ status: '拼多多接待（本店修正） · 接待', parts: '找到 9/9 个必需部件' });
      // Pages the fix does not describe still use the built-in adapter.
      const other = await open('/orders/list');
      expect((await tabs.partsSummary(other)).status).toBe('拼多多商家后台 · 订单');
      await other.close();
      await page.close();
    });
  });

  it('a built-in part broken by a redesign: one click on the dock\'s warning re-points it, saved as the agent\'s fix over the built-in, revertible in options', async () => {
    try {
      const overlay = (selector: string) => `xiaoer-teach >>> ${selector}`;
      const page = await open('/chat-merchant/index.html?redesign=1');
      const warning = await inShadow(page, 'xiaoer-dock', '[data-testid="dock-missing"]', 15_000);
      expect(await warning.evaluate((el) => el.textContent)).toContain('replyInput');
      await page.bringToFront();
      await page.click('xiaoer-dock >>> [data-testid="dock-missing"] button[name="dock-repoint"]');
      // The overlay asks for that one part; the agent clicks the renamed box.
      await inShadow(page, 'xiaoer-teach', '[data-step="chat.replyInput"]');
      await page.click('#replyEditorV2');
      const proposal = await inShadow(page, 'xiaoer-teach', '[data-testid="teach-proposal"][data-count="1"]');
      expect(await proposal.evaluate((el) => [...el.querySelectorAll('code')].map((c) => c.textContent))).toContain('#replyEditorV2');
      await page.click(overlay('button[name="teach-confirm"]'));
      await (await inShadow(page, 'xiaoer-teach', 'button[name="teach-save"]')).click();
      await inShadow(page, 'xiaoer-teach', '[data-testid="teach-saved"].ok');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('xiaoer-teach'), { polling: 100 });
      await page.waitForFunction(() => document.querySelector('xiaoer-dock')?.shadowRoot?.textContent?.includes('部件齐全'), { polling: 100, timeout: 10_000 });
      expect(await tabs.partsSummary(page)).toEqual({ status: '拼多多商家后台（本机修正） · 接待', parts: '找到 9/9 个必需部件' });
      // The chat features use the fixed box: the snippet goes into it.
      await page.bringToFront();
      await page.click('#replyEditorV2');
      await page.$eval('#replyEditorV2', (el) => ((el as HTMLTextAreaElement).value = ''));
      await page.keyboard.type('/xq ');
      await page.waitForFunction(() => (document.querySelector('#replyEditorV2') as HTMLTextAreaElement).value === '谢谢亲的支持～', { polling: 100, timeout: 10_000 });

      // Options lists it as the agent's fix of the built-in, naming the part; reverting gives the built-in back.
      const options = await h.openExtensionPage('options.html#adapters');
      options.on('dialog', (dialog) => void dialog.accept());
      const fix = await options.waitForSelector('[data-testid="custom-adapters"] li[data-adapter="pinduoduo-mms-local"] [data-testid="adapter-builtin-fix"]');
      expect(await fix!.evaluate((el) => el.textContent)).toBe('你对内置适配器「拼多多商家后台」的修正，优先于内置版本。改过的部件：chat.replyInput');
      await options.screenshot({ path: join(tmpdir(), 'xiaoer-options-builtin-fix.png'), fullPage: true });
      await options.click('li[data-adapter="pinduoduo-mms-local"] button[name="adapter-revert"]');
      await options.waitForFunction(() => !document.querySelector('li[data-adapter="pinduoduo-mms-local"]'), { polling: 100, timeout: 10_000 });
      await options.close();
      // The open tab hears it: the built-in serves the page again, and misses the renamed box again.
      await inShadow(page, 'xiaoer-dock', '[data-testid="dock-missing"]');
      expect(await tabs.partsSummary(page)).toEqual({ status: '拼多多商家后台 · 接待', parts: '找到 8/9 个必需部件' });
      await page.close();
    } finally {
      // A failure above must not leave the fix over the built-in for the tests after this one.
      const cleanup = await h.openExtensionPage('options.html');
      await sendFromPage(cleanup, { type: 'adapters.delete', id: 'pinduoduo-mms-local' });
      await cleanup.close();
    }
  });

  it('a page of the console no adapter page describes: no dock, the popup says so, the palette works in any text box', async () => {
    const page = await open('/after-sales/tickets');
    const popup = await popupFor(page);
    await popup.waitForSelector('[data-testid="generic-palette"]');
    expect(await text(popup, '[data-testid="page-status"]')).toContain(`已识别网站 ${PDD}，但此页面不是已知页面。`);
    await popup.close();
    expect(await page.evaluate(() => document.querySelector('xiaoer-dock'))).toBeNull();
    await page.bringToFront();
    await page.click('#note');
    await page.keyboard.type('/');
    await page.waitForSelector('xiaoer-palette >>> li[role="option"]', { timeout: 10_000 });
    await page.keyboard.press('Escape');
    await page.close();
    expect(scriptErrors(h)).toEqual([]);
  });

  it('in the release build, saving an adapter for a new host asks the browser first, and stores nothing until answered', async () => {
    const options = await h.openExtensionPage('options.html#adapters');
    await options.waitForSelector('textarea[name="adapter-json"]');
    const local = { ...demoConsoleAdapter, id: 'local-shop', name: '本机店铺后台', matches: ['http://localhost/*'] };
    await options.$eval('textarea[name="adapter-json"]', (el, value) => {
      (el as HTMLTextAreaElement).value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, JSON.stringify(local));
    await options.click('button[name="adapter-save"]');
    // The editor says it has asked the browser: Chrome's prompt is open now (headless: nobody can answer it, see
    // README), and the save waits for the answer.
    await options.waitForSelector('[data-testid="adapter-status"][data-kind="asking"]', { timeout: 10_000 });
    const state = await options.evaluate(async () => {
      const api: typeof chrome = (globalThis as any).browser ?? chrome; // Firefox's `chrome` takes callbacks only
      return {
        granted: await api.permissions.contains({ origins: ['http://localhost/*'] }),
        stored: (await api.runtime.sendMessage({ type: 'adapters.list' })).data.length,
        registered: (await api.scripting.getRegisteredContentScripts()).length,
        status: document.querySelector('[data-testid="adapter-status"]')?.textContent ?? null,
      };
    });
    expect(state).toEqual({ granted: false, stored: 0, registered: 0, status: '正在向浏览器申请以下网站的访问权限，请在浏览器的提示中允许：http://localhost/*' });
    await options.close();
  });
});
