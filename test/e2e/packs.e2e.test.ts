import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer } from './feed-server';
import { importDemoStock, sendFromPage, startHarness, storedLocal, type Harness } from './harness';

const v1 = JSON.parse(readFileSync('test/demo/data/team-pack.json', 'utf8'));
const find = (pack: any, id: string) => pack.snippets.find((s: any) => s.id === id);
/** v2: welcome-2 changed, welcome-1 changed (the agent edited it too), welcome-4 removed, promo-1 added. */
const v2 = {
  ...v1,
  version: v1.version + 1,
  updatedAt: '2026-11-25T08:00:00Z',
  snippets: [
    { ...find(v1, 'welcome-1'), body: '亲，您好～这里是{店铺}，团队新版欢迎语' },
    { ...find(v1, 'welcome-2'), body: '{买家}亲，欢迎回来～老客户专享 9.5 折' },
    ...v1.snippets.filter((s: any) => !['welcome-1', 'welcome-2', 'welcome-4'].includes(s.id)),
    { id: 'promo-1', title: '双十二预告', body: '亲，双十二当天全场满 199 减 20～', category: '议价', tags: ['活动'] },
  ],
};
const AGENT_EDIT = '亲，您好～我是小鹿，有什么可以帮您？';
const ID = (sid: string) => `${v1.id}:${sid}`;

type Lib = { id: string; title: string; body: string; category: string; tags: string[]; shortcut?: string; origin: string }[];
const library = async (page: Page): Promise<Lib> => (await sendFromPage(page, { type: 'snippets.all' })).data;
const wording = (lib: Lib) => lib.map((s) => [s.id, s.title, s.body, s.category, s.tags.join('|'), s.shortcut ?? '']).sort((a, b) => a[0]!.localeCompare(b[0]!));
const bodyOf = (lib: Lib, id: string) => lib.find((s) => s.id === id)?.body ?? null;

