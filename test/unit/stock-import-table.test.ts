import { describe, expect, it } from 'vitest';
import { parseDelimited } from '@/utils/stock-import/table';

describe('parseDelimited', () => {
  it('parses a TSV table pasted from an ERP web page (commas inside names)', () => {
    const pasted = '规格编码\t商品名称\t可用库存\nA-1\t连衣裙,红\t5\nA-2\t连衣裙,蓝,大码\t6\n';
    expect(parseDelimited(pasted)).toEqual({
      delimiter: '\t',
      rows: [
        ['规格编码', '商品名称', '可用库存'],
        ['A-1', '连衣裙,红', '5'],
        ['A-2', '连衣裙,蓝,大码', '6'],
      ],
      lines: [1, 2, 3],
      rest: pasted.length,
      restLine: 4,
    });
  });

  it('handles RFC 4180 quoting: delimiters, doubled quotes and newlines inside quotes', () => {
    const csv = 'code,name,qty\r\nA,"裙子, ""新款""",1\r\nB,"第一行\r\n第二行\n第三行",2\r\nC,plain,3';
    const table = parseDelimited(csv);
    expect(table.delimiter).toBe(',');
    expect(table.rows).toEqual([
      ['code', 'name', 'qty'],
      ['A', '裙子, "新款"', '1'],
      ['B', '第一行\r\n第二行\n第三行', '2'],
      ['C', 'plain', '3'],
    ]);
    // Row C starts on physical line 6, after the three-line quoted field.
    expect(table.lines).toEqual([1, 2, 3, 6]);
  });

  it('skips blank lines but keeps physical line numbers (CR, LF and CRLF)', () => {
    const table = parseDelimited('a;b\r\n\r\n1;2\r   \n3;4\n\n');
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(table.lines).toEqual([1, 3, 5]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseDelimited('a,b,c\n1,,\n,2,').rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
      ['', '2', ''],
    ]);
  });

  it('ignores delimiters inside quotes when detecting the delimiter', () => {
    const table = parseDelimited('"a,b,c"\t"d,e"\n"1,2"\t3\n');
    expect(table.delimiter).toBe('\t');
    expect(table.rows).toEqual([
      ['a,b,c', 'd,e'],
      ['1,2', '3'],
    ]);
  });

  it('tolerates malformed quotes without swallowing the file', () => {
    expect(parseDelimited('a,b\n"x"y,1\n2,"unterminated\n3,4\n').rows).toEqual([
      ['a', 'b'],
      ['xy', '1'],
      ['2', '"unterminated'],
      ['3', '4'],
    ]);
  });

  it('strips a leading BOM and stops at maxRows', () => {
    expect(parseDelimited('\uFEFFsku,qty\nA,1').rows[0]).toEqual(['sku', 'qty']);
    expect(() => parseDelimited('a,b\n1,2\n3,4\n', { maxRows: 2 })).toThrow('表格超过 2 行上限');
  });

  it('parses 100,000 rows × 8 columns correctly', () => {
    const header = '规格编码,商家编码,商品名称,规格,仓库,实际库存,可用库存,锁定库存';
    const lines = [header];
    for (let i = 0; i < 100_000; i++) {
      lines.push(`SKU-${i},ITEM-${i >> 2},"商品 ${i}, 款",红色 ${i % 7},主仓,${i % 1000},${(i % 1000) - 3},3`);
    }
    const table = parseDelimited(lines.join('\r\n') + '\r\n');
    expect(table.rows).toHaveLength(100_001);
    expect(table.lines[100_000]).toBe(100_001);
    expect(table.rows[99_999 + 1]).toEqual([
      'SKU-99999', 'ITEM-24999', '商品 99999, 款', '红色 4', '主仓', '999', '996', '3',
    ]);
    expect(table.rows.every((row) => row.length === 8)).toBe(true);
  });
});
