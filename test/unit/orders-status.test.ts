import { describe, expect, it } from 'vitest';
import { isCashOnDelivery, orderStage, type OrderStage } from '@/utils/orders/order-status';

describe('orderStage', () => {
  const cases: [string, OrderStage][] = [
    ['等待买家付款', 'unpaid'],
    ['待付款', 'unpaid'],
    ['买家已付款', 'paid'],
    ['等待卖家发货', 'paid'],
    ['买家已付款，等待卖家发货', 'paid'],
    ['待发货', 'paid'],
    ['已付款', 'paid'],
    ['卖家已发货', 'shipped'],
    ['已发货', 'shipped'],
    ['等待买家确认收货', 'shipped'],
    ['卖家已发货，等待买家确认收货', 'shipped'],
    ['卖家部分发货', 'shipped'],
    ['交易成功', 'finished'],
    ['已完成', 'finished'],
    ['交易关闭', 'closed'],
    ['已关闭', 'closed'],
    ['付款前交易关闭', 'closed'],
    [' 交易\n关闭 ', 'closed'],
    ['WAIT_BUYER_PAY', 'unpaid'],
    ['WAIT_SELLER_SEND_GOODS', 'paid'],
    ['wait_buyer_confirm_goods', 'shipped'],
    ['TRADE_FINISHED', 'finished'],
    ['TRADE_CLOSED_BY_TAOBAO', 'closed'],
    ['', 'unknown'],
    ['退款中', 'unknown'],
    ['<b>交易</b>', 'unknown'],
  ];
  it.each(cases)('%s → %s', (text, stage) => {
    expect(orderStage(text)).toBe(stage);
  });

  it('reads the demo console texts', () => {
    expect(['等待买家付款', '买家已付款', '卖家已发货', '交易成功'].map(orderStage)).toEqual(['unpaid', 'paid', 'shipped', 'finished']);
  });
});

describe('isCashOnDelivery', () => {
  it.each([
    ['货到付款', true],
    ['货到付款（现金）', true],
    ['到付', true],
    ['COD', true],
    ['cod', true],
    ['ＣＯＤ', true],
    ['支付方式：COD', true],
    ['Cash on Delivery', true],
    ['在线支付', false],
    ['', false],
    ['运费到付', false],
    ['邮费到付 在线支付', false],
    ['code', false],
    ['Codex', false],
  ] as [string, boolean][])('%s → %s', (text, cod) => {
    expect(isCashOnDelivery(text)).toBe(cod);
  });
});
