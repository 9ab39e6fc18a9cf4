import { describe, expect, it } from 'vitest';
import { canCommit, checkStockTable, describeDropped, describeErrors, describeWarnings } from '@/utils/stock-import/check';
import { decodeBytes } from '@/utils/stock-import/decode';
import { checkFeedBody } from '@/utils/stock-import/feed';
import { parseDelimited } from '@/utils/stock-import/table';
import { BROKEN_LINES, brokenLines, gb18030, undecodableBytes, warningOnlyLines } from '../fixtures/broken-erp-export';

function checkBytes(bytes: Uint8Array) {
  const decoded = decodeBytes(bytes);
  const table = parseDelimited(decoded.text);
  return checkStockTable(table.rows, table.lines, { undecodable: decoded.undecodable });
}
const checkText = (text: string, checkColumnCount = true) => {
  const table = parseDelimited(text);
  return checkStockTable(table.rows, table.lines, { checkColumnCount });
};

describe('checkStockTable: the broken GB18030 export', () => {
  const check = checkBytes(gb18030(brokenLines()));

  it('lists every error with its line and value, and commits nothing', () => {
    expect(check.rowErrors.map((e) => e.line)).toEqual([BROKEN_LINES.extraColumn, BROKEN_LINES.availableEmpty, BROKEN_LINES.duplicate]);
    expect(check.rowErrors[0]!.reason).toBe(
      '第 12 行：有 9 列，表头只有 8 列（多出“2”，可能是名称里有未加引号的逗号，值已错位）',
    );
    expect(check.rowErrors[1]!.reason).toBe('第 77 行：可用库存为空');
    expect(check.rowErrors[2]!.reason).toBe('第 150 行：编码“XE-1004-R”在仓库“主仓”重复（第 5 行已有）');
    expect(check.records).toEqual([]);
    expect(canCommit(check)).toBe(false);
    expect(describeErrors(check)).toMatch(/^第 12 行：.*；第 77 行：可用库存为空；第 150 行：/);
  });

  it('lists the informative value it would drop as a warning, with the column and the value', () => {
    expect(check.warnings).toEqual([
      {
        line: 40, column: '实际库存数', value: '待盘点',
        reason: '第 40 行：“实际库存数”“待盘点”不是整数，此值不导入（实际库存仅作参考）',
      },
    ]);
    expect(check.dropped).toEqual({ 实际库存数: 1 });
  });
});

describe('checkStockTable: warnings alone', () => {
  const check = checkBytes(gb18030(warningOnlyLines()));
  it('can commit every code, says which values are dropped', () => {
    expect(check.errorCount).toBe(0);
    expect(canCommit(check)).toBe(true);
    expect(check.records).toHaveLength(300);
    expect(check.warnings.map((w) => [w.line, w.value])).toEqual([[40, '待盘点'], [41, '']]);
    expect(check.warnings[1]!.reason).toBe('第 41 行：“实际库存数”为空，此值不导入（实际库存仅作参考）');
    expect(describeDropped(check)).toBe('“实际库存数”2 个值');
    expect(describeWarnings(check)).toMatch(/^舍弃 2 个无法读取的参考值（“实际库存数”2 个值）：第 40 行/);
    // The record of a row with a dropped value is there, without that value.
    expect(check.records.find((r) => r.code === 'XE-1039-R')).toMatchObject({ available: 9 });
  });
});

describe('checkStockTable: each rule', () => {
  it('refuses a file in no encoding it reads, naming the line', () => {
    const check = checkBytes(undecodableBytes());
    expect(check.fileErrors).toEqual([
      '第 8 行起有 2 处内容无法按 UTF-8、UTF-16 或 GB18030/GBK 解码（文件编码无法识别），请在 ERP 或 Excel 中另存为 UTF-8 或 GBK 的 CSV',
    ]);
    expect(canCommit(check)).toBe(false);
  });

  it('a line with fewer columns than the header is an error; extra empty cells are fine', () => {
    const check = checkText('规格编码,商品名称,可用库存\nA,裙,1\nB,2\nC,裤,3,,\n');
    expect(check.rowErrors).toEqual([{ line: 3, reason: '第 3 行：有 2 列，表头有 3 列（少了 1 列，后面的值可能错位）' }]);
  });

  it('XLSX-like rows (cells carry their column) are not held to the header width', () => {
    expect(checkText('规格编码,可用库存,商品名称\nA,1\n', false).errorCount).toBe(0);
  });

  it('a non-numeric or empty required quantity is an error with its value', () => {
    const check = checkText('sku,实际库存,锁定库存\nA,十,1\nB,5,\n');
    expect(check.rowErrors.map((e) => e.reason)).toEqual(['第 2 行：实际库存“十”不是整数', '第 3 行：锁定库存为空']);
  });

  it('the same code in two warehouses is two rows, in one warehouse twice an error', () => {
    expect(checkText('sku,仓库,可用库存\nA,主仓,1\nA,二号仓,2\n').records).toMatchObject([{ code: 'A', available: 3 }]);
    expect(checkText('sku,可用库存\nA,1\nA,1\n').rowErrors[0]!.reason).toBe('第 3 行：编码“A”在仓库“默认仓”重复（第 2 行已有）');
  });
});

describe('checkFeedBody: the same checks for URL feeds', () => {
  const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));

  it('a CSV feed with an extra column or a duplicate keeps the previous stock and says why', () => {
    const feed = checkFeedBody(gb18030(brokenLines()), 'text/csv');
    expect(feed.check.records).toEqual([]);
    expect(feed.error).toMatch(/^数据源的内容无法导入：第 12 行：有 9 列.*；第 77 行：可用库存为空；第 150 行：编码“XE-1004-R”在仓库“主仓”重复/);
    expect(feed.warning).toBeNull();
  });

  it('a feed with only informative problems commits, and says what it dropped', () => {
    const feed = checkFeedBody(gb18030(warningOnlyLines()), 'text/csv; charset=gbk');
    expect(feed.error).toBeNull();
    expect(feed.check.records).toHaveLength(300);
    expect(feed.warning).toMatch(/^舍弃 2 个无法读取的参考值（“实际库存数”2 个值）/);
  });

  it('JSON objects: item numbers as lines, no column-count rule; JSON arrays: the rule applies', () => {
    const objects = JSON.stringify([{ sku: 'A', 可用库存: 1, 实际库存: 'n/a' }, { sku: 'B', 可用库存: 2 }, { sku: 'A', 可用库存: 3 }]);
    const feed = checkFeedBody(new TextEncoder().encode(objects), 'application/json');
    expect(feed.error).toBe('数据源的内容无法导入：第 3 行：编码“A”在仓库“默认仓”重复（第 1 行已有）');
    const arrays = JSON.stringify([['sku', '可用库存'], ['A', 1], ['B', 2, 'x']]);
    expect(checkFeedBody(new TextEncoder().encode(arrays), null).error).toMatch(/第 2 行：有 3 列，表头只有 2 列/);
  });

  it('an undecodable feed keeps the previous stock', () => {
    expect(checkFeedBody(undecodableBytes(), 'text/csv').error).toMatch(/文件编码无法识别/);
    expect(checkFeedBody(csv(['sku,可用库存', 'A,1']), 'text/csv').error).toBeNull();
  });
});
