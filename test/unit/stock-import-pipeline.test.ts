// End to end: file bytes → text → table → mapping → stock rows → records → lookup index.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateRows, indexByCodes } from '@/utils/stock-import/aggregate';
import { detectMapping, mappingProblems } from '@/utils/stock-import/columns';
import { decodeBytes } from '@/utils/stock-import/decode';
import { toStockRows } from '@/utils/stock-import/rows';
import { parseDelimited } from '@/utils/stock-import/table';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, 'fixtures/stock', name)));

function importBytes(bytes: Uint8Array) {
  const { rows, lines } = parseDelimited(decodeBytes(bytes).text);
  const mapping = detectMapping(rows[0]!);
  return { mapping, problems: mappingProblems(mapping), ...toStockRows(rows, mapping, lines) };
}

describe('stock import pipeline', () => {
  it('imports a GBK 网店管家 export with several warehouses', () => {
    const result = importBytes(fixture('stock-gbk.csv'));
    expect(result.problems).toEqual([]);
    expect(result.errors).toEqual([]);
    const records = aggregateRows(result.rows);
    expect(records).toEqual([
      {
        code: 'XE-1045-R-M', skuCode: 'XE-1045-R-M', outerCode: 'XE-1045', name: '连衣裙,夏季款', spec: '红色 M',
        available: 100, warehouses: { 主仓: 100 },
      },
      {
        code: 'XE-1045-R-L', skuCode: 'XE-1045-R-L', outerCode: 'XE-1045', name: '连衣裙,夏季款', spec: '红色 L',
        available: 1197, warehouses: { 主仓: 1200, 二号仓: -3 },
      },
    ]);
    expect(indexByCodes(records).get('XE-1045')).toEqual({
      code: 'XE-1045', outerCode: 'XE-1045', name: '连衣裙,夏季款', available: 1297, warehouses: { 主仓: 1300, 二号仓: -3 },
    });
    expect(result.rows[1]!.actual).toBe(1234); // "1,234" in a quoted field
  });

  it('keeps a GB18030 4-byte character in the product name', () => {
    const result = importBytes(fixture('stock-gb18030.csv'));
    expect(result.rows).toEqual([
      { code: 'JX-01', skuCode: 'JX-01', name: '𠮷野家同款碗', warehouse: '默认仓', available: 7 },
      { code: 'JX-02', skuCode: 'JX-02', name: '普通碗', warehouse: '默认仓', available: 8 },
    ]);
  });

  it('imports an Excel "Unicode text" file with full-width headers and lower-case codes', () => {
    const result = importBytes(fixture('stock-utf16le.txt'));
    expect(result.mapping).toEqual({ skuCode: 0, name: 1, actual: 2 });
    expect(result.rows.map((row) => [row.code, row.available])).toEqual([
      ['AB-001', 15],
      ['AB-002', -2],
    ]);
  });

  it('handles 100,000 rows end to end', () => {
    const lines = ['规格编码,商家编码,仓库,可用库存'];
    for (let i = 0; i < 100_000; i++) lines.push(`sku-${i},item-${i % 25_000},${i % 2 ? '主仓' : '二号仓'},${i % 10}`);
    const result = importBytes(new TextEncoder().encode(lines.join('\n')));
    expect(result.errorCount).toBe(0);
    expect(result.rows).toHaveLength(100_000);
    const index = indexByCodes(aggregateRows(result.rows));
    expect(index.size).toBe(125_000);
    // item-7 collects sku-7, sku-25007, sku-50007, sku-75007: all odd → 主仓, each 7 available.
    expect(index.get('ITEM-7')).toEqual({ code: 'ITEM-7', outerCode: 'ITEM-7', available: 28, warehouses: { 主仓: 28 } });
    // Not a speed check (that is `npm run bench`): room for a loaded machine, where 5 s was seen to run out.
  }, 60_000);
});
