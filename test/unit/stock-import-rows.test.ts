import { describe, expect, it } from 'vitest';
import { detectMapping } from '@/utils/stock-import/columns';
import { parseQuantity, toStockRows } from '@/utils/stock-import/rows';
import { parseDelimited } from '@/utils/stock-import/table';

function importText(text: string, options?: { maxErrors?: number }) {
  const { rows, lines } = parseDelimited(text);
  return toStockRows(rows, detectMapping(rows[0]!), lines, options);
}

describe('toStockRows', () => {
  it('builds normalised rows with the SKU code as the primary key', () => {
    const result = importText(
      '商品编码,规格编码,商品名称,颜色及规格,仓库,实际库存,可用库存,锁定库存\n' +
        'xe 1045,ｘｅ－１０４５－ｒ,连衣裙,红色,主仓,10,8,2\n' +
        'XE-2000,,T恤,,,7,7,0\n',
    );
    expect(result.errors).toEqual([]);
    expect(result.errorCount).toBe(0);
    expect(result.rows).toEqual([
      {
        code: 'XE-1045-R', skuCode: 'XE-1045-R', outerCode: 'XE1045', name: '连衣裙', spec: '红色',
        warehouse: '主仓', available: 8, actual: 10, locked: 2,
      },
      { code: 'XE-2000', outerCode: 'XE-2000', name: 'T恤', warehouse: '默认仓', available: 7, actual: 7, locked: 0 },
    ]);
  });

  it('accepts negative and thousands-separated quantities with spaces', () => {
    const result = importText('规格编码\t可用库存\nA\t -3 \nB\t1,234\nC\t"12,345,678"\nD\t１５\nE\t20.00\n');
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.available)).toEqual([-3, 1234, 12345678, 15, 20]);
  });

  it('derives available from actual − locked, or from actual alone', () => {
    expect(importText('sku,实际库存,锁定库存\nA,10,4\n').rows[0]).toEqual({
      code: 'A', skuCode: 'A', warehouse: '默认仓', available: 6, actual: 10, locked: 4,
    });
    expect(importText('sku,库存\nA,10\n').rows[0]).toEqual({
      code: 'A', skuCode: 'A', warehouse: '默认仓', available: 10, actual: 10,
    });
  });

  it('reports bad rows with their physical line numbers, even after a multi-line field', () => {
    const text =
      '规格编码,商品名称,可用库存\n' + // line 1
      'A,"两行\n名称",abc\n' + // lines 2–3
      '\n' + // line 4 (blank, skipped silently)
      ',无编码,5\n' + // line 5
      'B,ok,-\n' + // line 6
      'C,ok,\n' + // line 7
      'D,ok,1.5\n' + // line 8
      'E,ok,1,23\n' + // line 9: unquoted comma → "1" is read, fine
      ',,\n' + // line 10: completely empty row, skipped silently
      'F,"多\n行",99999999999999999999\n' + // lines 11–12
      'G,ok,7\n'; // line 13
    const result = importText(text);
    expect(result.errors).toEqual([
      { line: 2, reason: '第 2 行：可用库存“abc”不是整数' },
      { line: 5, reason: '第 5 行：缺少编码（规格编码和商家编码都为空）' },
      { line: 6, reason: '第 6 行：可用库存“-”不是整数' },
      { line: 7, reason: '第 7 行：可用库存为空' },
      { line: 8, reason: '第 8 行：可用库存“1.5”不是整数（有小数）' },
      { line: 11, reason: '第 11 行：可用库存“99999999999999999999”超出范围' },
    ]);
    expect(result.errorCount).toBe(6);
    expect(result.rows.map((row) => [row.code, row.available])).toEqual([
      ['E', 1],
      ['G', 7],
    ]);
  });

  it('names the quantity that is actually required', () => {
    const result = importText('sku,实际库存,锁定库存\nA,10,x\nB,,1\n');
    expect(result.errors.map((error) => error.reason)).toEqual([
      '第 2 行：锁定库存“x”不是整数',
      '第 3 行：实际库存为空',
    ]);
  });

  it('drops an unparseable informative quantity when available is given, and says so (a warning)', () => {
    const result = importText('sku,可用库存,实际库存\nA,5,n/a\n');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([{ code: 'A', skuCode: 'A', warehouse: '默认仓', available: 5 }]);
    expect(result.warnings).toEqual([
      { line: 2, column: '实际库存', value: 'n/a', reason: '第 2 行：“实际库存”“n/a”不是整数，此值不导入（实际库存仅作参考）' },
    ]);
    expect(result.dropped).toEqual({ 实际库存: 1 });
  });

  it('caps the error list at maxErrors but keeps counting', () => {
    const body = Array.from({ length: 120 }, (_, i) => `S${i},x`).join('\n');
    const capped = importText(`sku,可用库存\n${body}\n`, { maxErrors: 3 });
    expect(capped.errors.map((error) => error.line)).toEqual([2, 3, 4]);
    expect(capped.errorCount).toBe(120);
    expect(importText(`sku,可用库存\n${body}\n`).errors).toHaveLength(50);
  });

  it('defaults line numbers to the row index + 1', () => {
    const result = toStockRows([['sku', 'qty'], ['A', 'bad']], { skuCode: 0, actual: 1 });
    expect(result.errors).toEqual([{ line: 2, reason: '第 2 行：实际库存“bad”不是整数' }]);
  });
});

describe('parseQuantity', () => {
  it('parses integers and explains failures', () => {
    expect(parseQuantity('0')).toBe(0);
    expect(parseQuantity('-0')).toBe(0);
    expect(parseQuantity('+12')).toBe(12);
    expect(parseQuantity('－５')).toBe(-5);
    expect(parseQuantity('−1,000')).toBe(-1000);
    expect(parseQuantity('')).toBe('empty');
    expect(parseQuantity('12,34')).toBe('invalid');
    expect(parseQuantity('1,234.5')).toBe('decimal');
    expect(parseQuantity('1e3')).toBe('invalid');
  });
});
