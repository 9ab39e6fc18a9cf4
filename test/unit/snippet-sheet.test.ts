import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openXiaoerDb } from '@/utils/db/open-db';
import { checkSheetSnippets, readSnippetSheet, snippetSheetCsv } from '@/utils/packs/snippet-sheet';
import { importSheet } from '@/utils/packs/sheet-import';
import { listSnippets, saveSnippet } from '@/utils/snippets/snippet-store';
import { decodeBytes } from '@/utils/stock-import/decode';
import { parseDelimited } from '@/utils/stock-import/table';

const readCsv = (text: string) => {
  const { rows, lines } = parseDelimited(text);
  return readSnippetSheet(rows, lines);
};
let n = 0;
const freshDb = () => openXiaoerDb(undefined, `sheet-${++n}`);

describe('snippet sheets', () => {
  it('reads header synonyms (名称/短语/分组/快捷编码) from a GBK 千牛-style export', () => {
    const bytes = iconv.encode('名称,短语,分组,快捷编码,标签\r\n欢迎,亲，您好～,欢迎,HY,开场、通用\r\n,"只有内容, 没有标题",,,\r\n', 'gbk');
    const snippets = readCsv(decodeBytes(new Uint8Array(bytes)).text);
    expect(snippets).toEqual([
      { id: undefined, title: '欢迎', body: '亲，您好～', category: '欢迎', shortcut: 'hy', tags: ['开场', '通用'] },
      { id: undefined, title: '只有内容, 没有标题', body: '只有内容, 没有标题', category: '未分类', shortcut: undefined, tags: [] },
    ]);
  });

  it('refuses the whole sheet naming each bad row', () => {
    expect(() => readCsv('标题,内容\n好,<b>粗</b>\n空,\n')).toThrow('表格有错误，未导入任何内容：第 3 行：内容为空');
    expect(() => readCsv('标题,价格\n好,1\n')).toThrow('找不到“内容”列');
    expect(() => readCsv('编号,内容\na,一\na,二\n')).toThrow('第 3 行：ID “a”重复');
  });

  it('writes UTF-8 with BOM, quotes what needs it, guards formulas, and reads back the same', () => {
    const snippets = [
      { id: 'a', title: '引号"和,逗号', body: '第一行\n第二行', category: '售后', tags: ['退款', '说明'], shortcut: 'tk' },
      { id: 'b', title: '公式', body: '=HYPERLINK("x")', category: '欢迎', tags: [] },
    ];
    const csv = snippetSheetCsv(snippets);
    expect(csv.startsWith('\ufeffID,标题,内容,分类,快捷词,标签\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(readCsv(csv)).toEqual(snippets.map((s) => ({ shortcut: undefined, ...s })));
  });

  it('the worker re-checks rows it is sent', () => {
    expect(checkSheetSnippets([{ title: 'x', body: '<script>', category: 'y', tags: [] }])[0]!.body).toBe('<script>');
    expect(() => checkSheetSnippets([{ title: 'x', body: ' ', category: 'y', tags: [] }])).toThrow('第 1 条话术：内容为空');
    expect(() => checkSheetSnippets([{ title: 'x', body: 'a', category: 'y', tags: [], shortcut: 'q' }, { title: 'z', body: 'b', category: 'y', tags: [], shortcut: 'q' }])).toThrow('快捷词“q”重复');
  });

  it('an exported library imported into a fresh library gives the same library', async () => {
    const source = await freshDb();
    await listSnippets(source);
    await saveSnippet(source, undefined, { title: '我的话术', body: '亲，{买家}，已备注', category: '我的分类', tags: ['备注'], shortcut: 'wd' });
    const first = (await listSnippets(source))[0]!;
    await saveSnippet(source, first.id, { ...first, body: '改过的欢迎语' });
    const exported = await listSnippets(source);
    const csv = snippetSheetCsv(exported);

    // A fresh profile: its own storage too, so it gets the default library.
    fakeBrowser.reset();
    const target = await freshDb();
    const preview = await importSheet(target, readCsv(csv), true);
    expect(preview.added).toEqual(['我的话术']);
    expect(preview.changed).toEqual([first.title]);
    const wording = (list: typeof exported) => list.map((s) => [s.id, s.title, s.body, s.category, s.tags, s.shortcut]).sort();
    expect(wording(await listSnippets(target))).toEqual(wording(exported));
    // Importing the same sheet again changes nothing.
    expect((await importSheet(target, readCsv(csv), true)).unchanged).toHaveLength(exported.length);
  });
});
