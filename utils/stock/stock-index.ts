import type { IDBPDatabase } from 'idb';
import type { StockSource, XiaoerDB } from '../db/schema';
import { indexByCodes, type StockRecord } from '../stock-import/aggregate';
import { readCodeTable } from './code-table';
import { normalizeCode } from './normalize-code';
import { readAllStock } from './stock-store';
import type { StockLookupReply } from './stock-wire';

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

/** What lookups need: code → available and which source said so. */
interface AvailabilityIndex {
  sources: StockSource[];
  /** Normalised code → [available, position in `sources`]. */
  codes: Map<string, [number, number]>;
}

type DetailIndex = Map<string, { record: StockRecord; source: StockSource }>;

// Memory is only a cache here; IndexedDB is the truth. Both are built on first use after the worker (re)starts,
// kept while it lives, and dropped whenever stock changes.
let availability: Promise<AvailabilityIndex> | undefined;
let detail: Promise<DetailIndex> | undefined;

/** From the compact per-source code tables: two small reads, not 74k record objects. */
function loadAvailability(db: IDBPDatabase<XiaoerDB>): Promise<AvailabilityIndex> {
  availability ??= (async () => {
    const tx = db.transaction(['sources', 'stockCodes']);
    const [sources, tables] = await Promise.all([tx.objectStore('sources').getAll(), tx.objectStore('stockCodes').getAll()]);
    // Oldest sync first, so a newer source's record wins on a shared code.
    sources.sort((a, b) => (a.lastSyncAt ?? 0) - (b.lastSyncAt ?? 0));
    const tableOf = new Map(tables.map((table) => [table.sourceId, table]));
    const codes = new Map<string, [number, number]>();
    sources.forEach((source, position) => {
      const table = tableOf.get(source.id);
      if (table) readCodeTable(table, (code, available) => codes.set(code, [available, position]));
    });
    return { sources, codes };
  })();
  availability.catch(() => (availability = undefined));
  return availability;
}

function loadDetail(db: IDBPDatabase<XiaoerDB>): Promise<DetailIndex> {
  detail ??= readAllStock(db).then((sources) => {
    const merged: DetailIndex = new Map();
    for (const { source, records } of sources) {
      for (const [code, record] of indexByCodes(records)) merged.set(code, { record, source });
    }
    return merged;
  });
  detail.catch(() => (detail = undefined));
  return detail;
}

export function invalidateStockIndex(): void {
  availability = undefined;
  detail = undefined;
}

/**
 * Answers a batch of codes (SKU codes or outer codes, as read from the page) in the lookup wire format: per code
 * asked, in order, `[available, source]` or 0, each source named once.
 */
export async function lookupAvailable(db: IDBPDatabase<XiaoerDB>, codes: readonly string[]): Promise<StockLookupReply> {
  const index = await loadAvailability(db);
  const sources: StockLookupReply['sources'] = [];
  const replyPosition = new Map<number, number>();
  const found = codes.map((raw): [number, number] | 0 => {
    const entry = index.codes.get(normalizeCode(raw));
    if (!entry) return 0;
    let position = replyPosition.get(entry[1]);
    if (position === undefined) {
      const source = index.sources[entry[1]]!;
      position = sources.push({ id: source.id, name: source.name, syncedAt: source.lastSyncAt ?? 0 }) - 1;
      replyPosition.set(entry[1], position);
    }
    return [entry[0], position];
  });
  return { sources, found };
}

/** Full records (warehouses, name) of the given codes, for the detail view; unknown codes are absent. */
export async function lookupStock(db: IDBPDatabase<XiaoerDB>, codes: readonly string[]): Promise<Record<string, StockHit>> {
  const table = await loadDetail(db);
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
