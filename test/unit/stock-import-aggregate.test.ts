import { describe, expect, it } from 'vitest';
import { aggregateRows, indexByCodes } from '@/utils/stock-import/aggregate';
import type { StockRow } from '@/utils/stock-import/rows';

const row = (code: string, warehouse: string, available: number, extra: Partial<StockRow> = {}): StockRow => ({
  code, skuCode: code, warehouse, available, ...extra,
});

describe('aggregateRows', () => {
  it('sums warehouses per code and keeps them apart', () => {
    const records = aggregateRows([
      row('A-1', '主仓', 10, { name: '裙子', outerCode: 'A' }),
      row('A-1', '二号仓', -2),
      row('B-1', '主仓', 4),
    ]);
    expect(records).toEqual([
      { code: 'A-1', skuCode: 'A-1', outerCode: 'A', name: '裙子', available: 8, warehouses: { 主仓: 10, 二号仓: -2 } },
      { code: 'B-1', skuCode: 'B-1', available: 4, warehouses: { 主仓: 4 } },
    ]);
  });

  it('lets a later row for the same code and warehouse win', () => {
    const [record] = aggregateRows([row('A-1', '主仓', 10), row('A-1', '二号仓', 1), row('A-1', '主仓', 3)]);
    expect(record).toEqual({ code: 'A-1', skuCode: 'A-1', available: 4, warehouses: { 主仓: 3, 二号仓: 1 } });
  });

  it('keeps a warehouse literally named __proto__ as data', () => {
    const [record] = aggregateRows([row('A', '__proto__', 2)]);
    expect(Object.keys(record!.warehouses)).toEqual(['__proto__']);
    expect(record!.available).toBe(2);
  });
});

describe('indexByCodes', () => {
  const records = aggregateRows([
    row('XE-1045-R', '主仓', 10, { outerCode: 'XE-1045' }),
    row('XE-1045-R', '二号仓', 1, { outerCode: 'XE-1045' }),
    row('XE-1045-B', '主仓', 5, { outerCode: 'XE-1045', name: '连衣裙' }),
    row('XE-2000-R', '主仓', 7, { outerCode: 'XE-2000' }),
    { code: 'SOLO', outerCode: 'SOLO', warehouse: '主仓', available: 3 },
  ]);
  const index = indexByCodes(records);

  it('maps each SKU code to its record', () => {
    expect(index.get('XE-1045-R')).toBe(records[0]);
    expect(index.get('XE-1045-B')?.available).toBe(5);
  });

  it('maps an outer code shared by several SKUs to their sum, per warehouse too', () => {
    expect(index.get('XE-1045')).toEqual({
      code: 'XE-1045', outerCode: 'XE-1045', name: '连衣裙', available: 16, warehouses: { 主仓: 15, 二号仓: 1 },
    });
  });

  it('maps an outer code with a single SKU to that record, and outer-only records by code', () => {
    expect(index.get('XE-2000')).toBe(records[2]);
    expect(index.get('SOLO')).toBe(records[3]);
    expect(index.size).toBe(6);
  });

  it('prefers a record whose own code equals an outer code over the sum', () => {
    const mixed = aggregateRows([
      { code: 'P', outerCode: 'P', warehouse: '主仓', available: 100 },
      row('P-1', '主仓', 1, { outerCode: 'P' }),
      row('P-2', '主仓', 2, { outerCode: 'P' }),
    ]);
    expect(indexByCodes(mixed).get('P')?.available).toBe(100);
  });
});
