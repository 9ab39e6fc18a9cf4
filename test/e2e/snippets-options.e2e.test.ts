import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

const titles = (page: Page) => page.$$eval('[data-testid="snippet-list"] li .title', (els) => els.map((el) => el.textContent));

describe('the snippet library in the options page', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await startHarness();
    page = await h.openExtensionPage('options.html#snippets');
    await page.waitForSelector('[data-testid="snippet-list"] li');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('starts with the default library covering every service stage', async () => {
    const counts = await page.$$eval('.categories button', (buttons) =>
      Object.fromEntries(buttons.map((b) => [b.getAttribute('data-category'), Number(b.lastElementChild!.textContent)])),
    );
    for (const stage of ['欢迎', '咨询/沟通', '议价', '催付', '核对地址', '物流/发货', '售后', '欢送/好评']) {
      expect(counts[stage], stage).toBeGreaterThan(0);
    }
  });

  it('creates a snippet in the editor, marks a phrase to avoid in its preview, and finds it by pinyin initials', async () => {
    await page.click('button[name="new-snippet"]');
    await page.waitForSelector('[data-testid="snippet-editor"]');
    await page.type('[data-testid="snippet-editor"] input[name="title"]', '退货地址说明');
    // Selected, then typed over, as the agent does: clearing the value under the controlled field would last only
    // until the editor's next render puts its draft back.
    await page.$eval('[data-testid="snippet-editor"] input[name="category"]', (el) => (el as HTMLInputElement).select());
    await page.type('[data-testid="snippet-editor"] input[name="category"]', '售后');
    await page.type('[data-testid="snippet-editor"] input[name="shortcut"]', 'thdz');
    await page.type('[data-testid="snippet-editor"] textarea[name="body"]', '亲，{买家}，那你退款好了');
    await page.waitForSelector('[data-testid="snippet-editor"] [data-testid="tone-issues"]');
    expect(await page.$eval('[data-testid="snippet-editor"] mark.tone', (el) => el.textContent)).toBe('那你退款好了');
    expect(await page.$eval('[data-testid="snippet-editor"] [data-testid="template-preview"]', (el) => el.textContent)).toContain('亲，小鹿酱，');
    // Fix the wording, then save.
    await page.$eval('[data-testid="snippet-editor"] textarea[name="body"]', (el) => (el as HTMLTextAreaElement).select());
    await page.type('[data-testid="snippet-editor"] textarea[name="body"]', '亲，{买家}，退货请寄到：{输入:退货地址}');
    await page.click('button[name="save-snippet"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="snippet-editor"]'));
    await page.type('input[name="snippet-search"]', 'thdzsm');
    await page.waitForFunction(() => document.querySelector('[data-testid="snippet-list"] li .title')?.textContent === '退货地址说明');
  });

  it('refuses a shortcut already in use, with the reason', async () => {
    await page.$eval('input[name="snippet-search"]', (el) => ((el as HTMLInputElement).value = ''));
    await page.click('button[name="new-snippet"]');
    await page.type('[data-testid="snippet-editor"] input[name="title"]', '重复');
    await page.type('[data-testid="snippet-editor"] input[name="shortcut"]', 'thdz');
    await page.type('[data-testid="snippet-editor"] textarea[name="body"]', '内容');
    await page.click('button[name="save-snippet"]');
    await page.waitForSelector('[data-testid="snippet-error"]');
    expect(await page.$eval('[data-testid="snippet-error"]', (el) => el.textContent)).toBe('快捷词“thdz”已被“退货地址说明”使用');
    await page.click('[data-testid="snippet-editor"] .actions button:not(.primary)');
  });

  it('duplicates, reorders, and deletes with undo', async () => {
    await page.click('.categories button[data-category="售后"]');
    await h.reloadExtensionPage(page);
    await page.waitForSelector('[data-testid="snippet-list"] li');
    await page.click('.categories button[data-category="售后"]');
    const before = await titles(page);
    const last = before.at(-1)!;
    expect(last).toBe('退货地址说明');
    // Move it up one place.
    await page.click('[data-testid="snippet-list"] li:last-child button[aria-label="上移"]');
    await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid="snippet-list"] li .title')].at(-2)?.textContent === t, {}, last);
    // Duplicate it.
    const row = (await page.$$('[data-testid="snippet-list"] li')).at(-2)!;
    await (await row.$('.row-actions button:nth-child(2)'))!.click();
    await page.click('button[name="save-snippet"]');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="snippet-list"] li .title')].some((el) => el.textContent === '退货地址说明（副本）'));
    // Delete the copy, then undo.
    await page.evaluate(() => {
      const li = [...document.querySelectorAll('[data-testid="snippet-list"] li')].find((l) => l.querySelector('.title')?.textContent === '退货地址说明（副本）')!;
      (li.querySelector('button.danger') as HTMLButtonElement).click();
    });
    await page.waitForSelector('[data-testid="snippet-undo"]');
    await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="snippet-list"] li .title')].some((el) => el.textContent === '退货地址说明（副本）'));
    await page.click('[data-testid="snippet-undo"] button');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="snippet-list"] li .title')].some((el) => el.textContent === '退货地址说明（副本）'));
  });
});
