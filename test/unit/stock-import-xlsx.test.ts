import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectMapping } from '@/utils/stock-import/columns';
import { toStockRows } from '@/utils/stock-import/rows';
import { readXlsxRows, readXlsxTable } from '@/utils/stock-import/xlsx';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, 'fixtures/stock', name)));

describe('readXlsxRows', () => {
  it('reads the first sheet of the workbook with gaps kept aligned', async () => {
    expect(await readXlsxRows(fixture('stock.xlsx'))).toEqual([
      ['规格编码', '商品名称', '仓库', '', '可用库存'],
      ['A&B-01', '毛巾 <大>', '主仓', '', '42'],
      [],
      ['ab 002', '浴巾', '二号仓', '12.3', '-5'],
      [],
      ['A&B-01', '', '二号仓', '', '3'],
    ]);
  });

  it('reports the sheet row number of each non-blank row', async () => {
    const table = await readXlsxTable(fixture('stock.xlsx'));
    expect(table.lines).toEqual([1, 2, 4, 6]);
    const result = toStockRows(table.rows, detectMapping(table.rows[0]!), table.lines);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { code: 'A&B-01', skuCode: 'A&B-01', name: '毛巾 <大>', warehouse: '主仓', available: 42 },
      { code: 'AB002', skuCode: 'AB002', name: '浴巾', warehouse: '二号仓', available: -5 },
      { code: 'A&B-01', skuCode: 'A&B-01', warehouse: '二号仓', available: 3 },
    ]);
  });

  it('reads prefixed namespaces, absolute targets and cells without references', async () => {
    expect(await readXlsxRows(fixture('stock-prefixed.xlsx'))).toEqual([
      ['商家编码', '库存'],
      ['ｐｑ－９', '1234'],
    ]);
  });

  it('rejects files that are not xlsx', async () => {
    await expect(readXlsxRows(new TextEncoder().encode('sku,qty\nA,1'))).rejects.toThrow('这不是有效的 Excel（.xlsx）文件');
    const zipWithoutWorkbook = zipSync({ 'hello.txt': strToU8('hi') });
    await expect(readXlsxRows(zipWithoutWorkbook)).rejects.toThrow('这不是有效的 Excel（.xlsx）文件');
  });
});
