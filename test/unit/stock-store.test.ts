import { describe, expect, it } from 'vitest';
import type { StockSource } from '@/utils/db/schema';
import { openXiaoerDb } from '@/utils/db/open-db';
import type { StockRecord } from '@/utils/stock-import/aggregate';
import { CHUNK_SIZE, commitStock, deleteStockSource, readAllStock } from '@/utils/stock/stock-store';
import { invalidateStockIndex, lookupAvailable, lookupStock } from '@/utils/stock/stock-index';

let n = 0;
const freshDb = () => openXiaoerDb(undefined, `stock-store-${++n}`);
const record = (code: string, available: number, extra: Partial<StockRecord> = {}): StockRecord => ({
  code,
  available,
  warehouses: { 主仓: available },
  ...extra,
});
const source = (id: string, name = id): StockSource => ({ id, kind: 'file', name, mode: 'replace' });

describe('stock store', () => {
  it('writes records in chunks and reads them back per source', async () => {
    const db = await freshDb();
    const records = Array.from({ length: CHUNK_SIZE * 2 + 5 }, (_, i) => record(`C-${i}`, i));
    const saved = await commitStock(db, source('erp'), records, 'replace');
    expect(saved).toMatchObject({ id: 'erp', rows: records.length, mode: 'replace', failures: 0 });
    expect(await db.count('stock')).toBe(3);
    const [all] = await readAllStock(db);
    expect(all!.records).toEqual(records);
  });

  it('replaces or merges as asked', async () => {
    const db = await freshDb();
    await commitStock(db, source('erp'), [record('A', 1), record('B', 2)], 'replace');
    await commitStock(db, source('erp'), [record('B', 20), record('C', 30)], 'merge');
    expect((await readAllStock(db))[0]!.records.map((r) => [r.code, r.available])).toEqual([['A', 1], ['B', 20], ['C', 30]]);
    await commitStock(db, source('erp'), [record('Z', 9)], 'replace');
    expect((await readAllStock(db))[0]!.records.map((r) => r.code)).toEqual(['Z']);
  });

  it('commits all or nothing: a failing write leaves the previous stock', async () => {
    const db = await freshDb();
    await commitStock(db, source('erp'), [record('A', 1)], 'replace');
    // A value IndexedDB cannot clone fails the transaction midway.
    const poisoned = [record('A', 100), { ...record('B', 2), name: (() => {}) as unknown as string }];
    await expect(commitStock(db, source('erp'), poisoned, 'replace')).rejects.toThrow();
    const [only] = await readAllStock(db);
    expect(only!.records).toEqual([record('A', 1)]);
    expect(only!.source.rows).toBe(1);
  });

  it('deletes a source with its stock', async () => {
    const db = await freshDb();
    await commitStock(db, source('a'), [record('A', 1)], 'replace');
    await commitStock(db, source('b'), [record('B', 1)], 'replace');
    await deleteStockSource(db, 'a');
    expect((await readAllStock(db)).map((s) => s.source.id)).toEqual(['b']);
    expect(await db.count('stock')).toBe(1);
  });
});

describe('stock lookup', () => {
  it('answers SKU and outer codes, normalised, with the newest source winning a shared code', async () => {
    const db = await freshDb();
    invalidateStockIndex();
    await commitStock(db, source('file', '网店管家'), [
      record('XE-1001-RED-M', 3, { skuCode: 'XE-1001-RED-M', outerCode: 'XE-1001', warehouses: { 主仓: 2, 华东仓: 1 } }),
      record('XE-1001-BLK-L', 4, { skuCode: 'XE-1001-BLK-L', outerCode: 'XE-1001' }),
      record('XE-2000', 8),
    ], 'replace');
    const hits = await lookupStock(db, ['xe-1001-red-m', 'ＸＥ－１００１', 'XE-2000', 'NOPE']);
    expect(hits['XE-1001-RED-M']).toMatchObject({ available: 3, warehouses: { 主仓: 2, 华东仓: 1 }, sourceName: '网店管家' });
    expect(hits['XE-1001']).toMatchObject({ available: 7, warehouses: { 主仓: 6, 华东仓: 1 } });
    expect(hits['NOPE']).toBeUndefined();

    await new Promise((r) => setTimeout(r, 5));
    await commitStock(db, { ...source('feed', '云仓'), kind: 'url' }, [record('XE-2000', 1)], 'replace');
    // The cached index is kept until invalidated, as the worker does after every commit.
    expect((await lookupStock(db, ['XE-2000']))['XE-2000']!.available).toBe(8);
    invalidateStockIndex();
    expect((await lookupStock(db, ['XE-2000']))['XE-2000']).toMatchObject({ available: 1, sourceName: '云仓' });
  });

  it('answers lookups aligned with the codes asked, from the compact tables, in step with the full records', async () => {
    const db = await freshDb();
    invalidateStockIndex();
    await commitStock(db, source('file', '网店管家'), [
      record('XE-1001-RED-M', 3, { skuCode: 'XE-1001-RED-M', outerCode: 'XE-1001' }),
      record('XE-1001-BLK-L', 4, { skuCode: 'XE-1001-BLK-L', outerCode: 'XE-1001' }),
      record('XE-2000', 8),
    ], 'replace');
    await new Promise((r) => setTimeout(r, 5));
    await commitStock(db, { ...source('feed', '云仓'), kind: 'url' }, [record('XE-2000', 1)], 'replace');
    const asked = ['NOPE', 'ｘｅ－１００１', 'XE-2000', 'xe-1001-blk-l'];
    const reply = await lookupAvailable(db, asked);
    expect(reply.found).toEqual([0, [7, 0], [1, 1], [4, 0]]);
    expect(reply.sources.map((s) => s.name)).toEqual(['网店管家', '云仓']);
    // Same numbers as the full records the detail view reads.
    const full = await lookupStock(db, asked);
    expect(full['XE-1001']!.available).toBe(7);
    expect(full['XE-2000']!.available).toBe(1);

    // Deleting a source removes its table with it.
    await deleteStockSource(db, 'feed');
    invalidateStockIndex();
    expect((await lookupAvailable(db, ['XE-2000'])).found).toEqual([[8, 0]]);
    expect(await db.count('stockCodes')).toBe(1);
  });
});
