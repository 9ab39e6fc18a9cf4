import { afterEach, describe, expect, it } from 'vitest';
import { openXiaoerDb } from '@/utils/db/open-db';
import type { StockRecord } from '@/utils/stock-import/aggregate';
import { importStock, readAllStock } from '@/utils/stock/stock-store';
import { SourceChangedSincePreview } from '@/utils/stock/stock-commit-errors';
import { setClock } from '@/utils/clock';

let n = 0;
const freshDb = () => openXiaoerDb(undefined, `stock-import-conflict-${++n}`);
const records = (available: number): StockRecord[] => Array.from({ length: 1500 }, (_, i) => ({ code: `C-${i}`, available, warehouses: { 主仓: available } }));
const target = (sourceId: string | undefined, seenSyncAt: number | undefined) => ({ sourceId, seenSyncAt, kind: 'file' as const, name: 'ERP', mapping: {} });

describe('an import into a source changed since its preview', () => {
  let restoreClock = () => {};
  afterEach(() => restoreClock());

  it('is refused whole, naming the source; the import that came first stays as it was', async () => {
    const db = await freshDb();
    restoreClock = setClock(1_000);
    const first = await importStock(db, target(undefined, undefined), records(1), 'replace');
    const seen = first.lastSyncAt;
    // Another tab imports into the same source after this preview was made.
    setClock(2_000);
    await importStock(db, target(first.id, seen), records(2), 'replace');
    setClock(3_000);
    const late = importStock(db, target(first.id, seen), records(3), 'replace');
    await expect(late).rejects.toBeInstanceOf(SourceChangedSincePreview);
    await expect(late).rejects.toMatchObject({ sourceName: 'ERP' });
    const [stored] = await readAllStock(db);
    expect(stored!.source.lastSyncAt).toBe(2_000);
    expect(new Set(stored!.records.map((r) => r.available))).toEqual(new Set([2]));
    expect(stored!.records).toHaveLength(1500);
  });

  it('is refused when the source was deleted meanwhile, and nothing comes back', async () => {
    const db = await freshDb();
    const first = await importStock(db, target(undefined, undefined), records(1), 'replace');
    const tx = db.transaction(['stock', 'stockCodes', 'sources'], 'readwrite');
    await Promise.all([tx.objectStore('stock').clear(), tx.objectStore('stockCodes').clear(), tx.objectStore('sources').clear()]);
    await tx.done;
    await expect(importStock(db, target(first.id, first.lastSyncAt), records(2), 'replace')).rejects.toBeInstanceOf(SourceChangedSincePreview);
    expect(await readAllStock(db)).toEqual([]);
  });
});
