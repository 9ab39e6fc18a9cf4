import { describe, expect, it } from 'vitest';
import { openXiaoerDb } from '@/utils/db/open-db';
import { validatePack } from '@/utils/packs/pack-format';
import { applyPack, previewPackUpdate, undoPack } from '@/utils/packs/pack-store';
import { readSnippetInput } from '@/utils/packs/read-snippet-input';
import { importSheet } from '@/utils/packs/sheet-import';
import { readSnippetSheetWithNotes, titleFromBody } from '@/utils/packs/snippet-sheet';
import { buildSnippetIndex, searchSnippets } from '@/utils/snippets/search/snippet-index';
import { listSnippets, saveSnippet } from '@/utils/snippets/snippet-store';
import { parseDelimited } from '@/utils/stock-import/table';
import { QIANNIU_ROWS, QIANNIU_TITLES, qianniuBytes, qianniuCsvText, qianniuXlsx } from '../fixtures/qianniu-phrase-sheet';

let n = 0;
const freshDb = () => openXiaoerDb(undefined, `qianniu-${++n}`);
const sheetRows = async () => {
  const input = await readSnippetInput({ bytes: new Uint8Array(qianniuBytes('csv-gbk')), fileName: '快捷短语.csv' });
  if (input.kind !== 'sheet') throw new Error('not a sheet');
  return input;
};

