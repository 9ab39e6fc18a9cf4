import type { StockChunk, StockCodeTable } from '../db/schema';
import type { StockRecord } from '../stock-import/aggregate';
import { recordsBySource } from './records-by-source';

/**
 * The lookup table of one source's records: the same codes and numbers as the full index (`indexByCodes`: record
 * and SKU codes, and outer codes summed over their SKUs unless a record has that code), without building records.
 */
export function buildCodeTable(sourceId: string, records: StockRecord[]): StockCodeTable {
  const byCode = new Map<string, number>();
  const outerSums = new Map<string, number>();
  for (const record of records) {
    byCode.set(record.code, record.available);
    // An import's record is keyed by its SKU code whenever it has one: set only a SKU code that differs (a backup's).
    if (record.skuCode && record.skuCode !== record.code) byCode.set(record.skuCode, record.available);
    if (record.outerCode) outerSums.set(record.outerCode, (outerSums.get(record.outerCode) ?? 0) + record.available);
  }
  for (const [outerCode, sum] of outerSums) if (!byCode.has(outerCode)) byCode.set(outerCode, sum);
  return { sourceId, codes: [...byCode.keys()].join('\n'), available: Float64Array.from(byCode.values()) };
}

/** Code → available, as read back from a table (codes never contain a newline: normalisation removes spaces). */
export function readCodeTable(table: StockCodeTable, visit: (code: string, available: number) => void): void {
  if (table.available.length === 0) return;
  const codes = table.codes.split('\n');
  for (let i = 0; i < codes.length; i++) visit(codes[i]!, table.available[i]!);
}

/** The tables of stored chunks, one per source (for upgrades and restores, where only chunks exist). */
export function codeTablesFromChunks(chunks: readonly StockChunk[]): StockCodeTable[] {
  return [...recordsBySource(chunks)].map(([sourceId, records]) => buildCodeTable(sourceId, records));
}
