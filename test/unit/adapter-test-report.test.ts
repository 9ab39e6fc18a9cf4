import { afterEach, describe, expect, it } from 'vitest';
import type { Adapter } from '@/utils/adapters/adapter-schema';
import { clearAdapterTest, runAdapterTest } from '@/entrypoints/adapter-test.content/adapter-highlighter';

/** A one-page console: items and orders on the same URL, and a chat entry for another path. */
const adapter: Adapter = {
  format: 'xiaoer-adapter',
  formatVersion: 1,
  id: 'one-page',
  name: '单页后台',
  version: 1,
  matches: ['http://localhost/*'],
  pages: [
    {
      kind: 'items',
      path: '^/',
      parts: {
        row: { selector: 'li[data-sku]' },
        outerCode: { selector: ':scope', within: 'row', attribute: 'data-sku' },
        pageStock: { selector: '.stock', within: 'row', pattern: '库存\\s*(\\d+)' },
      },
    },
    { kind: 'orders', path: '^/', parts: { order: { selector: 'li[data-oid]' }, orderId: { selector: ':scope', within: 'order', attribute: 'data-oid' } } },
    { kind: 'chat', path: '^/chat', parts: { replyInput: { selector: 'textarea' } } },
  ],
};

describe('test on the tab: the report', () => {
  afterEach(clearAdapterTest);

  it('lists every entry (several fit one URL), each part`s count, first values, and ✗ when matches read nothing', () => {
    document.body.innerHTML = `<ul><li data-sku="TS-1"><span class="stock">35 件</span></li><li data-sku="CUP-2"><span class="stock">0 件</span></li></ul>
      <ul><li data-oid="9001">订单</li></ul>`;
    const report = runAdapterTest(adapter);
    expect(report.pages.map((p) => [p.kind, p.matched])).toEqual([['items', true], ['orders', true], ['chat', false]]);
    expect(report.pages[0]!.parts).toEqual([
      { name: 'row', count: 2, optional: false, values: ['35 件', '0 件'], unread: false },
      { name: 'outerCode', count: 2, optional: false, values: ['TS-1', 'CUP-2'], unread: false },
      // The pattern wants 库存 before the number: the selector matches, nothing is read.
      { name: 'pageStock', count: 2, optional: false, values: [], unread: true },
    ]);
    expect(report.pages[1]!.parts).toEqual([
      { name: 'order', count: 1, optional: false, values: ['订单'], unread: false },
      { name: 'orderId', count: 1, optional: false, values: ['9001'], unread: false },
    ]);
    expect(report.pages[2]!.parts).toEqual([{ name: 'replyInput', count: 0, optional: false, values: [], unread: false }]);
  });
});
