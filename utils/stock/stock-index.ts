import type { IDBPDatabase } from 'idb';
import type { StockSource, XiaoerDB } from '../db/schema';
import { indexByCodes, type StockRecord } from '../stock-import/aggregate';
import { normalizeCode } from './normalize-code';
import { readAllStock } from './stock-store';

/** One code's real stock as the overlay shows it. */
export interface StockHit {
  code: string;
  name?: string;
  available: number;
  warehouses: Record<string, number>;
  sourceId: string;
  sourceName: string;
  syncedAt: number;
}

type Index = Map<string, { record: StockRecord; source: StockSource }>;

let index: Promise<Index> | undefined;

/**
 * The worker's lookup table: built from IndexedDB on the first lookup after the worker (re)starts, kept while it
 * lives, dropped whenever stock changes. Memory is only a cache here; IndexedDB is the truth.
 */
function loadIndex(db: IDBPDatabase<XiaoerDB>): Promise<Index> {
  index ??= readAllStock(db).then((sources) => {
    const merged: Index = new Map();
    // Oldest sync first, so a newer source's record wins on a shared code.
    for (const { source, records } of sources) {
      for (const [code, record] of indexByCodes(records)) merged.set(code, { record, source });
    }
    return merged;
  });
  index.catch(() => (index = undefined));
  return index;
}

export function invalidateStockIndex(): void {
  index = undefined;
}

/** Answers a batch of codes (SKU codes or outer codes, as read from the page); unknown codes are simply absent. */
export async function lookupStock(db: IDBPDatabase<XiaoerDB>, codes: readonly string[]): Promise<Record<string, StockHit>> {
  const table = await loadIndex(db);
  const hits: Record<string, StockHit> = {};
  for (const raw of codes) {
    const code = normalizeCode(raw);
    const entry = table.get(code);
    if (!entry) continue;
    const { record, source } = entry;
    hits[code] = {
      code,
      name: record.name,
      available: record.available,
      warehouses: record.warehouses,
      sourceId: source.id,
      sourceName: source.name,
      syncedAt: source.lastSyncAt ?? 0,
    };
  }
  return hits;
}
