import { beforeEach, describe, expect, it } from 'vitest';
import { isGeneratedClass, isGeneratedId, isNoiseAttribute } from '@/utils/teach/generated-names';
import { generaliseToSiblings, proposeSelector, simpleSelectors } from '@/utils/teach/propose-selector';
import { proposePattern } from '@/utils/teach/text-anchor';

describe('generated class names', () => {
  it.each([
    '_x1y2z', '_3kQz9', 'Button_root__3xK9a', 'index-module__title--AbC12', 'title___2Fz9q',
    'sc-bdVaJa', 'sc-1x2y3z', 'css-1q2w3e', 'css-kQzPxa', 'jss12', 'makeStyles-root-12', 'svelte-1abc2de',
    'btn-a8f3k2', 'item_x9K2pQ', 'data-v-7ba5bd90', 'w-[13px]', 'hover:bg-red',
  ])('%s is generated', (name) => expect(isGeneratedClass(name)).toBe(true));

  it.each([
    'order-row', 'next-table-row', 'item-title', 'col-2', 'h5', 'chat-input', 'btn-primary', 'isActive', 'conversationItem',
    'ReplyBox', 'el-table__row', 'ant-table-row', 'msg-v2',
  ])('%s is kept', (name) => expect(isGeneratedClass(name)).toBe(false));

  it('generated ids and framework noise attributes', () => {
    for (const id of [':r1:', 'rc_select_3', 'el-id-1024-5', 'ember123', 'a8f3k2x9', 'row-100234']) expect(isGeneratedId(id), id).toBe(true);
    for (const id of ['reply-box', 'chat-input', 'orders']) expect(isGeneratedId(id), id).toBe(false);
    expect(isNoiseAttribute('data-v-7ba5bd90')).toBe(true);
    expect(isNoiseAttribute('data-reactid')).toBe(true);
    expect(isNoiseAttribute('data-order-id')).toBe(false);
  });
});

describe('proposing selectors for a picked element', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <section class="_p9x2k">
        <ul class="sc-a1b2c3 list">
          <li class="sc-x8y7z6 conv" data-v-7ba5bd90 data-uid="u100234"><b class="css-1q2w3e">买家甲</b></li>
          <li class="sc-x8y7z6 conv" data-v-7ba5bd90 data-uid="u100235"><b class="css-1q2w3e">买家乙</b></li>
        </ul>
        <div class="_k3j2h"><div><span>订单号：12345678</span><span>待发货</span></div><div><span>订单号：22345678</span><span>已发货</span></div></div>
        <textarea class="_t7y6u" placeholder="输入回复"></textarea>
      </section>`;
  });

  it('never uses a generated class; prefers hook attributes, else tag and structure', () => {
    const input = document.querySelector('textarea')!;
    expect(proposeSelector(input)).toBe('textarea[placeholder="输入回复"]');
    const li = document.querySelector('li')!;
    for (const selector of simpleSelectors(li)) expect(selector).not.toMatch(/sc-|data-v-|u100234/);
    // An instance value (a user id) is kept as presence only, so it matches every conversation.
    expect(simpleSelectors(li)).toContain('li[data-uid]');
  });

  it('widens a picked row to all rows like it, and finds a field inside its row', () => {
    const li = document.querySelectorAll('li')[1]!;
    const rows = generaliseToSiblings(li);
    expect(rows).not.toMatch(/sc-|css-|_/);
    expect([...document.querySelectorAll(rows)]).toEqual([...document.querySelectorAll('li')]);
    const nameInRow = proposeSelector(li.querySelector('b')!, li);
    expect(nameInRow).toBe('b');
    // Rows with no hook at all: the structure under the parent, still no hashed class.
    const order = document.querySelector('._k3j2h > div:nth-of-type(2)')!;
    const orders = generaliseToSiblings(order);
    expect(orders).not.toMatch(/_k3j2h|_p9x2k/);
    expect(document.querySelectorAll(orders)).toHaveLength(2);
    const status = proposeSelector(order.querySelectorAll('span')[1]!, order);
    expect(order.querySelector(status)!.textContent).toBe('已发货');
  });
});

describe('text anchors', () => {
  it('anchors a value on its label as a pattern', () => {
    expect(proposePattern('orderId', '订单号：12345678')).toBe('订单号[:：]?\\s*(\\d{6,})');
    expect(new RegExp(proposePattern('outerCode', '商家编码 XE-1001')!, 'u').exec('商家编码： XE-1001')![1]).toBe('XE-1001');
    expect(proposePattern('pageStock', '库存 35')).toBe('库存[:：]?\\s*(-?\\d+)');
    expect(proposePattern('status', '待发货')).toBeUndefined();
    expect(proposePattern('pageStock', '35')).toBeUndefined();
    expect(proposePattern('pageStock', '剩35件')).toBe('(-?\\d+)');
  });
});

describe('a field inside a row with nothing but hashed classes', () => {
  it('is proposed by a structure that matches it alone in its row, not by the first of several alike', () => {
    document.body.innerHTML = `<div class="_r1x2y"><div class="_a8k2x"><span class="_b7x1">订单号：123456789</span> <b>待发货</b></div>
      <div class="_c9x3"><span class="sc-q1w2e3">张三</span> <span class="sc-z9x8c7">13800138000</span></div></div>`;
    const row = document.querySelector('._r1x2y')!;
    const [orderNo, name, phone] = [...row.querySelectorAll('span')];
    for (const span of [orderNo!, name!, phone!]) {
      const selector = proposeSelector(span, row);
      expect([...row.querySelectorAll(selector)], selector).toEqual([span]);
      expect(selector).not.toMatch(/_|sc-/);
    }
  });
});
