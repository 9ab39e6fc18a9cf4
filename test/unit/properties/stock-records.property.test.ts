import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStockTable } from '@/utils/stock-import/check';
import type { StockRecord } from '@/utils/stock-import/aggregate';
import { holds } from '../../support/properties';

/**
 * The import folds each row into its record as it reads it, and finds a code + warehouse seen twice from the records
 * themselves (one map of positions, the lines of later warehouses apart, no lookup for the same code as the row
 * before; utils/stock-import/aggregate.ts). Checked here against the plain way: a map per code of warehouse → first
 * line, and records built from maps.
 */
const HEADER = ['规格编码', '仓库', '可用库存', '商品名称'];
/** Names that are not ordinary keys of an object, integer-like names (sorted first by objects) and plain ones. */
const WAREHOUSES = ['主仓', '华东仓', '__proto__', 'toString', 'constructor', 'hasOwnProperty', '0', '10', '2', 'valueOf'];
const row = fc.tuple(
  fc.constantFrom('A-1', 'A-2', 'B-1', 'XE-1001-BLK-XL', 'XE-1001-BLK-XXL', 'C'),
  fc.constantFrom(...WAREHOUSES),
  fc.integer({ min: -50, max: 500 }),
  fc.constantFrom('', '裙子', '羊毛混纺法式复古双面呢大衣女'),
);
/** Rows with runs of the same code (a SKU's warehouses on consecutive rows) and repeats further apart. */
const rows = fc.array(fc.tuple(row, fc.integer({ min: 1, max: 3 })), { maxLength: 60 }).map((runs) =>
  runs.flatMap(([[code, warehouse, available, name], times]) =>
    Array.from({ length: times }, (_, k) => [code, WAREHOUSES[(WAREHOUSES.indexOf(warehouse) + k) % WAREHOUSES.length]!, String(available + k), name]),
  ),
);

function plainCheck(data: string[][]) {
  const firstLines = new Map<string, Map<string, number>>();
  const records = new Map<string, { name?: string; warehouses: Map<string, number> }>();
  const errors: string[] = [];
  data.forEach(([code, warehouse, available, name], k) => {
    const line = k + 2;
    const lines = firstLines.get(code!) ?? new Map<string, number>();
    firstLines.set(code!, lines);
    const first = lines.get(warehouse!);
    if (first !== undefined) return errors.push(`第 ${line} 行：编码“${code}”在仓库“${warehouse}”重复（第 ${first} 行已有）`);
    lines.set(warehouse!, line);
    const record = records.get(code!) ?? { warehouses: new Map<string, number>() };
    if (!record.name && name) record.name = name;
    record.warehouses.set(warehouse!, Number(available));
    records.set(code!, record);
  });
  const expected = [...records].map(([code, { name, warehouses }]) => ({
    code,
    skuCode: code,
    ...(name ? { name } : {}),
    available: [...warehouses.values()].reduce((a, b) => a + b, 0),
    warehouses: [...warehouses].sort(([a], [b]) => (a < b ? -1 : 1)),
  }));
  return { errors, records: errors.length ? [] : expected };
}

/** A record with its warehouses as sorted entries (an own __proto__ key compares as data, key order set aside). */
const comparable = (record: StockRecord) => ({ ...record, warehouses: Object.entries(record.warehouses).sort(([a], [b]) => (a < b ? -1 : 1)) });

describe('stock records and duplicates (fast-check)', () => {
  it('the same records and the same duplicate errors, with their lines, as a map per code would give', async () => {
    await holds('round-trip', 'stock files', fc.property(rows, (data) => {
      const check = checkStockTable([HEADER, ...data], undefined, { maxListed: 1000 });
      const expected = plainCheck(data);
      expect(check.rowErrors.map((e) => e.reason)).toEqual(expected.errors);
      expect(check.errorCount).toBe(expected.errors.length);
      expect(check.records.map(comparable)).toEqual(expected.records);
      for (const record of check.records) expect(Object.getPrototypeOf(record.warehouses)).toBe(Object.prototype);
    }), 300);
  });
});
