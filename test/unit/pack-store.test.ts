import { describe, expect, it } from 'vitest';
import { openXiaoerDb } from '@/utils/db/open-db';
import { validatePack, type Pack } from '@/utils/packs/pack-format';
import { applyPack, getPack, previewPackUpdate, removePack, undoPack } from '@/utils/packs/pack-store';
import { deleteSnippet, listSnippets, saveSnippet } from '@/utils/snippets/snippet-store';

let n = 0;
const freshDb = () => openXiaoerDb(undefined, `pack-store-${++n}`);
const v1 = validatePack({
  format: 'xiaoer-snippet-pack',
  formatVersion: 1,
  id: 'team',
  name: '团队话术',
  version: 1,
  updatedAt: '2026-11-20T08:00:00Z',
  snippets: [
    { id: 'hello', title: '欢迎', body: '亲，您好', category: '欢迎', tags: [], shortcut: 'thy' },
    { id: 'ship', title: '发货', body: '48 小时内发货', category: '物流/发货', tags: ['发货'] },
    { id: 'old', title: '旧活动', body: '双十一满减', category: '议价', tags: [] },
    { id: 'mine', title: '退款', body: '退款已提交', category: '售后', tags: [] },
  ],
});
/** v2: hello changed, ship changed (the agent edited it), old removed, new added, mine unchanged. */
const v2: Pack = {
  ...v1,
  version: 2,
  snippets: [
    { ...v1.snippets[0]!, body: '亲，您好～欢迎光临' },
    { ...v1.snippets[1]!, body: '24 小时内发货' },
    { ...v1.snippets[3]! },
    { id: 'new', title: '新品', body: '新品上市', category: '咨询/沟通', tags: [] },
  ],
};
const byId = async (db: Awaited<ReturnType<typeof freshDb>>, id: string) => (await db.get('snippets', id)) ?? null;

