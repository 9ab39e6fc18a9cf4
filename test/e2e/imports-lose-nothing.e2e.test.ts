/**
 * Issue 15 — nothing lost, nothing silently dropped: the stock import's preview shows every problem with its line
 * before anything is committed, and importing into an existing source keeps its name; a 千牛-style phrase sheet
 * imports as it comes (its shortcuts win over untouched defaults), and text that looks like HTML is accepted and shown
 * and inserted literally.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_LINES, brokenLines, cleanLines, gb18030, undecodableBytes, warningOnlyLines } from '../fixtures/broken-erp-export';
import { HOSTILE_BODIES, QIANNIU_ROWS, QIANNIU_TITLES, qianniuBytes } from '../fixtures/qianniu-phrase-sheet';
import { importFile, sendFromPage, startHarness, type Harness } from './harness';

const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);
const items = (page: Page, selector: string) =>
  page.$$eval(`${selector} li`, (lis) => lis.map((li) => ({ line: Number(li.getAttribute('data-line')), text: li.textContent ?? '' })));

describe('stock import: every problem shown with its line, before anything is committed', () => {
  let h: Harness;
  const dir = mkdtempSync(join(tmpdir(), 'xiaoer-nothing-lost-'));
  // ASCII file names: puppeteer's uploadFile does not deliver a file whose path is not ASCII.
  const file = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the broken GB18030 export: each error and warning with its line and value; import blocked, nothing stored', async () => {
    const options = await importFile(h, file('broken-export.csv', gb18030(brokenLines())));
    expect(await text(options, '[data-testid="import-preview"] > p.muted')).toContain('CSV · GB18030，300 行数据');
    const errors = await items(options, '[data-testid="import-problems"]');
    expect(errors.map((e) => e.line)).toEqual([BROKEN_LINES.extraColumn, BROKEN_LINES.availableEmpty, BROKEN_LINES.duplicate]);
    expect(errors[0]!.text).toBe('第 12 行：有 9 列，表头只有 8 列（多出“2”，可能是名称里有未加引号的逗号，值已错位）');
    expect(errors[1]!.text).toBe('第 77 行：可用库存为空');
    expect(errors[2]!.text).toBe('第 150 行：编码“XE-1004-R”在仓库“主仓”重复（第 5 行已有）');
    expect(await text(options, '[data-testid="import-problems"] strong')).toBe('发现 3 个问题，无法导入：');
    const warnings = await items(options, '[data-testid="import-warnings"]');
    expect(warnings).toEqual([{ line: 40, text: '第 40 行：“实际库存数”“待盘点”不是整数，此值不导入（实际库存仅作参考）' }]);
    expect(await options.$eval('button[name="import"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await options.$('button[name="import-anyway"]')).toBeNull();
    await options.screenshot({ path: '/tmp/xiaoer-import-broken.png', fullPage: true });
    expect((await sendFromPage(options, { type: 'sources.list' })).data).toEqual([]);
    await options.close();
  });

  it('an undecodable file is refused, naming the line', async () => {
    const options = await importFile(h, file('undecodable.csv', undecodableBytes()));
    expect(await text(options, '[data-testid="import-problems"]')).toContain('第 8 行起有 2 处内容无法按 UTF-8、UTF-16 或 GB18030/GBK 解码（文件编码无法识别）');
    expect(await options.$eval('button[name="import"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await options.close();
  });

  it('warnings only: "import anyway" says what is dropped; the outcome names what was skipped', async () => {
    const options = await importFile(h, file('erp-export.csv', gb18030(warningOnlyLines())));
    expect(await options.$('[data-testid="import-problems"]')).toBeNull();
    expect(await text(options, '[data-testid="import-warnings"] strong')).toBe(
      '2 个参考值无法读取，导入时将舍弃（“实际库存数”2 个值）；这些列不决定可用库存：',
    );
    expect((await items(options, '[data-testid="import-warnings"]')).map((w) => w.line)).toEqual([40, 41]);
    expect(await options.$('button[name="import"]')).toBeNull();
    const anyway = await options.$eval('button[name="import-anyway"]', (b) => b.textContent);
    expect(anyway).toBe('仍然导入 300 个编码，舍弃 “实际库存数”2 个值');
    await options.screenshot({ path: '/tmp/xiaoer-import-warnings.png', fullPage: true });
    await options.click('button[name="import-anyway"]');
    await options.waitForSelector('[data-testid="import-done"]');
    expect(await text(options, '[data-testid="import-done"]')).toBe('已导入 300 个编码到“erp-export”。');
    expect(await text(options, '[data-testid="import-skipped"]')).toContain('舍弃了 2 个无法读取的参考值（“实际库存数”2 个值）');
    expect((await items(options, '[data-testid="import-skipped"]')).map((w) => w.text)).toEqual([
      '第 40 行：“实际库存数”“待盘点”不是整数，此值不导入（实际库存仅作参考）',
      '第 41 行：“实际库存数”为空，此值不导入（实际库存仅作参考）',
    ]);
    // The source says it too, until an import drops nothing.
    await options.waitForSelector('[data-testid="source-warning"]');
    expect(await text(options, '[data-testid="source-warning"]')).toMatch(/^舍弃 2 个无法读取的参考值（“实际库存数”2 个值）：第 40 行/);
    const lookup = await sendFromPage(options, { type: 'stock.lookup', codes: ['XE-1039-R', 'XE-1300-R'] });
    expect(lookup.data.found.map((f: [number, number]) => f[0])).toEqual([9, 8 + (300 % 5)]);
    await options.close();
  });

  it('into an existing source: keeps its name and mapping, and says what it replaces', async () => {
    const before = (await sendFromPage(await h.openExtensionPage('options.html#stock'), { type: 'sources.list' })).data as {
      id: string; name: string; mapping: object; rows: number;
    }[];
    expect(before).toHaveLength(1);
    const lines = cleanLines().slice(0, 101); // 100 codes
    const options = await importFile(h, file('another-name.csv', gb18030(lines)));
    await options.select('select[name="target"]', before[0]!.id);
    await options.waitForSelector('[data-testid="import-replaces"]');
    expect(await text(options, '[data-testid="import-replaces"]')).toBe('替换「erp-export」的 300 个编码，沿用它保存的列对应');
    expect(await options.$('input[name="source-name"]')).toBeNull();
    await options.screenshot({ path: '/tmp/xiaoer-import-replaces.png', fullPage: true });
    await options.click('button[name="import"]');
    await options.waitForSelector('[data-testid="import-done"]');
    expect(await text(options, '[data-testid="import-done"]')).toBe('已导入 100 个编码到“erp-export”。');
    const after = (await sendFromPage(options, { type: 'sources.list' })).data as typeof before;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before[0]!.id, name: 'erp-export', rows: 100, mapping: before[0]!.mapping });
    expect((after[0] as { lastWarning?: string }).lastWarning).toBeUndefined();
    await options.close();
  });
});

describe('phrase sheets from the platforms import as they come', () => {
  let h: Harness;
  const dir = mkdtempSync(join(tmpdir(), 'xiaoer-qianniu-'));
  type Lib = { id: string; title: string; body: string; shortcut?: string }[];
  const library = async (page: Page): Promise<Lib> => (await sendFromPage(page, { type: 'snippets.all' })).data;
  const dialogs: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a 千牛 sheet (GBK CSV, 分组/快捷编码/快捷短语): previewed with what moves and what is text, then imported', async () => {
    const options = await h.openExtensionPage('options.html#packs');
    const path = join(dir, 'qianniu-phrases.csv');
    writeFileSync(path, qianniuBytes('csv-gbk'));
    await (await options.waitForSelector('input[name="pack-file"]'))!.uploadFile(path);
    await options.waitForSelector('[data-testid="sheet-preview"]');
    expect(await text(options, '[data-testid="sheet-preview"] h4')).toContain('CSV · GB18030');
    expect(await text(options, '[data-testid="sheet-defaults-yield"]')).toBe(
      `2 个快捷词从未改动过的默认话术转给新内容（默认话术保留原文，只去掉快捷词）：hy（首次欢迎 → ${QIANNIU_TITLES[0]}）、cf（温和催付 → ${QIANNIU_TITLES[1]}）`,
    );
    expect(await text(options, '[data-testid="sheet-markup"]')).toBe(
      `3 条含 HTML 字样，按纯文本处理：${QIANNIU_TITLES[2]}、${QIANNIU_TITLES[3]}、${QIANNIU_TITLES[4]}`,
    );
    expect(await text(options, '[data-testid="sheet-notes"]')).toBe('第 8 行：快捷编码“购物金退款”不是 1–16 个字母或数字，改作标签保留');
    // The preview is text: nothing of the rows became elements.
    expect(await options.$$eval('[data-testid="sheet-preview"] img, [data-testid="sheet-preview"] script, [data-testid="sheet-preview"] a', (els) => els.length)).toBe(0);
    await options.screenshot({ path: '/tmp/xiaoer-sheet-preview.png', fullPage: true });
    await options.click('button[name="import-sheet"]');
    await options.waitForFunction(() => !document.querySelector('[data-testid="sheet-preview"]'), { polling: 100 });

    const lib = await library(options);
    expect(lib.filter((s) => s.shortcut === 'hy').map((s) => s.body)).toEqual([QIANNIU_ROWS[1]![2]]);
    expect(lib.filter((s) => s.shortcut === 'cf').map((s) => s.body)).toEqual([QIANNIU_ROWS[2]![2]]);
    expect(lib.find((s) => s.id === 'welcome-first')).toMatchObject({ title: '首次欢迎' });
    expect(lib.find((s) => s.id === 'welcome-first')!.shortcut).toBeUndefined();
    for (const body of HOSTILE_BODIES) expect(lib.map((s) => s.body)).toContain(body);

    // The options library shows the HTML-looking rows literally.
    const snippets = await h.openExtensionPage('options.html#snippets');
    await snippets.waitForSelector('[data-testid="snippet-list"]');
    const listed = await snippets.$eval('[data-testid="snippet-list"]', (el) => ({ text: el.textContent ?? '', elements: el.querySelectorAll('img, script, a').length }));
    expect(listed.text).toContain('<img src=x onerror=a');
    expect(listed.elements).toBe(0);
    await snippets.close();
    await options.close();
  });

  it('in the chat, /hy expands the team phrase, cf finds it first, and the HTML-looking row is inserted literally', async () => {
    const page = await h.openConsole('/console/chat?script=off&uid=2208800106');
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.waitForSelector('xiaoer-snippet-button');
    const box = 'textarea.reply-input';
    const value = () => page.$eval(box, (el) => (el as HTMLTextAreaElement).value);
    // Cleared the way an agent does (select all, delete), so the page and the palette see the edit.
    const clear = async () => {
      await page.click(box);
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.up('Control');
      await page.keyboard.press('Backspace');
    };

    await page.click(box);
    await page.keyboard.type('/hy ');
    await page.waitForFunction((b) => (document.querySelector(b) as HTMLTextAreaElement).value.startsWith('亲，欢迎光临小林的店'), { polling: 100 }, box);
    await clear();

    await page.keyboard.type('/cf');
    // The list follows the query as it is typed: wait for the answer to "cf", then check its first option.
    const firstTitle = () =>
      page.evaluate(() => document.querySelector('xiaoer-palette')?.shadowRoot?.querySelector('li[role="option"] .title')?.textContent ?? null);
    await page.waitForFunction(
      (expected) => document.querySelector('xiaoer-palette')?.shadowRoot?.querySelector('li[role="option"] .title')?.textContent === expected,
      { polling: 100, timeout: 5000 },
      QIANNIU_TITLES[1],
    ).catch(async () => expect(await firstTitle()).toBe(QIANNIU_TITLES[1]));
    expect(await firstTitle()).toBe(QIANNIU_TITLES[1]);
    await page.keyboard.press('Escape');
    await clear();

    await page.keyboard.type('/hd');
    await page.waitForSelector('xiaoer-palette >>> [data-testid="template-preview"]');
    const inPalette = await page.$eval('xiaoer-palette', (host) => ({
      preview: host.shadowRoot!.querySelector('[data-testid="template-preview"]')!.textContent ?? '',
      elements: host.shadowRoot!.querySelectorAll('[data-testid="template-preview"] img, [data-testid="template-preview"] script').length,
    }));
    expect(inPalette.preview).toContain(HOSTILE_BODIES[0]);
    expect(inPalette.preview).toContain('含 HTML 字样，按纯文本处理');
    expect(inPalette.elements).toBe(0);
    await page.keyboard.press('Enter');
    await page.waitForFunction((b) => (document.querySelector(b) as HTMLTextAreaElement).value.includes('onerror'), { polling: 100 }, box);
    expect(await value()).toBe(HOSTILE_BODIES[0]);
    await page.click('.reply-send');
    expect(await page.evaluate(() => (window as any).__demoSent.at(-1)?.text)).toBe(HOSTILE_BODIES[0]);
    await clear();

    await page.click(box);
    await page.keyboard.type('/dk ');
    await page.waitForFunction((b) => (document.querySelector(b) as HTMLTextAreaElement).value.includes('constructor'), { polling: 100 }, box);
    expect(await value()).toBe("亲，{constructor.constructor('alert(1)')()} 是字面的大括号");
    expect(await page.evaluate(() => document.querySelectorAll('.msg-list img').length)).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('the same payloads in a team pack and pasted text are accepted, marked and applied as text', async () => {
    const options = await h.openExtensionPage('options.html#packs');
    const pack = {
      format: 'xiaoer-snippet-pack', formatVersion: 1, id: 'html-team', name: '活动话术', version: 1, updatedAt: '2026-11-20T08:00:00Z',
      snippets: HOSTILE_BODIES.map((body, i) => ({ id: `h${i}`, title: `活动${i}`, body, category: '活动', tags: [] })),
    };
    const path = join(dir, 'html-pack.json');
    writeFileSync(path, JSON.stringify(pack));
    await (await options.waitForSelector('input[name="pack-file"]'))!.uploadFile(path);
    await options.waitForSelector('[data-testid="pack-preview"]');
    expect(await text(options, '[data-testid="pack-markup"]')).toBe('3 条含 HTML 字样，按纯文本处理：活动0、活动1、活动2');
    expect(await options.$$eval('[data-testid="pack-preview"] img, [data-testid="pack-preview"] script', (els) => els.length)).toBe(0);
    await options.click('button[name="apply-pack"]');
    await options.waitForFunction(() => !document.querySelector('[data-testid="pack-preview"]'), { polling: 100 });
    const bodies = (await library(options)).filter((s) => s.id.startsWith('html-team:')).map((s) => s.body);
    expect(bodies).toEqual([...HOSTILE_BODIES]);

    // Pasted (a table copied from Excel): the same rows are read, not refused.
    await options.click('details.paste summary');
    await options.$eval('textarea[name="pack-paste"]', (el, value) => {
      (el as HTMLTextAreaElement).value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, `标题\t内容\n${HOSTILE_BODIES.map((b, i) => `粘贴${i}\t${b}`).join('\n')}\n`);
    await options.click('button[name="pack-paste-preview"]');
    await options.waitForSelector('[data-testid="sheet-preview"]');
    expect(await text(options, '[data-testid="sheet-markup"]')).toBe('3 条含 HTML 字样，按纯文本处理：粘贴0、粘贴1、粘贴2');
    expect(await options.$('[data-testid="pack-error"]')).toBeNull();
    await options.close();
  });
});

describe('receiver parsing: a name that is also a district', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    // A receiver pasted whole into the address (as buyers do): the name 秀英 is also 海口市秀英区, 东城 also 北京市东城区.
    ['秀英', '秀英 13800138000 广东省 深圳市 南山区 粤海街道 科技园科兴科学园A栋1201', ['广东省', '深圳市', '南山区']],
    ['王秀英', '王秀英，13912345678，浙江省杭州市西湖区文三路478号华星时代广场A座1203室', ['浙江省', '杭州市', '西湖区']],
    ['东城', '收货人：东城 手机：13800138000 地址：重庆市 重庆市 江北区 观音桥步行街8号2单元501', ['重庆市', '重庆市', '江北区']],
  ])('the demo order page shows the real divisions for %s', async (name, address, levels) => {
    const page = await h.openConsole('/console/orders?status=WAIT_SELLER_SEND_GOODS');
    await page.waitForSelector('.trade-card .trade-no');
    const orderId = await page.$eval('.trade-card .trade-no', (el) => el.textContent!.replace(/\D/g, ''));
    // The demo keeps its edits in the tab's sessionStorage (test/demo/public/app/store.js).
    await page.evaluate(
      (id, receiver) => sessionStorage.setItem('xiaoer-demo:orders', JSON.stringify({ [id]: { receiver } })),
      orderId,
      { name, address },
    );
    await page.goto(new URL(`/console/orders/detail?id=${orderId}`, page.url()).href);
    await page.waitForFunction(() => document.querySelector('xiaoer-order')?.shadowRoot?.querySelector('[data-testid="address-card"] .levels'), { polling: 100, timeout: 8000 });
    const card = await page.$eval('xiaoer-order', (host) => {
      const root = host.shadowRoot!;
      return {
        levels: [...root.querySelectorAll('[data-testid="address-card"] .level')].map((el) => el.textContent),
        name: root.querySelector('[data-testid="address-card"] .receiver span')?.textContent,
        button: root.querySelector('button[name="mark-verified"]')?.textContent,
      };
    });
    expect(card.levels).toEqual(levels);
    expect(card.name).toBe(name);
    expect(card.button).toBe('标记已核对');
    if (name === '秀英') await page.screenshot({ path: '/tmp/xiaoer-receiver-xiuying.png' });
    await page.close();
  });
});
