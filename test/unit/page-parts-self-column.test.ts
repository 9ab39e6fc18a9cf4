import { beforeEach, describe, expect, it } from 'vitest';
import type { PageSpec } from '@/utils/adapters/adapter-schema';
import { PageParts } from '@/utils/adapters/page-parts';

/** An item list whose stock column moved and whose 销量 column came in front of it, as consoles do. */
const items: PageSpec = {
  kind: 'items',
  path: '^/',
  parts: {
    row: { selector: 'tbody tr[data-row-key]' },
    itemId: { selector: ':scope', within: 'row', attribute: 'data-row-key' },
    outerCode: { selector: ':scope', within: 'row', column: '商家编码' },
    pageStock: { selector: '.num', within: 'row', column: '库存', pattern: '(\\d+)' },
    title: { selector: 'a', within: 'row', attribute: 'data-missing' },
  },
};

const header = (...names: string[]) => `<thead><tr>${names.map((n) => `<th><div class="cell">${n}</div></th>`).join('')}</tr></thead>`;

describe('a part that is its container (":scope")', () => {
  beforeEach(() => {
    document.body.innerHTML = `<table>${header('商品', '销量', '库存', '商家编码')}<tbody>
      <tr data-row-key="3001"><td><a>T恤</a></td><td><span class="num">88</span></td><td><span class="num">12</span></td><td>TS-1</td></tr>
      <tr data-row-key="3002"><td><a>杯子</a></td><td><span class="num">5</span></td><td><span class="num">0</span></td><td>CUP-2</td></tr>
    </tbody></table>`;
  });

  it('reads the row`s own attribute, counts it, and knows a row as an instance of it', () => {
    const parts = new PageParts(items);
    const rows = parts.all('row');
    expect(rows.map((r) => parts.value('itemId', r))).toEqual(['3001', '3002']);
    expect(parts.all('itemId')).toEqual(rows);
    expect(parts.is('itemId', rows[0]!)).toBe(true);
    expect(parts.inSubtree('itemId', rows[1]!)).toEqual([rows[1]]);
    expect(parts.health().find((p) => p.name === 'itemId')?.count).toBe(2);
  });

  it('finds cells by their header text, not by position: 销量 is never read as stock', () => {
    const parts = new PageParts(items);
    const rows = parts.all('row');
    expect(rows.map((r) => parts.value('pageStock', r))).toEqual(['12', '0']);
    expect(rows.map((r) => parts.value('outerCode', r))).toEqual(['TS-1', 'CUP-2']);
    expect(parts.health().find((p) => p.name === 'pageStock')?.count).toBe(2);
    // Added rows are found inside what the page added, through their cell.
    expect(parts.inSubtree('pageStock', rows[1]!).map((e) => e.textContent)).toEqual(['0']);
  });

  it('reads the header again when the console reorders its columns', () => {
    const parts = new PageParts(items);
    expect(parts.value('pageStock', parts.all('row')[0])).toBe('12');
    const headerRow = document.querySelector('thead tr')!;
    const [, sales, stock] = [...headerRow.children];
    headerRow.insertBefore(stock!, sales!);
    for (const row of document.querySelectorAll('tbody tr')) row.insertBefore(row.children[2]!, row.children[1]!);
    expect(parts.all('row').map((r) => parts.value('pageStock', r))).toEqual(['12', '0']);
    // A column the header no longer has reads nothing rather than some other cell.
    stock!.textContent = '可售';
    expect(parts.value('pageStock', parts.all('row')[0])).toBeNull();
  });

  it('finds a header drawn in its own table above the body (Fusion), and spans of cells', () => {
    document.body.innerHTML = `<div class="next-table"><div class="next-table-header"><table>${header('宝贝', '单价', '数量', '库存')}</table></div>
      <div class="next-table-body"><table><tbody>
        <tr class="next-table-group-header"><td colspan="4">订单号：1</td></tr>
        <tr data-row-key="9"><td colspan="2">宝贝 / 单价</td><td>1</td><td><span class="num">7</span></td></tr>
      </tbody></table></div></div>`;
    const parts = new PageParts(items);
    expect(parts.value('pageStock', parts.all('row')[0])).toBe('7');
  });

  it('samples: count, first values after pattern/attribute, and unread when matches read nothing', () => {
    const samples = new PageParts(items).samples();
    expect(samples.find((s) => s.name === 'pageStock')).toMatchObject({ count: 2, values: ['12', '0'], unread: false });
    expect(samples.find((s) => s.name === 'itemId')).toMatchObject({ count: 2, values: ['3001', '3002'], unread: false });
    expect(samples.find((s) => s.name === 'title')).toMatchObject({ count: 2, values: [], unread: true });
    document.body.innerHTML = '';
    expect(new PageParts(items).samples().find((s) => s.name === 'title')).toMatchObject({ count: 0, values: [], unread: false });
  });
});

describe('a part in the row before its container ("preceding"), and the first value that reads', () => {
  it('reads the order number from the header row above the order`s line rows', () => {
    const orders: PageSpec = {
      kind: 'orders',
      path: '^/',
      parts: {
        order: { selector: 'tr.line' },
        orderId: { selector: '.sn', within: 'order', preceding: true, pattern: '(\\d{6}-\\d{15,})' },
        lineSkuCode: { selector: '.kv', within: 'order', pattern: '^货号[:：]?\\s*(\\S+)$' },
      },
    };
    document.body.innerHTML = `<table><tbody>
      <tr class="head"><td><span class="sn">订单编号：261120-123456789012345</span></td></tr>
      <tr class="line"><td><span class="kv">白色 M</span><span class="kv">货号：TS-1</span></td></tr>
      <tr class="line"><td><span class="kv">货号：TS-2</span></td></tr>
      <tr class="head"><td><span class="sn">订单编号：261120-999999999999999</span></td></tr>
      <tr class="line"><td></td></tr></tbody></table>`;
    const parts = new PageParts(orders);
    const rows = parts.all('order');
    expect(rows.map((r) => parts.value('orderId', r))).toEqual(['261120-123456789012345', '261120-123456789012345', '261120-999999999999999']);
    expect(rows.map((r) => parts.value('lineSkuCode', r))).toEqual(['TS-1', 'TS-2', null]);
    expect(parts.health().find((p) => p.name === 'orderId')?.count).toBe(3);
  });
});
