import { describe, expect, it } from 'vitest';
import { detectMapping, findHeaderRow, mappingProblems } from '@/utils/stock-import/columns';

describe('detectMapping', () => {
  it('maps a 网店管家-style header', () => {
    const header = ['商品编码', '规格编码', '商品名称', '颜色及规格', '仓库', '实际库存', '可用库存(件)', '锁定库存'];
    expect(detectMapping(header)).toEqual({
      outerCode: 0, skuCode: 1, name: 2, spec: 3, warehouse: 4, actual: 5, available: 6, locked: 7,
    });
  });

  it('maps 聚水潭 wording: 商品编码 is the SKU when 款式编码 is the item', () => {
    expect(detectMapping(['款式编码', '商品编码', '名称', '主仓实际库存', '订单占有数'])).toEqual({
      outerCode: 0, skuCode: 1, name: 2, actual: 3, locked: 4,
    });
  });

  it('maps 商品编码 to outerCode when it is the only code column', () => {
    expect(detectMapping(['商品编码', '库存'])).toEqual({ outerCode: 0, actual: 1 });
  });

  it('normalises full-width, spaces, brackets and quantity suffixes', () => {
    expect(detectMapping(['ＳＫＵ编码', ' 实际库存数 ', '可用数'])).toEqual({ skuCode: 0, actual: 1, available: 2 });
    expect(detectMapping(['sku 编码', '可用库存数量（主仓）', '锁定 数量', '仓库名称'])).toEqual({
      skuCode: 0, available: 1, locked: 2, warehouse: 3,
    });
    expect(detectMapping(['*规格编码', '【可售库存】'])).toEqual({ skuCode: 0, available: 1 });
  });

  it('prefers an exact synonym over a suffix-tolerant one for the same field', () => {
    expect(detectMapping(['规格编码', '可用量', '可用库存'])).toEqual({ skuCode: 0, available: 2 });
  });

  it('uses each column once and the most specific synonym per field', () => {
    expect(detectMapping(['规格编码', '库存', '实际库存', '数量'])).toEqual({ skuCode: 0, actual: 2 });
  });

  it('uses a barcode column as SKU code only when there is no SKU code column', () => {
    expect(detectMapping(['商家编码', '条码', '可用库存'])).toEqual({ outerCode: 0, skuCode: 1, available: 2 });
    expect(detectMapping(['规格编码', '条形码', '可用库存'])).toEqual({ skuCode: 0, available: 2 });
  });

  it('maps English JSON-style keys', () => {
    expect(detectMapping(['sku_code', 'outer_id', 'name', 'warehouse', 'stock', 'available', 'locked'])).toEqual({
      skuCode: 0, outerCode: 1, name: 2, warehouse: 3, actual: 4, available: 5, locked: 6,
    });
    expect(detectMapping(['SKU', 'QTY'])).toEqual({ skuCode: 0, actual: 1 });
    expect(detectMapping(['code', 'quantity'])).toEqual({ outerCode: 0, actual: 1 });
  });

  it('ignores unknown columns', () => {
    expect(detectMapping(['备注', '', '图片', '仓库编码'])).toEqual({});
  });
});

describe('mappingProblems', () => {
  it('lists what is missing, in Chinese', () => {
    expect(mappingProblems({})).toEqual(['缺少编码列（规格编码/商家编码）', '缺少库存数量列（可用库存/实际库存）']);
    expect(mappingProblems({ skuCode: 0, locked: 1 })).toEqual(['缺少库存数量列（可用库存/实际库存）']);
    expect(mappingProblems({ name: 0, available: 1 })).toEqual(['缺少编码列（规格编码/商家编码）']);
    expect(mappingProblems({ outerCode: 0, actual: 1 })).toEqual([]);
  });
});

describe('findHeaderRow', () => {
  it('skips a title line above the header', () => {
    expect(findHeaderRow([['库存报表 2024-05-01'], ['导出人：小王'], ['规格编码', '可用库存'], ['A', '1']])).toBe(2);
    expect(findHeaderRow([['随便'], ['什么']])).toBe(0);
  });
});
