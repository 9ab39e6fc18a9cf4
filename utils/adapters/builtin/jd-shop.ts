import type { Adapter } from '../adapter-schema';

/**
 * JD 商家后台 (shop.jd.com) order list. Sources per part in ./notes.ts. The item list's rows have no public evidence,
 * so there is no items page. 咚咚, JD's agent chat, is its own host: ./dongdong.ts.
 */
export const jdShopAdapter: Adapter = {
  format: 'xiaoer-adapter',
  formatVersion: 1,
  id: 'jd-shop',
  name: '京东商家后台',
  version: 2,
  matches: ['https://shop.jd.com/*'],
  pages: [
    {
      kind: 'orders',
      path: '^/jdm/trade/orders/order-list',
      parts: {
        order: { selector: '.jd-scrollbar__view .table-body .card' },
        orderId: { selector: '.shop-order-id .order-info-btn span', within: 'order', pattern: '(\\d{8,})' },
        createdAt: { selector: '.order-time-info', within: 'order', pattern: '(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})\\s*下单', optional: true },
        buyerNick: { selector: '.user-pin', within: 'order', optional: true },
        status: { selector: '[prop="orderStatus"] .order-status span', within: 'order' },
        line: { selector: '.sku-info-list__item', within: 'order' },
        lineTitle: { selector: '.sku-name', within: 'line' },
        // A line's spec items: the one labelled 货号 is the merchant's code.
        lineSkuCode: { selector: '.card-left__desc .config-view-item', within: 'line', pattern: '^货号[:：]?\\s*(\\S+)$', optional: true },
        lineQty: { selector: '.sku-info-card__right .config-view-item__value', within: 'line', pattern: '^[xX×]\\s*(\\d+)$' },
        receiverAddress: { selector: '[prop="consigneeInfo"] .cons-address-text', within: 'order' },
        receiverPhone: { selector: '[prop="consigneeInfo"] .cons-mobile-phone-text', within: 'order', optional: true },
        remarkText: { selector: '.remark-cell__text', within: 'order', optional: true },
      },
    },
  ],
};