describe('千牛-style phrase sheets import as they come', () => {
  it.each([
    ['CSV, GBK', () => ({ bytes: new Uint8Array(qianniuBytes('csv-gbk')), fileName: '快捷短语.csv' })],
    ['CSV, UTF-8 with BOM', () => ({ bytes: new Uint8Array(qianniuBytes('csv-utf8-bom')), fileName: 'phrases.csv' })],
    ['TSV, UTF-16LE (Excel "Unicode text")', () => ({ bytes: new Uint8Array(qianniuBytes('tsv-utf16le')), fileName: 'phrases.txt' })],
    ['TSV, GB18030', () => ({ bytes: new Uint8Array(qianniuBytes('tsv-gb18030')), fileName: 'phrases.tsv' })],
    ['XLSX', () => ({ bytes: qianniuXlsx(), fileName: '快捷短语.xlsx' })],
    ['pasted text', () => ({ text: qianniuCsvText() })],
  ])('reads 分组 / 快捷编码 / 快捷短语 from %s', async (_name, input) => {
    const read = await readSnippetInput(input());
    expect(read.kind).toBe('sheet');
    if (read.kind !== 'sheet') return;
    expect(read.rows.map((r) => [r.category, r.shortcut, r.body])).toEqual(
      QIANNIU_ROWS.slice(1).map(([group, code, body]) => [group, /^[a-z]+$/.test(code!) ? code : undefined, body]),
    );
    expect(read.rows.map((r) => r.title)).toEqual(QIANNIU_TITLES);
    // The 快捷编码 that is a word is kept as a tag, and said so.
    expect(read.rows.at(-1)!.tags).toEqual(['购物金退款']);
    expect(read.notes).toEqual(['第 8 行：快捷编码“购物金退款”不是 1–16 个字母或数字，改作标签保留']);
  });

  it('accepts the header names of platform exports', () => {
    const read = (header: string) => readSnippetSheetWithNotes(parseDelimited(`${header}\n售后,tk,亲，退款已处理\n`).rows).snippets[0];
    for (const header of ['分组,快捷编码,快捷短语', '短语分组,快捷码,短语内容', '分组名称,快捷键,快捷回复', '分类,编码,回复内容', 'group,code,content', '话术分组,简码,话术内容']) {
      expect(read(header), header).toMatchObject({ category: '售后', shortcut: 'tk', body: '亲，退款已处理' });
    }
  });

  it('titles derived from a body never cut a {placeholder} in half', () => {
    expect(titleFromBody('亲爱的顾客您好～这边看到您的订单{订单号}还没有付款哦')).toBe('亲爱的顾客您好～这边看到您的订单');
    expect(titleFromBody('{买家}亲，您好，您的订单已经寄到{收货地址}了')).toBe('{买家}亲，您好，您的订单已经寄到');
    expect(titleFromBody('{输入:一个很长很长很长很长很长的提示字段名=默认值}')).toBe('{输入:一个很长很长很长很长很长的提示字段名=默认值}');
    expect(titleFromBody('亲，满{{100}}减{{10}}，活动今晚结束，抓紧下单')).toBe('亲，满{{100}}减{{10}}，活动');
    expect(titleFromBody('短的')).toBe('短的');
    for (const body of QIANNIU_ROWS.slice(1).map((r) => r[2]!)) {
      const title = titleFromBody(body);
      const open = title.replace(/\{\{|\}\}/g, '').split('{').length - 1;
      const close = title.replace(/\{\{|\}\}/g, '').split('}').length - 1;
      expect(open, title).toBe(close);
    }
  });

  it('team shortcuts win over untouched defaults: the default keeps its text, loses the shortcut, and the preview says so', async () => {
    const db = await freshDb();
    const { rows } = await sheetRows();
    const preview = await importSheet(db, rows, false);
    expect(preview.shortcutClashes).toEqual([]);
    expect(preview.defaultsYield).toEqual([
      { title: '首次欢迎', shortcut: 'hy', to: QIANNIU_TITLES[0] },
      { title: '温和催付', shortcut: 'cf', to: QIANNIU_TITLES[1] },
    ]);
    expect(preview.added).toHaveLength(7);
    await importSheet(db, rows, true);
    const library = await listSnippets(db);
    const byShortcut = (s: string) => library.filter((x) => x.shortcut === s);
    expect(byShortcut('hy').map((s) => s.body)).toEqual([QIANNIU_ROWS[1]![2]]);
    expect(byShortcut('cf').map((s) => s.body)).toEqual([QIANNIU_ROWS[2]![2]]);
    const welcome = library.find((s) => s.id === 'welcome-first')!;
    expect(welcome).toMatchObject({ title: '首次欢迎', shortcut: undefined });
    expect(welcome.body).toContain('欢迎光临{店铺}');
    // Searching cf finds the team's phrase first.
    const index = buildSnippetIndex(library);
    const hits = searchSnippets(index, 'cf');
    expect(library.find((s) => s.id === hits[0]!.id)!.body).toBe(QIANNIU_ROWS[2]![2]);
  });

  it('a shortcut the agent set or edited still wins, as the preview says', async () => {
    const db = await freshDb();
    const library = await listSnippets(db);
    const welcome = library.find((s) => s.id === 'welcome-first')!;
    await saveSnippet(db, welcome.id, { ...welcome, body: '我改过的欢迎语' });
    const { rows } = await sheetRows();
    const preview = await importSheet(db, rows, true);
    expect(preview.shortcutClashes).toEqual([{ title: QIANNIU_TITLES[0], shortcut: 'hy', usedBy: '首次欢迎' }]);
    expect(preview.defaultsYield.map((d) => d.shortcut)).toEqual(['cf']);
    const after = await listSnippets(db);
    expect(after.find((s) => s.id === 'welcome-first')).toMatchObject({ shortcut: 'hy', body: '我改过的欢迎语' });
    expect(after.find((s) => s.body === QIANNIU_ROWS[1]![2])!.shortcut).toBeUndefined();
  });

  it('marks the rows that look like HTML, and imports them as text', async () => {
    const db = await freshDb();
    const { rows } = await sheetRows();
    const preview = await importSheet(db, rows, true);
    expect(preview.markup).toEqual([QIANNIU_TITLES[2], QIANNIU_TITLES[3], QIANNIU_TITLES[4]]);
    const bodies = (await listSnippets(db)).map((s) => s.body);
    for (const row of QIANNIU_ROWS.slice(1)) expect(bodies).toContain(row[2]);
  });

  it('a team pack takes an untouched default shortcut too, and one undo gives it back', async () => {
    const db = await freshDb();
    const before = (await listSnippets(db)).map((s) => [s.id, s.shortcut]);
    const pack = validatePack({
      format: 'xiaoer-snippet-pack', formatVersion: 1, id: 'team', name: '团队', version: 1, updatedAt: '2026-11-20T08:00:00Z',
      snippets: [{ id: 'w', title: '团队欢迎', body: '亲，欢迎光临～', category: '欢迎', tags: [], shortcut: 'hy' }],
    });
    const preview = await previewPackUpdate(db, pack);
    expect(preview.shortcutClashes).toEqual([]);
    expect(preview.defaultsYield).toEqual([{ id: 'w', shortcut: 'hy', title: '首次欢迎' }]);
    await applyPack(db, pack, []);
    const after = await listSnippets(db);
    expect(after.find((s) => s.id === 'team:w')!.shortcut).toBe('hy');
    expect(after.find((s) => s.id === 'welcome-first')!.shortcut).toBeUndefined();
    await undoPack(db, 'team');
    expect((await listSnippets(db)).map((s) => [s.id, s.shortcut])).toEqual(before);
  });
});
