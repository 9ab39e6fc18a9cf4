import type { StockChunk } from '../db/schema';
import type { StockRecord } from '../stock-import/aggregate';

/** Stored chunks back to each source's records, in chunk order. */
export function recordsBySource(chunks: readonly StockChunk[]): Map<string, StockRecord[]> {
  const bySource = new Map<string, StockRecord[]>();
  for (const chunk of chunks) {
    const list = bySource.get(chunk.sourceId) ?? [];
    for (const record of chunk.records) list.push(record);
    bySource.set(chunk.sourceId, list);
  }
  return bySource;
}