describe('team packs: subscribe, update with overrides, undo, bad packs, sheet round trip, backup', () => {
  let h: Harness;
  let feed: Awaited<ReturnType<typeof startFeedServer>>;
  let options: Page;
  const dir = mkdtempSync(join(tmpdir(), 'xiaoer-packs-'));
  let serving: object = v1;
  const text = (selector: string) => options.$eval(selector, (el) => el.textContent ?? '');

  beforeAll(async () => {
    h = await startHarness();
    feed = await startFeedServer();
    feed.respond((req, res) => {
      const body = JSON.stringify(serving);
      const etag = `"v${(serving as { version?: number }).version}-${body.length}"`;
      if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag }).end(body);
    });
    options = await h.openExtensionPage('options.html#packs');
    options.on('dialog', (dialog) => void dialog.accept());
    await options.waitForSelector('[data-testid="pack-list"]');
  });
  afterAll(async () => {
    await h?.close();
    await feed?.close();
  });

  it('subscribes to a pack served on 127.0.0.1 after previewing it', async () => {
    const before = await library(options);
    await options.type('input[name="pack-url"]', feed.url);
    await options.click('button[name="pack-url-fetch"]');
    await options.waitForSelector('[data-testid="pack-preview"]', { timeout: 20_000 });
    expect(await text('[data-testid="pack-counts"]')).toBe(`新增 ${v1.snippets.length} · 修改 0 · 删除 0 · 未变 0 · 冲突 0`);
    // Nothing is stored before the agent applies.
    expect((await library(options)).length).toBe(before.length);
    await options.click('button[name="apply-pack"]');
    await options.waitForSelector('[data-testid="pack-done"]');
    expect(await text('[data-testid="pack-done"]')).toBe(`已应用“${v1.name}” v${v1.version}`);
    const after = await library(options);
    expect(after.length).toBe(before.length + v1.snippets.length);
    expect(bodyOf(after, ID('welcome-2'))).toBe(find(v1, 'welcome-2').body);
    await options.waitForSelector(`[data-pack="${v1.id}"]`);
    expect(await text(`[data-pack="${v1.id}"]`)).toContain(feed.url);
  });

  it('previews an update (changed, added, removed, and a conflict with the agent’s edit), applies it keeping the edit, and undoes it', async () => {
    // The agent rewrites the team's welcome in their own words, in the snippet library.
    const snippetsPage = await h.openExtensionPage('options.html#snippets');
    const row = `[data-snippet="${ID('welcome-1')}"]`;
    await snippetsPage.waitForSelector(row);
    expect(await snippetsPage.$eval(`${row} .tag.team`, (el) => el.textContent)).toBe('团队');
    await snippetsPage.click(`${row} .row-actions button:first-child`);
    await snippetsPage.waitForSelector('[data-testid="snippet-editor"] textarea[name="body"]');
    // Selected, then typed over, as the agent does: clearing the value under the controlled field would last only
    // until the editor's next render puts its draft back.
    await snippetsPage.$eval('[data-testid="snippet-editor"] textarea[name="body"]', (el) => (el as HTMLTextAreaElement).select());
    await snippetsPage.type('[data-testid="snippet-editor"] textarea[name="body"]', AGENT_EDIT);
    await snippetsPage.click('button[name="save-snippet"]');
    await snippetsPage.waitForFunction(() => !document.querySelector('[data-testid="snippet-editor"]'), { polling: 100 });
    await snippetsPage.close();
    expect(bodyOf(await library(options), ID('welcome-1'))).toBe(AGENT_EDIT);

    serving = v2;
    await options.click(`[data-pack="${v1.id}"] button[name="check-pack"]`);
    await options.waitForSelector('[data-testid="pack-pending"]', { timeout: 20_000 });
    // The refresh sent the validator it got with v1.
    expect(feed.requests.at(-1)?.['if-none-match']).toMatch(/^"v3-/);
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-testid="packs"]');
    const popupText = await popup.$eval('[data-testid="packs"]', (el) => el.textContent);
    expect(popupText).toContain(v1.name);
    expect(popupText).toContain(`有新版本 v${v2.version} 待确认`);
    expect(popupText).toMatch(/更新于 \d/);
    await popup.close();

    const beforeUpdate = await library(options);
    await options.click('button[name="review-update"]');
    await options.waitForSelector('[data-testid="pack-preview"]');
    expect(await text('[data-testid="pack-counts"]')).toBe(`新增 1 · 修改 1 · 删除 1 · 未变 ${v1.snippets.length - 3} · 冲突 1`);
    expect(await text('[data-kind="conflict"]')).toContain(AGENT_EDIT);
    expect(await text('[data-kind="added"]')).toContain('双十二预告');
    expect(await text('[data-kind="removed"]')).toContain(find(v1, 'welcome-4').title);
    // The agent's version is kept unless ticked.
    expect(await options.$eval('input[name="take-team-welcome-1"]', (el) => (el as HTMLInputElement).checked)).toBe(false);
    await options.click('button[name="apply-pack"]');
    await options.waitForSelector('[data-testid="pack-done"]');

    const updated = await library(options);
    expect(bodyOf(updated, ID('welcome-1'))).toBe(AGENT_EDIT);
    expect(bodyOf(updated, ID('welcome-2'))).toBe(find(v2, 'welcome-2').body);
    expect(bodyOf(updated, ID('promo-1'))).toBe('亲，双十二当天全场满 199 减 20～');
    expect(bodyOf(updated, ID('welcome-4'))).toBeNull();
    await options.waitForFunction(() => !document.querySelector('[data-testid="pack-pending"]'), { polling: 100 });

    // One undo puts the library back exactly, and offers v2 again.
    await options.click(`[data-pack="${v1.id}"] button[name="undo-pack"]`);
    await options.waitForSelector('[data-testid="pack-pending"]');
    expect(wording(await library(options))).toEqual(wording(beforeUpdate));

    // Apply again, this time taking the team's welcome.
    await options.click('button[name="review-update"]');
    await options.waitForSelector('input[name="take-team-welcome-1"]');
    await options.click('input[name="take-team-welcome-1"]');
    await options.click('button[name="apply-pack"]');
    await options.waitForSelector('[data-testid="pack-done"]');
    expect(bodyOf(await library(options), ID('welcome-1'))).toBe(find(v2, 'welcome-1').body);

    // Nothing new on the server: the refresh is a 304 and offers nothing.
    const check = await sendFromPage(options, { type: 'packs.check', id: v1.id });
    expect(check.data).toEqual([{ packId: v1.id, status: 'unchanged' }]);
    expect(feed.requests.at(-1)?.['if-none-match']).toMatch(/^"v4-/);
    expect(await options.$('[data-testid="pack-pending"]')).toBeNull();
  });

  it('refuses bad packs with the reason and changes nothing', async () => {
    const before = wording(await library(options));
    const packsBefore = (await sendFromPage(options, { type: 'packs.list' })).data;
    const cases: [string, string, string][] = [
      ['wrong-version.json', JSON.stringify({ ...v2, formatVersion: 2 }), '不支持的话术包格式版本'],
      ['duplicate.json', JSON.stringify({ ...v2, snippets: [v2.snippets[0], v2.snippets[0]] }), '第 2 条话术（id）：话术 id “welcome-1”重复'],
      ['missing.json', JSON.stringify({ ...v2, snippets: [{ ...v2.snippets[0], body: undefined }] }), '第 1 条话术（body）：缺少内容'],
      // A body that looks like HTML is accepted as text now (imports-lose-nothing.e2e.test.ts).
      ['huge.json', JSON.stringify(v2) + ' '.repeat(5 * 1024 * 1024), '话术包过大'],
    ];
    for (const [name, content, reason] of cases) {
      const path = join(dir, name);
      writeFileSync(path, content);
      const input = await options.$('input[name="pack-file"]');
      await input!.uploadFile(path);
      await options.waitForFunction((r) => document.querySelector('[data-testid="pack-error"]')?.textContent?.includes(r), { polling: 100 }, reason);
      expect(await options.$('[data-testid="pack-preview"]')).toBeNull();
    }
    // Pasted text goes the same way.
    await options.click('details.paste summary');
    await options.$eval('textarea[name="pack-paste"]', (el, value) => {
      (el as HTMLTextAreaElement).value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, JSON.stringify({ ...v2, id: undefined }));
    await options.click('button[name="pack-paste-preview"]');
    await options.waitForFunction(() => document.querySelector('[data-testid="pack-error"]')?.textContent?.includes('缺少话术包 id'), { polling: 100 });

    // A subscription refresh that gets a bad pack records the error and keeps the library.
    serving = { ...v2, version: v2.version + 1, snippets: [v2.snippets[0], v2.snippets[0]] };
    await options.click(`[data-pack="${v1.id}"] button[name="check-pack"]`);
    await options.waitForSelector('[data-testid="pack-sync-error"]');
    expect(await text('[data-testid="pack-sync-error"]')).toContain('话术 id “welcome-1”重复');
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-testid="packs"]');
    expect(await popup.$eval('[data-testid="packs"]', (el) => el.textContent)).toContain('话术 id “welcome-1”重复');
    await popup.close();
    // A subscription that grows past 5 MB is cut off while reading.
    serving = { ...v2, version: v2.version + 2, author: 'x'.repeat(6 * 1024 * 1024) };
    await options.click(`[data-pack="${v1.id}"] button[name="check-pack"]`);
    await options.waitForFunction(() => document.querySelector('[data-testid="pack-sync-error"]')?.textContent?.includes('话术包内容过大'), { polling: 100 });

    expect(wording(await library(options))).toEqual(before);
    const packsAfter = (await sendFromPage(options, { type: 'packs.list' })).data;
    expect(packsAfter.map((p: any) => [p.id, p.version, p.snippetCount])).toEqual(packsBefore.map((p: any) => [p.id, p.version, p.snippetCount]));
    serving = v2;
  });

  it('a sheet exported from Xiaoer and imported into a fresh profile gives the same library; so does a backup', async () => {
    await importDemoStock(h);
    const popup = await h.openExtensionPage('popup.html');
    await (await popup.waitForSelector('input[name="agentId"]'))!.type('007');
    await popup.waitForFunction(async () => ((await ((globalThis as any).browser ?? chrome).storage.local.get('settings')) as any).settings?.agentId === '007', { polling: 100 });
    await popup.close();
    await h.reloadExtensionPage(options);
    await options.waitForSelector('select[name="export-format"]');
    const csvPath = await h.download(() => options.click('button[name="export-library"]'));
    const csv = readFileSync(csvPath);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('ID,标题,内容,分类,快捷词,标签');
    const backupPath = await h.download(() => options.click('button[name="backup-download"]'));
    expect(readFileSync(backupPath, 'utf8')).toContain('"format":"xiaoer-backup"');

    const source = await library(options);
    const sourcePacks = (await sendFromPage(options, { type: 'packs.list' })).data;
    const sourceSources = (await sendFromPage(options, { type: 'sources.list' })).data;
    const sourceSettings = await storedLocal(options, 'settings');
    const lookup = { type: 'stock.lookup', codes: ['XE-1001', 'XE-1002'] };
    const sourceStock = (await sendFromPage(options, lookup)).data.found;

    // Sheet into a fresh profile (which starts with the default library).
    const fresh = await startHarness();
    try {
      const page = await fresh.openExtensionPage('options.html#packs');
      await (await page.waitForSelector('input[name="pack-file"]'))!.uploadFile(csvPath);
      await page.waitForSelector('[data-testid="sheet-preview"]');
      await page.click('button[name="import-sheet"]');
      await page.waitForSelector('[data-testid="pack-done"]');
      const imported = await library(page);
      // Same wording under the same ids (pack snippets come in as the agent's own: a sheet carries no pack).
      expect(wording(imported)).toEqual(wording(source));
    } finally {
      await fresh.close();
    }

    // Backup into another fresh profile: the same state.
    const restored = await startHarness();
    try {
      const page = await restored.openExtensionPage('options.html#packs');
      page.on('dialog', (dialog) => void dialog.accept());
      await (await page.waitForSelector('input[name="backup-file"]'))!.uploadFile(backupPath);
      await page.waitForFunction(() => document.querySelector('[data-testid="backup-status"]')?.textContent?.startsWith('已恢复'), { polling: 100, timeout: 20_000 });
      expect(await library(page)).toEqual(source);
      const packs = (await sendFromPage(page, { type: 'packs.list' })).data;
      const keep = (p: any) => [p.id, p.name, p.version, p.url, p.snippetCount, p.appliedAt, p.pendingVersion];
      expect(packs.map(keep)).toEqual(sourcePacks.map(keep));
      const sources = (await sendFromPage(page, { type: 'sources.list' })).data;
      expect(sources.map((s: any) => [s.id, s.name, s.rows])).toEqual(sourceSources.map((s: any) => [s.id, s.name, s.rows]));
      expect(await storedLocal(page, 'settings')).toEqual(sourceSettings);
      expect((await sendFromPage(page, lookup)).data.found).toEqual(sourceStock);
    } finally {
      await restored.close();
    }
  });
});
