import { describe, expect, it } from 'vitest';
import { PageParts } from '@/utils/adapters/page-parts';
import { demoConsoleAdapter } from '@/utils/adapters/builtin/demo-console';
import { findStockTargets } from '@/utils/stock/stock-targets';
import { requestSchema } from '@/utils/messaging/protocol';
import { orderValueProblem } from '@/utils/orders/order-limits';

const [itemsPage] = demoConsoleAdapter.pages as [any];
const row = (code: string) =>
  `<tr class="next-table-row"><td class="col-code"><span class="outer-code">商家编码：${code}</span></td><td class="col-stock"><span class="stock-num">3</span></td></tr>`;
/** What the worker's boundary would say to a message (the same zod schema the router checks). */
const accepted = (message: unknown) => requestSchema.safeParse(message).success;

describe('odd page values are dropped at the content script, one by one', () => {
  it('a code longer than a lookup takes: that place alone is left out, and named', () => {
    const long = `XE-${'9'.repeat(147)}`;
    document.body.innerHTML = `<table><tbody>${row(long)}${row('XE-1001')}</tbody></table>`;
    const odd: string[] = [];
    const targets = findStockTargets(new PageParts(itemsPage), { onOddCode: (code) => odd.push(code) });
    expect(targets.map((t) => t.codes)).toEqual([['XE-1001']]);
    expect(odd).toEqual([long]);
    // What is left is what the worker takes.
    expect(accepted({ type: 'stock.lookup', codes: targets.flatMap((t) => t.codes) })).toBe(true);
  });

  it.each([
    ['an order id off the pattern', '1'.repeat(50), {}, 'orderId'],
    ['an address over 500 characters', '3412345678', { address: '北'.repeat(501) }, 'address'],
    ['a name over 100 characters', '3412345678', { name: '张'.repeat(101), address: '北京' }, 'name'],
    ['a phone over 40 characters', '3412345678', { phone: '1'.repeat(41), address: '北京' }, 'phone'],
  ])('%s is named before the worker would refuse it', (_name, orderId, receiver, field) => {
    expect(orderValueProblem(orderId, receiver)).toMatchObject({ field });
    const worker = field === 'orderId'
      ? accepted({ type: 'orders.state', ids: [orderId] })
      : accepted({ type: 'address.check', address: '北京', ...receiver });
    expect(worker).toBe(false);
  });

  it('values the worker takes pass', () => {
    const receiver = { name: '张'.repeat(100), phone: '1'.repeat(40), address: '北'.repeat(500) };
    expect(orderValueProblem('3412345678', receiver)).toBeNull();
    expect(accepted({ type: 'address.check', ...receiver })).toBe(true);
    expect(accepted({ type: 'orders.state', ids: ['3412345678'] })).toBe(true);
  });
});
