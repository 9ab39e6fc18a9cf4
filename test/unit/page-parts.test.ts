import { beforeEach, describe, expect, it } from 'vitest';
import { PageParts } from '@/utils/adapters/page-parts';
import { demoConsoleAdapter } from '@/utils/adapters/builtin/demo-console';
import { findStockTargets, placesAround, readPlace, stockPlaces } from '@/utils/stock/stock-targets';

const [itemsPage, ordersPage] = demoConsoleAdapter.pages as [any, any];

function row(id: string, code: string, stock: number): string {
  return `<tr class="next-table-row" data-row-key="${id}"><td class="col-title"><a class="item-title">标题 ${id}</a>
    <span class="item-id">ID:${id}</span></td><td class="col-code"><span class="outer-code">商家编码：  ${code} </span></td>
    <td class="col-stock"><span class="stock-num">${stock}</span></td></tr>`;
}

describe('PageParts', () => {
  beforeEach(() => {
    document.body.innerHTML = `<table class="next-table"><tbody>${row('100000000001', 'XE-1001', 35)}${row('100000000002', 'ＸＥ－１０４５', 0)}</tbody></table>`;
  });

  it('finds containers and reads fields inside each, applying the pattern', () => {
    const parts = new PageParts(itemsPage);
    const rows = parts.all('row');
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => parts.value('outerCode', r))).toEqual(['XE-1001', 'ＸＥ－１０４５']);
    expect(rows.map((r) => parts.value('pageStock', r))).toEqual(['35', '0']);
    expect(parts.value('itemId', rows[1])).toBe('100000000002');
    // Fields without a scope are looked for inside every container.
    expect(parts.all('pageStock')).toHaveLength(2);
  });

  it('reports health per part, and null for parts that are absent', () => {
    const parts = new PageParts(itemsPage);
    expect(parts.health()).toEqual([
      { name: 'row', count: 2, optional: false },
      { name: 'itemId', count: 2, optional: false },
      { name: 'title', count: 2, optional: false },
      { name: 'outerCode', count: 2, optional: false },
      { name: 'pageStock', count: 2, optional: false },
    ]);
    document.body.innerHTML = '';
    expect(parts.health().every((p) => p.count === 0)).toBe(true);
    expect(parts.value('title')).toBeNull();
  });

  it('reads attributes and nested containers (order → line)', () => {
    document.body.innerHTML = `<div class="trade-card"><span class="trade-no">订单号：291234567890123456</span>
      <div class="trade-item"><span class="sku-code">商家编码：XE-1001-RED-M</span><span class="item-qty">x2</span></div>
      <div class="trade-item"><span class="sku-code">商家编码：XE-1002-BLK</span><span class="item-qty">x1</span></div>
      <div class="memo"><i class="memo-flag flag-red" data-flag="1"></i></div></div>`;
    const parts = new PageParts(ordersPage);
    const order = parts.first('order')!;
    expect(parts.value('orderId', order)).toBe('291234567890123456');
    expect(parts.value('remarkFlag', order)).toBe('1');
    const lines = parts.all('line', order);
    expect(lines.map((l) => [parts.value('lineSkuCode', l), parts.value('lineQty', l)])).toEqual([
      ['XE-1001-RED-M', '2'],
      ['XE-1002-BLK', '1'],
    ]);
    expect(parts.all('lineSkuCode')).toHaveLength(2);
  });

  it('finds a part inside what a change added: the element itself or inside it', () => {
    const parts = new PageParts(itemsPage);
    const [first, second] = parts.all('row');
    const more = document.createElement('tbody');
    more.innerHTML = row('100000000003', 'XE-1003', 7) + row('100000000004', 'XE-1004', 8);
    document.querySelector('table')!.append(more);
    expect(parts.inSubtree('row', more).map((r) => parts.value('itemId', r))).toEqual(['100000000003', '100000000004']);
    expect(parts.inSubtree('row', second!)).toEqual([second]);
    expect(parts.inSubtree('pageStock', first!).map((e) => e.textContent)).toEqual(['35']);
    expect(parts.inSubtree('row', first!.querySelector('.col-stock')!)).toEqual([]);
    // Outside any row, a field's selector does not match.
    const loose = document.createElement('div');
    loose.innerHTML = '<span class="stock-num">9</span>';
    document.body.append(loose);
    expect(parts.inSubtree('pageStock', loose)).toEqual([]);
  });

  it('finds stock targets only within given elements, in their order, up to a limit', () => {
    const parts = new PageParts(itemsPage);
    const more = document.createElement('tbody');
    more.innerHTML = row('100000000003', 'XE-1003', 7) + row('100000000004', 'xe-1004', 8);
    document.querySelector('table')!.append(more);
    expect(findStockTargets(parts).map((t) => t.codes[0])).toEqual(['XE-1001', 'XE-1045', 'XE-1003', 'XE-1004']);
    expect(findStockTargets(parts, { within: [more] }).map((t) => [t.codes[0], t.pageStock])).toEqual([['XE-1003', 7], ['XE-1004', 8]]);
    expect(findStockTargets(parts, { within: [more], limit: 1 }).map((t) => t.codes[0])).toEqual(['XE-1003']);
    expect(findStockTargets(parts, { within: [] })).toEqual([]);
  });

  it('reads the same places in slices of the list as in one pass', () => {
    const parts = new PageParts(itemsPage);
    const more = document.createElement('tbody');
    more.innerHTML = [3, 4, 5, 6, 7].map((n) => row(`10000000000${n}`, `XE-100${n}`, n)).join('');
    document.querySelector('table')!.append(more);
    const places = stockPlaces(parts);
    expect(places).toHaveLength(7);
    const sliced = [0, 3, 6].flatMap((i) => findStockTargets(parts, { within: places.slice(i, i + 3) }));
    expect(sliced).toEqual(findStockTargets(parts));
    document.body.innerHTML = `<div class="trade-card"><span class="trade-no">订单号：291234567890123456</span>
      <div class="trade-item"><span class="sku-code">商家编码：XE-1001-RED-M</span></div></div>`;
    const orders = new PageParts(ordersPage);
    expect(findStockTargets(orders, { within: stockPlaces(orders) }).map((t) => t.codes)).toEqual([['XE-1001-RED-M']]);
  });

  it('finds the places a change in place concerns, and reads a recycled place as it shows now', () => {
    const parts = new PageParts(itemsPage);
    const [first, second] = parts.all('row');
    const [target] = findStockTargets(parts, { within: [first!] });
    // A change of the code or the stock concerns the row; a change of its title does not (no badge reads it).
    const code = first!.querySelector('.outer-code')!;
    expect(placesAround(parts, [code, second!.querySelector('.stock-num')!])).toEqual([first, second]);
    expect(placesAround(parts, [first!.querySelector('.item-title')!])).toEqual([]);
    expect(placesAround(parts, [first!])).toEqual([first]);
    expect(placesAround(parts, [document.querySelector('table')!])).toEqual([]);
    // The row recycled for another product: read again, it gives the new code; emptied, nothing.
    code.textContent = '商家编码：XE-2002';
    expect(readPlace(parts, target!.place)?.codes).toEqual(['XE-2002']);
    code.textContent = '';
    expect(readPlace(parts, target!.place)).toBeNull();
  });
});

describe('a badge goes by the element its code is read from', () => {
  it('on Taobao\'s sold list the first div of the cell wraps the whole line: the badge goes on the 商家编码 div, not after the wrapper', async () => {
    const { taobaoSellerAdapter } = await import('@/utils/adapters/builtin/taobao-seller');
    const sold = taobaoSellerAdapter.pages.find((p) => p.path.includes('sold'))!;
    document.body.innerHTML = `<div class="next-table-body"><table><tbody>
      <tr class="next-table-group-header"><td><span>订单号：3912345678901234567</span></td></tr>
      <tr><td data-next-table-col="0"><div class="suborder"><a>T恤</a><div>颜色分类：白色</div><div>商家编码：TS-WHITE-M</div></div></td></tr>
    </tbody></table></div>`;
    const parts = new PageParts(sold as any);
    const [target] = findStockTargets(parts);
    expect(target!.codes).toEqual(['TS-WHITE-M']);
    expect(target!.anchor.textContent).toBe('商家编码：TS-WHITE-M');
    expect(parts.reading('lineSkuCode', parts.all('line')[0])).toBe(target!.anchor);
  });
});
