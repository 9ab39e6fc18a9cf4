import { describe, expect, it } from 'vitest';
import { detectMapping } from '@/utils/stock-import/columns';
import { MAX_FEED_ROWS, parseFeedBody } from '@/utils/stock-import/feed';
import { toStockRows } from '@/utils/stock-import/rows';

describe('parseFeedBody — JSON', () => {
  const expected = {
    header: ['sku', 'name', 'available', 'warehouse'],
    rows: [
      ['sku', 'name', 'available', 'warehouse'],
      ['a-1', '裙子', '5', ''],
      ['a-2', '', '-1', '二号仓'],
    ],
    lines: [0, 1, 2],
  };
  const items = [
    { sku: 'a-1', name: '裙子', available: 5 },
    { sku: 'a-2', available: '-1', warehouse: '二号仓', name: null },
  ];

  it('reads a top-level array', () => {
    expect(parseFeedBody(JSON.stringify(items), 'application/json; charset=utf-8')).toEqual(expected);
  });

  it('reads { items: [...] } and { data: [...] }, sniffing without a content type', () => {
    expect(parseFeedBody(JSON.stringify({ items }), null)).toEqual(expected);
    expect(parseFeedBody(`  \n${JSON.stringify({ code: 0, data: items })}`, 'text/plain')).toEqual(expected);
  });

  it('reads { data: { list: [...] } } and arrays of arrays', () => {
    expect(parseFeedBody(JSON.stringify({ data: { list: items } }), null)).toEqual(expected);
    expect(parseFeedBody('[["规格编码","可用库存"],["A",1]]', null)).toEqual({
      header: ['规格编码', '可用库存'],
      rows: [['规格编码', '可用库存'], ['A', '1']],
      lines: [0, 1],
    });
  });

  it('feeds Chinese keys through the header synonyms into stock rows', () => {
    const feed = parseFeedBody('{"data":[{"规格编码":"ｘ－１","可用库存":"1,200","仓库":"华东仓"}]}', 'application/json');
    const result = toStockRows(feed.rows, detectMapping(feed.header), feed.lines);
    expect(result.rows).toEqual([{ code: 'X-1', skuCode: 'X-1', warehouse: '华东仓', available: 1200 }]);
  });

  it('rejects malformed or unusable JSON with a clear message', () => {
    expect(() => parseFeedBody('{"items": [', 'application/json')).toThrow('数据源返回的内容既不是 JSON 也不是 CSV（JSON 格式错误）');
    expect(() => parseFeedBody('{"ok":true}', null)).toThrow('数据源的 JSON 里找不到商品列表');
    expect(() => parseFeedBody('[]', null)).toThrow('数据源返回的商品列表为空');
    expect(() => parseFeedBody('[1,2]', null)).toThrow('数据源 JSON 列表中的条目不是对象');
  });

  it('rejects more than the row limit', () => {
    const body = `[${new Array(MAX_FEED_ROWS + 1).fill('{}').join(',')}]`;
    expect(() => parseFeedBody(body, null)).toThrow(`数据源超过 ${MAX_FEED_ROWS} 行上限`);
  });
});

describe('parseFeedBody — CSV/TSV', () => {
  it('reads CSV by content type and TSV by sniffing', () => {
    expect(parseFeedBody('sku,qty\r\nA,1\r\n', 'text/csv')).toEqual({
      header: ['sku', 'qty'],
      rows: [['sku', 'qty'], ['A', '1']],
      lines: [1, 2],
    });
    expect(parseFeedBody('\uFEFF规格编码\t可用库存\n\nA\t1\n', null)).toEqual({
      header: ['规格编码', '可用库存'],
      rows: [['规格编码', '可用库存'], ['A', '1']],
      lines: [1, 3],
    });
  });

  it('rejects garbage bodies, each with its own whole message', () => {
    // Whole messages (every feed error starts with 数据源, and the JSON one extends the not-a-table one).
    expect(() => parseFeedBody('', null)).toThrow(/^数据源返回的内容为空$/);
    expect(() => parseFeedBody('   \n ', 'text/csv')).toThrow(/^数据源返回的内容为空$/);
    expect(() => parseFeedBody('<!DOCTYPE html><html>登录</html>', 'text/html')).toThrow(/^数据源返回的是网页或 XML，不是 JSON 或 CSV（请检查链接是否需要登录）$/);
    expect(() => parseFeedBody('Internal Server Error', null)).toThrow(/^数据源返回的内容既不是 JSON 也不是 CSV$/);
    expect(() => parseFeedBody('error, please login', 'text/plain')).toThrow(/^数据源返回的内容既不是 JSON 也不是 CSV$/);
    // Binary junk, as the e2e feed sends it.
    expect(() => parseFeedBody('\u0000\u0001%%%garbage%%%', 'text/plain')).toThrow(/^数据源返回的内容既不是 JSON 也不是 CSV$/);
  });
});
