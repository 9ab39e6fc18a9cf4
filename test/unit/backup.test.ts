import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackup, restoreBackup, BACKUP_SECTIONS } from '@/utils/backup/backup';
import { openXiaoerDb } from '@/utils/db/open-db';
import { markVerified } from '@/utils/orders/order-store';
import { recordPending, settlePending } from '@/utils/orders/pending-remarks';
import { validatePack } from '@/utils/packs/pack-format';
import { applyPack } from '@/utils/packs/pack-store';
import { loadSettings, settingsItem } from '@/utils/settings/settings';
import { listSnippets, saveSnippet } from '@/utils/snippets/snippet-store';
import { commitStock } from '@/utils/stock/stock-store';
import { EXAMPLE_ADAPTER } from '@/utils/adapters/custom/adapter-example';
import { listCustomAdapters, saveCustomAdapter } from '@/utils/adapters/custom/custom-adapter-store';
import { invalidateStockIndex, lookupAvailable } from '@/utils/stock/stock-index';
import { ensureInstallKey } from '@/utils/privacy/ensure-install-key';
import { asFreshProfile } from '../support/fresh-profile';

let n = 0;
const freshDb = () => openXiaoerDb(undefined, `backup-${++n}`);
const pack = validatePack({
  format: 'xiaoer-snippet-pack', formatVersion: 1, id: 'team', name: '团队', version: 3, updatedAt: '2026-11-20T08:00:00Z',
  snippets: [{ id: 'a', title: '欢迎', body: '亲', category: '欢迎', tags: [] }],
});

async function everything(db: Awaited<ReturnType<typeof freshDb>>) {
  const strip = <T extends object>(list: T[]) => list.map((x) => JSON.parse(JSON.stringify(x)));
  return {
    settings: await loadSettings(),
    snippets: strip(await listSnippets(db)),
    packs: strip((await db.getAll('packs')).map(({ undo: _u, nextSyncAt: _n, ...p }) => p)),
    remarks: await db.getAll('remarks'),
    orders: await db.getAll('orders'),
    sources: (await db.getAll('sources')).map(({ authHeader, nextSyncAt: _n, etag: _e, failures: _f, lastError: _l, ...s }) => ({ ...s, header: authHeader?.name })),
    stock: await db.getAll('stock'),
    // What a badge shows: the lookup tables are rebuilt from the records on restore.
    lookups: (invalidateStockIndex(), await lookupAvailable(db, ['A1', 'NONE'])).found,
    customAdapters: await listCustomAdapters(),
    clock: { records: await db.getAll('clockRecords'), conversations: await db.getAll('clockConversations') },
  };
}

beforeEach(asFreshProfile);

describe('backup', () => {
  it('restores a full backup on a clean profile to the same state, without secrets', async () => {
    const db = await freshDb();
    await ensureInstallKey(db); // as address.check does before any mark is made
    await settingsItem.setValue({ ...(await loadSettings()), agentId: '007', shopName: '小鹿店' });
    await saveSnippet(db, undefined, { title: '我的', body: '内容', category: '售后', tags: ['x'], shortcut: 'wd' });
    await applyPack(db, pack, []);
    // Written as the remark writer does: pending, then settled as written.
    await recordPending(db, { id: 'r-1-a', writer: 's-1-a', tabId: 1, orderId: '1234567890', text: '已核对', flag: 1, reason: '核对地址', agentId: '007', at: 1_000 });
    await settlePending(db, 'r-1-a', true);
    await markVerified(db, '1234567890', 'a'.repeat(64), '007');
    await commitStock(db, { id: 'feed', kind: 'url', name: 'ERP', mode: 'replace', url: 'https://erp.example/s.json', authHeader: { name: 'X-Token', value: 'secret' } }, [
      { code: 'A1', available: 3, warehouses: { 默认仓: 3 } },
    ], 'replace');
    await saveCustomAdapter(EXAMPLE_ADAPTER);
    const buyer = 'ab'.repeat(16);
    await db.put('clockRecords', { id: 'w1', kind: 'wait', key: buyer, at: 1_000, newBuyer: true, answeredAt: 5_000 });
    await db.put('clockRecords', { id: 'r1', kind: 'reply', key: buyer, at: 5_000, snippetId: 'welcome-1' });
    await db.put('clockConversations', { key: buyer, waitingSince: null, newBuyer: false, alerted: false, updatedAt: 5_000 });
    const before = await everything(db);
    expect(before.customAdapters.map((a) => a.id)).toEqual([EXAMPLE_ADAPTER.id]);
    expect(before.clock.records).toHaveLength(2);
    expect(before.lookups).toEqual([[3, 0], 0]);

    const backup = JSON.parse(JSON.stringify(await createBackup(db, '0.1.0')));
    expect(JSON.stringify(backup)).not.toContain('secret');
    expect(Object.keys(backup.sections)).toEqual(BACKUP_SECTIONS.map((s) => s.id));

    fakeBrowser.reset();
    const fresh = await freshDb();
    expect((await restoreBackup(fresh, backup)).sections).toEqual(BACKUP_SECTIONS.map((s) => s.id));
    const { orders, clock, ...after } = await everything(fresh);
    const { orders: marked, clock: clockBefore, ...sameBefore } = before;
    expect(after).toEqual(sameBefore);
    // A clean profile is another install: no verification marks, the figures under fresh buyer keys (install-key.test.ts).
    expect(marked).toHaveLength(1);
    expect(orders).toEqual([]);
    expect(clock.conversations).toEqual([]);
    const withoutKey = (records: typeof clock.records) => records.map(({ key: _, ...r }) => r);
    expect(withoutKey(clock.records)).toEqual(withoutKey(clockBefore.records));
    expect((await fresh.get('sources', 'feed'))?.authHeader).toEqual({ name: 'X-Token', value: '' });
    // The restored library is the backup's, not the defaults on top of it.
    expect((await listSnippets(fresh)).length).toBe(before.snippets.length);
  });

  it('refuses a bad file whole and changes nothing', async () => {
    const db = await freshDb();
    await saveSnippet(db, undefined, { title: '留着', body: '内容', category: '售后', tags: [] });
    const good = JSON.parse(JSON.stringify(await createBackup(db, '0.1.0')));
    const before = await everything(db);
    const broken = { ...good, sections: { ...good.sections, remarks: [{ id: 'r', orderId: 'x' }] } };
    await expect(restoreBackup(db, broken)).rejects.toThrow('备份的“remarks”部分无效');
    const badAdapter = { ...good, sections: { ...good.sections, customAdapters: [{ ...EXAMPLE_ADAPTER, matches: ['ftp://x/*'] }] } };
    await expect(restoreBackup(db, badAdapter)).rejects.toThrow('备份的“customAdapters”部分无效');
    await expect(restoreBackup(db, { ...good, formatVersion: 9 })).rejects.toThrow('不支持的备份格式版本');
    await expect(restoreBackup(db, { ...good, sections: { ...good.sections, adapters: [] } })).rejects.toThrow('不认识的部分“adapters”');
    await expect(restoreBackup(db, { nothing: true })).rejects.toThrow('不是小二的备份文件');
    await expect(restoreBackup(db, { ...good, sections: {} })).rejects.toThrow('没有任何部分可恢复');
    expect(await everything(db)).toEqual(before);
  });
});
