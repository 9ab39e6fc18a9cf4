import { describe, expect, it } from 'vitest';
import { DB_VERSION } from '@/utils/db/migrations';
import { openXiaoerDb } from '@/utils/db/open-db';

let dbCounter = 0;
const freshName = () => `xiaoer-test-${++dbCounter}`;

describe('database migrations', () => {
  it('creates every store on a fresh install', async () => {
    const db = await openXiaoerDb(DB_VERSION, freshName());
    expect([...db.objectStoreNames].sort()).toEqual(['clockConversations', 'clockRecords', 'events', 'orders', 'packs', 'pendingRemarks', 'remarks', 'snippets', 'sources', 'stock', 'stockCodes']);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('upgrades a filled v1 database to the latest version without losing data', async () => {
    const name = freshName();
    const v1 = await openXiaoerDb(1, name);
    expect([...v1.objectStoreNames].sort()).toEqual(['events', 'sources']);
    // v1 sources had no `mode`; v2 defaults it to 'replace'.
    const legacySource = { id: 'erp-main', kind: 'file', name: '网店管家导出', rows: 1200, lastSyncAt: 1_700_000_000_000 };
    await v1.put('sources', legacySource as never);
    await v1.put('sources', { id: 'feed', kind: 'url', name: 'feed', mode: 'merge', url: 'https://erp.example/stock.json' });
    for (let i = 0; i < 25; i++) {
      await v1.add('events', { at: i, level: i % 5 ? 'info' : 'error', scope: 'worker', message: `event ${i}` });
    }
    v1.close();

    const latest = await openXiaoerDb(DB_VERSION, name);
    expect(latest.version).toBe(DB_VERSION);
    expect(await latest.get('sources', 'erp-main')).toEqual({ ...legacySource, mode: 'replace' });
    expect((await latest.get('sources', 'feed'))?.mode).toBe('merge');
    const events = await latest.getAll('events');
    expect(events.map((e) => e.message)).toEqual(Array.from({ length: 25 }, (_, i) => `event ${i}`));
    expect(await latest.countFromIndex('events', 'by-level', 'error')).toBe(5);
    await latest.put('snippets', { id: 's1', title: '欢迎' } as never);
    expect(await latest.get('snippets', 's1')).toEqual({ id: 's1', title: '欢迎' });
    latest.close();
  });

  it('gives stock imported before v5 its lookup table', async () => {
    const name = freshName();
    const v4 = await openXiaoerDb(4, name);
    await v4.put('sources', { id: 'erp', kind: 'file', name: 'ERP', mode: 'replace', lastSyncAt: 1 });
    await v4.put('stock', { sourceId: 'erp', chunk: 0, records: [
      { code: 'XE-1-M', skuCode: 'XE-1-M', outerCode: 'XE-1', available: 2, warehouses: { 主仓: 2 } },
      { code: 'XE-1-L', skuCode: 'XE-1-L', outerCode: 'XE-1', available: 5, warehouses: { 主仓: 5 } },
    ] });
    v4.close();
    const latest = await openXiaoerDb(DB_VERSION, name);
    const { lookupAvailable, invalidateStockIndex } = await import('@/utils/stock/stock-index');
    invalidateStockIndex();
    expect(await lookupAvailable(latest, ['xe-1-l', 'XE-1', 'nope'])).toEqual({
      sources: [{ id: 'erp', name: 'ERP', syncedAt: 1 }],
      found: [[5, 0], [7, 0], 0],
    });
    latest.close();
  });
});
