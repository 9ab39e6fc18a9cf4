import { describe, expect, it } from 'vitest';
import { openXiaoerDb } from '@/utils/db/open-db';
import { DEFAULT_SNIPPETS } from '@/utils/snippets/default-pack';
import { deleteSnippet, listSnippets, markSnippetUsed, reorderSnippets, restoreSnippets, saveSnippet } from '@/utils/snippets/snippet-store';

let n = 0;
const freshDb = () => openXiaoerDb(undefined, `snippet-store-${++n}`);
const draft = { title: '退款说明', body: '亲，退款{输入:金额}元已提交～', category: '售后', tags: ['退款'], shortcut: 'TKSM' };

describe('snippet store', () => {
  it('puts the default library in once, with pinyin keys computed', async () => {
    const db = await freshDb();
    const first = await listSnippets(db);
    expect(first).toHaveLength(DEFAULT_SNIPPETS.length);
    expect(first[0]!.keys.initials.length).toBeGreaterThan(0);
    for (const s of first) await deleteSnippet(db, s.id);
    // Deleting every default snippet does not bring them back.
    expect(await listSnippets(db)).toEqual([]);
  });

  it('saves with keys, lower-cases the shortcut, refuses a shortcut clash, and updates in place', async () => {
    const db = await freshDb();
    const saved = await saveSnippet(db, undefined, draft);
    expect(saved).toMatchObject({ title: '退款说明', shortcut: 'tksm', origin: 'local', uses: 0 });
    expect(saved.keys.initials).toContain('tksm');
    expect(saved.keys.pinyin).toContain('tuikuanshuoming');
    await expect(saveSnippet(db, undefined, { ...draft, title: '别的' })).rejects.toThrow('快捷词“tksm”已被“退款说明”使用');
    const edited = await saveSnippet(db, saved.id, { ...draft, title: '退款进度说明' });
    expect(edited).toMatchObject({ id: saved.id, order: saved.order, title: '退款进度说明' });
    await expect(saveSnippet(db, 'gone', draft)).rejects.toThrow('已不存在');
  });

  it('deletes, restores exactly, and refuses a malformed restore', async () => {
    const db = await freshDb();
    const saved = await saveSnippet(db, undefined, draft);
    await markSnippetUsed(db, saved.id);
    const deleted = await deleteSnippet(db, saved.id);
    expect(deleted).toMatchObject({ id: saved.id, uses: 1 });
    await restoreSnippets(db, [deleted]);
    expect((await db.get('snippets', saved.id))).toMatchObject({ id: saved.id, uses: 1, title: '退款说明' });
    await expect(restoreSnippets(db, [{ id: 'x', title: '<b>', body: '' }])).rejects.toThrow('无法恢复');
  });

  it('reorders the listed snippets among their own places', async () => {
    const db = await freshDb();
    const a = await saveSnippet(db, undefined, { ...draft, title: 'A', shortcut: undefined });
    await saveSnippet(db, undefined, { ...draft, title: 'B', shortcut: undefined });
    const c = await saveSnippet(db, undefined, { ...draft, title: 'C', shortcut: undefined });
    await reorderSnippets(db, [c.id, a.id]);
    const titles = (await listSnippets(db)).filter((s) => ['A', 'B', 'C'].includes(s.title)).map((s) => s.title);
    expect(titles).toEqual(['C', 'B', 'A']);
  });

  it('never puts the defaults over a library that arrived before the first use (a restored backup)', async () => {
    const db = await freshDb();
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    fakeBrowser.reset();
    await db.put('snippets', { id: 'restored', title: '恢复的', body: '内容', category: '售后', tags: [], origin: 'local', order: 0, uses: 0, updatedAt: 1 } as never);
    const listed = await listSnippets(db);
    expect(listed.map((s) => s.id)).toEqual(['restored']);
    // And it stays so: the library counts as set up.
    expect((await listSnippets(db)).length).toBe(1);
  });
});

