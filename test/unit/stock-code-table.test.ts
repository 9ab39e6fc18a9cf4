import { describe, expect, it } from 'vitest';
import { indexByCodes, type StockRecord } from '@/utils/stock-import/aggregate';
import { buildCodeTable, readCodeTable } from '@/utils/stock/code-table';

describe('stock code table', () => {
  it('answers every code of the full index with the same number', () => {
    // SKUs sharing outer codes, an item-level record whose code is also an outer code, codes without outer codes.
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const records: StockRecord[] = Array.from({ length: 500 }, (_, i) => ({
      code: `SKU-${i}`,
      skuCode: i % 3 ? `SKU-${i}` : undefined,
      outerCode: i % 5 ? `ITEM-${random(80)}` : undefined,
      available: random(40) - 3,
      warehouses: {},
    }));
    records.push({ code: 'ITEM-7', available: 99, warehouses: {} });
    const table = buildCodeTable('s', records);
    const read = new Map<string, number>();
    readCodeTable(table, (code, available) => read.set(code, available));
    const full = indexByCodes(records);
    expect(read.size).toBe(full.size);
    for (const [code, record] of full) expect(read.get(code), code).toBe(record.available);
    expect(read.get('ITEM-7')).toBe(99);
  });

  it('reads an empty source as no codes', () => {
    const read: string[] = [];
    readCodeTable(buildCodeTable('s', []), (code) => read.push(code));
    expect(read).toEqual([]);
  });
});
