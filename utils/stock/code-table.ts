import type { StockCodeTable } from '../db/schema';
import { indexByCodes, type StockRecord } from '../stock-import/aggregate';

/** The lookup table of one source's records: the same codes and sums as the full index (`indexByCodes`). */
export function buildCodeTable(sourceId: string, records: StockRecord[]): StockCodeTable {
  const index = indexByCodes(records);
  const available = new Float64Array(index.size);
  let i = 0;
  for (const record of index.values()) available[i++] = record.available;
  return { sourceId, codes: [...index.keys()].join('\n'), available };
}

/** Code → available, as read back from a table (codes never contain a newline: normalisation removes spaces). */
export function readCodeTable(table: StockCodeTable, visit: (code: string, available: number) => void): void {
  if (table.available.length === 0) return;
  const codes = table.codes.split('\n');
  for (let i = 0; i < codes.length; i++) visit(codes[i]!, table.available[i]!);
}