describe('team packs: preview, apply, undo', () => {
  it('first brings every snippet in as added, under pack-scoped ids', async () => {
    const db = await freshDb();
    const preview = await previewPackUpdate(db, v1);
    expect(preview.counts).toEqual({ added: 4, changed: 0, removed: 0, unchanged: 0, conflict: 0 });
    await applyPack(db, v1, []);
    expect(await byId(db, 'team:hello')).toMatchObject({ origin: 'team', body: '亲，您好', shortcut: 'thy' });
    expect((await getPack(db, 'team'))?.version).toBe(1);
  });

  it('previews an update three-way and keeps the agent’s edit unless told to take the team’s', async () => {
    const db = await freshDb();
    await applyPack(db, v1, []);
    await saveSnippet(db, 'team:ship', { title: '发货', body: '我们今天就发', category: '物流/发货', tags: ['发货'] });
    const preview = await previewPackUpdate(db, v2);
    const kinds = Object.fromEntries(preview.changes.map((c) => [c.id, c.kind]));
    expect(kinds).toEqual({ hello: 'changed', ship: 'conflict', mine: 'unchanged', new: 'added', old: 'removed' });
    expect(preview.previousVersion).toBe(1);

    await applyPack(db, v2, []);
    expect((await byId(db, 'team:hello'))?.body).toBe('亲，您好～欢迎光临');
    expect((await byId(db, 'team:ship'))?.body).toBe('我们今天就发');
    expect(await byId(db, 'team:old')).toBeNull();
    expect((await byId(db, 'team:new'))?.title).toBe('新品');
    // Still an override against the new base: the next update does not overwrite it either.
    expect((await previewPackUpdate(db, v2)).changes.find((c) => c.id === 'ship')).toMatchObject({ kind: 'unchanged', edited: true });
  });

  it('takes the team’s version for a conflict when asked', async () => {
    const db = await freshDb();
    await applyPack(db, v1, []);
    await saveSnippet(db, 'team:ship', { title: '发货', body: '我们今天就发', category: '物流/发货', tags: [] });
    await applyPack(db, v2, ['ship']);
    expect((await byId(db, 'team:ship'))?.body).toBe('24 小时内发货');
  });

  it('keeps a snippet the agent deleted deleted, and keeps an edited one the team removed as the agent’s own', async () => {
    const db = await freshDb();
    await applyPack(db, v1, []);
    await deleteSnippet(db, 'team:mine');
    await saveSnippet(db, 'team:old', { title: '旧活动', body: '我的满减说明', category: '议价', tags: [] });
    const preview = await previewPackUpdate(db, v2);
    expect(preview.changes.find((c) => c.id === 'mine')?.kind).toBe('unchanged');
    expect(preview.changes.find((c) => c.id === 'old')?.kind).toBe('conflict');
    await applyPack(db, v2, []);
    expect(await byId(db, 'team:mine')).toBeNull();
    expect(await byId(db, 'team:old')).toMatchObject({ origin: 'local', body: '我的满减说明' });
  });

  it('does not overwrite a kept copy when the team brings the snippet back', async () => {
    const db = await freshDb();
    await applyPack(db, v1, []);
    await saveSnippet(db, 'team:old', { title: '旧活动', body: '我的满减说明', category: '议价', tags: [] });
    await applyPack(db, v2, []);
    const v3: Pack = { ...v2, version: 3, snippets: [...v2.snippets, { ...v1.snippets[2]!, body: '团队的新满减' }] };
    expect((await previewPackUpdate(db, v3)).changes.find((c) => c.id === 'old')?.kind).toBe('conflict');
    await applyPack(db, v3, []);
    expect(await byId(db, 'team:old')).toMatchObject({ body: '我的满减说明' });
  });

  it('undoes the last apply exactly, offering the update again', async () => {
    const db = await freshDb();
    await applyPack(db, v1, []);
    await saveSnippet(db, 'team:ship', { title: '发货', body: '我们今天就发', category: '物流/发货', tags: ['发货'] });
    const before = (await listSnippets(db)).filter((s) => s.origin === 'team');
    await applyPack(db, v2, ['ship']);
    await undoPack(db, 'team');
    const after = (await listSnippets(db)).filter((s) => s.origin === 'team');
    expect(after).toEqual(before);
    const record = await getPack(db, 'team');
    expect(record).toMatchObject({ version: 1, pending: { version: 2 } });
    expect(record?.undo).toBeUndefined();
    await expect(undoPack(db, 'team')).rejects.toThrow('没有可撤销的更新');
  });

  it('undoing the first apply removes the pack', async () => {
    const db = await freshDb();
    const library = (await listSnippets(db)).length;
    await applyPack(db, v1, []);
    await undoPack(db, 'team');
    expect(await getPack(db, 'team')).toBeUndefined();
    expect((await listSnippets(db)).length).toBe(library);
  });

  it('leaves out a team shortcut the agent already uses, without counting that as an edit', async () => {
    const db = await freshDb();
    await listSnippets(db);
    await saveSnippet(db, undefined, { title: '我的欢迎', body: '你好', category: '欢迎', tags: [], shortcut: 'thy' });
    const preview = await previewPackUpdate(db, v1);
    expect(preview.shortcutClashes).toEqual([{ id: 'hello', shortcut: 'thy', usedBy: '我的欢迎' }]);
    await applyPack(db, v1, []);
    expect((await byId(db, 'team:hello'))?.shortcut).toBeUndefined();
    expect((await previewPackUpdate(db, v2)).changes.find((c) => c.id === 'hello')?.kind).toBe('changed');
  });

  it('removing a pack drops its unedited snippets and keeps the edited ones as the agent’s', async () => {
    const db = await freshDb();
    await applyPack(db, v1, []);
    await saveSnippet(db, 'team:ship', { title: '发货', body: '我们今天就发', category: '物流/发货', tags: [] });
    await removePack(db, 'team');
    expect(await byId(db, 'team:hello')).toBeNull();
    expect(await byId(db, 'team:ship')).toMatchObject({ origin: 'local' });
    expect(await getPack(db, 'team')).toBeUndefined();
  });
});
