/**
 * Issue 15 — nothing lost, nothing silently dropped: the stock import's preview shows every problem with its line
 * before anything is committed, and importing into an existing source keeps its name.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_LINES, brokenLines, cleanLines, gb18030, undecodableBytes, warningOnlyLines } from '../fixtures/broken-erp-export';
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
    await options.close();
  });
});
