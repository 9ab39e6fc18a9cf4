import type { Adapter } from '../adapter-schema';

/**
 * Douyin 抖店 (fxg.jinritemai.com) and its 飞鸽 chat (im.jinritemai.com). 飞鸽: messages `[data-id="message-in"]`
 * / `[data-id="message-out"]`, reply box `textarea[data-qa-id="qa-send-message-textarea"]`, the buyer's name in
 * `#topbar-left-info` — seen in a public project's test of the workspace page. Item list URL seen; the 抖店 tables
 * (Arco/semi "table-row" markup), order paths and order card are guesses keyed to 订单编号 / 商家编码 / 收货地址.
 */
export const douyinAdapter: Adapter = {
  format: 'xiaoer-adapter',
  formatVersion: 1,
  id: 'douyin-shop',
  name: '抖店 / 飞鸽',
  version: 1,
  matches: ['https://fxg.jinritemai.com/*', 'https://im.jinritemai.com/*'],
  pages: [
    {
      kind: 'chat',
      path: '^/pc_seller_v2/main/workspace',
      parts: {
        currentBuyer: { selector: '#topbar-left-info > span:first-child' },
        messageList: { selector: '#workspace-chat' },
        message: { selector: '[data-id="message-in"], [data-id="message-out"]', within: 'messageList' },
        buyerMessage: { selector: '[data-id="message-in"]', within: 'messageList' },
        messageText: { selector: 'pre', within: 'message', optional: true },
        replyInput: { selector: 'textarea[data-qa-id="qa-send-message-textarea"], [data-qa-id="qa-send-message-textarea"][contenteditable="true"]' },
        sendButton: { selector: '[data-qa-id="qa-send-message-button"]', optional: true },
        orderCard: { selector: '[data-qa-id="qa-order-card"]', optional: true },
        orderId: { selector: '[data-qa-id="qa-order-id"]', within: 'orderCard', pattern: '(\\d{10,})', optional: true },
        status: { selector: '[data-qa-id="qa-order-status"]', within: 'orderCard', optional: true },
        receiverAddress: { selector: '[data-qa-id="qa-order-address"]', within: 'orderCard', optional: true },
      },
    },
    {
      kind: 'items',
      path: '^/ffa/g/list',
      parts: {
        row: { selector: 'tbody tr[data-row-key]' },
        itemId: { selector: '.product-id', within: 'row', pattern: '(\\d{6,})' },
        title: { selector: 'a[href*="haohuo.jinritemai.com"], .product-name', within: 'row' },
        outerCode: { selector: 'td:nth-child(2)', within: 'row', pattern: '商家编码[:：]\\s*(\\S+)', optional: true },
        pageStock: { selector: 'td:nth-child(4)', within: 'row', pattern: '(\\d+)' },
      },
    },
    {
      kind: 'orders',
      path: '^/ffa/morder/order/(list|detail)',
      parts: {
        order: { selector: '[data-kora="order-item"], .order-detail' },
        orderId: { selector: '.order-header, .order-info', within: 'order', pattern: '订单编号[:：]?\\s*(\\d{10,})' },
        status: { selector: '.order-status', within: 'order' },
        line: { selector: '.product-item', within: 'order' },
        lineTitle: { selector: '.product-name', within: 'line' },
        lineSkuCode: { selector: '.product-sku', within: 'line', pattern: '商家编码[:：]\\s*(\\S+)', optional: true },
        lineQty: { selector: '.product-count', within: 'line', pattern: '(\\d+)' },
        receiverAddress: { selector: '.receiver', within: 'order', pattern: '收货地址[:：]\\s*(.+)', optional: true },
      },
    },
  ],
};
