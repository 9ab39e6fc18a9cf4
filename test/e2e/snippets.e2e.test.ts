import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFromPage, startHarness, type Harness } from './harness';

const VERIFY = {
  title: '收件信息核对',
  body: '亲，{买家}，请核对收货信息：{收货人}，{收货地址}。我们默认发{选择:顺丰|中通|圆通}，可以吗？——{店铺} 客服{工号}',
  category: '核对地址',
  tags: ['地址'],
};
const THANKS = { title: '感谢支持', body: '谢谢{买家}的支持～', category: '欢送/好评', tags: [], shortcut: 'xq' };
const HOSTILE_HEAD = '<img src=x onerror=alert(1)><script>alert(2)</script>\u202Eabc';
const HOSTILE = { title: '恶意测试', body: HOSTILE_HEAD + 'x'.repeat(100_000 - HOSTILE_HEAD.length), category: '售后', tags: [] };

/** What the demo's own send button sent last. */
const lastSent = (page: Page) => page.evaluate(() => (window as any).__demoSent.at(-1)?.text as string | undefined);
const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('reply snippets in the demo chat', () => {
  let h: Harness;
  const dialogs: string[] = [];
  beforeAll(async () => {
    h = await startHarness();
    const options = await h.openExtensionPage('options.html#snippets');
    for (const draft of [VERIFY, THANKS, HOSTILE]) {
      expect(await sendFromPage(options, { type: 'snippets.save', draft })).toMatchObject({ ok: true });
    }
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('input[name="agentId"]');
    await popup.type('input[name="agentId"]', '1023');
    await popup.type('input[name="shopName"]', '小二演示旗舰店');
    await popup.close();
    await options.close();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function openChat(query = '') {
    const page = await h.openConsole(`/console/chat?script=off&uid=2208800106${query}`);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.waitForSelector('xiaoer-snippet-button');
    return page;
  }

  async function expectedVerifyText(page: Page) {
    return `亲，${await text(page, '.chat-buyer-nick')}，请核对收货信息：${await text(page, '.side-order-card .rcv-name')}，${await text(page, '.side-order-card .rcv-addr')}。我们默认发顺丰，可以吗？——小二演示旗舰店 客服1023`;
  }

  it.each([
    ['the controlled textarea', '', 'textarea.reply-input'],
    ['the contenteditable box', '&editor=rich', '.reply-editor'],
  ])('"/" + pinyin initials finds the snippet, fills the page values, asks the prompt, and the page sends it (%s)', async (_name, query, box) => {
    const page = await openChat(query);
    await page.click(box);
    await page.keyboard.type('/sjxxhd');
    await page.waitForSelector('xiaoer-palette >>> li[role="option"]');
    expect(await page.$eval('xiaoer-palette >>> li[role="option"] .title', (el) => el.textContent)).toBe('收件信息核对');
    // The preview already shows the page's values; the courier is still to choose.
    const preview = await page.$eval('xiaoer-palette >>> [data-testid="template-preview"]', (el) => el.textContent ?? '');
    expect(preview).toContain(await text(page, '.side-order-card .rcv-name'));
    await page.keyboard.press('Enter');
    const select = await page.waitForSelector('xiaoer-palette >>> select[name="field-0"]');
    await select!.select('顺丰');
    await page.click('xiaoer-palette >>> button[name="insert-snippet"]');
    await page.waitForFunction(() => !document.querySelector('xiaoer-palette'));
    const expected = await expectedVerifyText(page);
    await page.click('.reply-send');
    expect(await lastSent(page)).toBe(expected);
    await page.close();
  });

  it('"/xq" then space expands the shortcut directly, keeping what was typed before it', async () => {
    const page = await openChat();
    await page.click('textarea.reply-input');
    await page.keyboard.type('好的 /xq ');
    await page.waitForFunction(() => (document.querySelector('textarea.reply-input') as HTMLTextAreaElement).value.includes('谢谢'));
    await page.click('.reply-send');
    expect(await lastSent(page)).toBe(`好的 谢谢${await text(page, '.chat-buyer-nick')}的支持～`);
    await page.close();
  });

  it('opens from the keyboard command and from the button by the reply box', async () => {
    const page = await openChat();
    const tabId = await h.tabIdOf(page);
    const worker = await h.worker();
    await page.bringToFront();
    await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'palette.open' }), tabId);
    const search = await page.waitForSelector('xiaoer-palette >>> input.search');
    await search!.type('ganxiezhichi');
    await page.waitForFunction(() => document.querySelector('xiaoer-palette')?.shadowRoot?.querySelector('li[role="option"] .title')?.textContent === '感谢支持');
    await search!.press('Enter');
    await page.waitForFunction(() => (document.querySelector('textarea.reply-input') as HTMLTextAreaElement).value.startsWith('谢谢'));
    await page.evaluate(() => ((document.querySelector('textarea.reply-input') as HTMLTextAreaElement).value = ''));

    await page.click('xiaoer-snippet-button >>> button');
    await page.waitForSelector('xiaoer-palette >>> input.search');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('xiaoer-palette'));
    await page.close();
  });

  it('gives the focus back to the reply box, caret where it was, when the palette is closed with Esc', async () => {
    const page = await openChat();
    const tabId = await h.tabIdOf(page);
    await page.click('textarea.reply-input');
    await page.keyboard.type('草稿：亲在的');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft'); // the caret after 草稿：亲
    expect(await page.$eval('textarea.reply-input', (el) => (el as HTMLTextAreaElement).selectionStart)).toBe(4);
    await page.bringToFront();
    await (await h.worker()).evaluate((id) => chrome.tabs.sendMessage(id, { type: 'palette.open' }), tabId);
    const search = await page.waitForSelector('xiaoer-palette >>> input.search');
    await page.waitForFunction(() => document.querySelector('xiaoer-palette')?.shadowRoot?.activeElement?.matches('input.search'), { polling: 100 });
    await search!.press('Escape');
    await page.waitForFunction(() => !document.querySelector('xiaoer-palette') && document.activeElement?.matches('textarea.reply-input'), { polling: 100 });
    const box = await page.$eval('textarea.reply-input', (el) => {
      const t = el as HTMLTextAreaElement;
      return { value: t.value, start: t.selectionStart, end: t.selectionEnd };
    });
    expect(box).toEqual({ value: '草稿：亲在的', start: 4, end: 4 });
    // The agent goes on typing where they were.
    await page.keyboard.type('，');
    expect(await page.$eval('textarea.reply-input', (el) => (el as HTMLTextAreaElement).value)).toBe('草稿：亲，在的');
    await page.close();
  });

  it('keeps hostile snippet text inert: no markup, no script, no dialog', async () => {
    const page = await openChat();
    await page.click('textarea.reply-input');
    await page.keyboard.type('/eycs');
    await page.waitForSelector('xiaoer-palette >>> [data-testid="template-preview"]');
    const inPalette = await page.$eval('xiaoer-palette', (host) => ({
      text: host.shadowRoot!.querySelector('[data-testid="template-preview"]')!.textContent ?? '',
      elements: host.shadowRoot!.querySelectorAll('img, script').length,
    }));
    expect(inPalette.text.startsWith(HOSTILE_HEAD)).toBe(true);
    expect(inPalette.elements).toBe(0);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('textarea.reply-input') as HTMLTextAreaElement).value.length > 99_000);
    await page.click('.reply-send');
    const sent = await lastSent(page);
    expect(sent?.startsWith(HOSTILE_HEAD)).toBe(true);
    expect(sent?.length).toBe(100_000);
    expect(await page.evaluate(() => document.querySelectorAll('.msg-list img').length)).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
