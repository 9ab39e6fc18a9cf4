import type { Adapter } from '../adapter-schema';

/**
 * Pinduoduo 商家后台 (mms.pinduoduo.com). Chat: `#msgListContainer li.onemsg`, buyer rows `.buyer-item`, agent
 * rows `.cs-item`, text `.msg-content-box`, reply box `#replyTextarea` — seen in a public extension for
 * `/chat-merchant/`. Conversation list `li.chat-item` seen (REFERENCE). Orders and goods pages: paths and markup
 * guessed; selectors lean on the 订单编号 / 商家编码 / 收货地址 labels.
 */
export const pinduoduoAdapter: Adapter = {
  format: 'xiaoer-adapter',
  formatVersion: 1,
  id: 'pinduoduo-mms',
  name: '拼多多商家后台',
  version: 1,
  matches: ['https://mms.pinduoduo.com/*'],
  pages: [
    {
      kind: 'chat',
      path: '^/chat-merchant/',
      parts: {
        conversation: { selector: 'li.chat-item' },
        conversationBuyer: { selector: '.chat-nickname, .nickname', within: 'conversation' },
        conversationUnread: { selector: '.unread-num, .chat-unread', within: 'conversation', pattern: '(\\d+)', optional: true },
        activeConversation: { selector: 'li.chat-item.active, li.chat-item.selected', optional: true },
        messageList: { selector: '#msgListContainer' },
        message: { selector: 'li.onemsg', within: 'messageList' },
        buyerMessage: { selector: 'li.onemsg:has(.buyer-item)', within: 'messageList' },
        messageText: { selector: '.msg-content-box', within: 'message', optional: true },
        replyInput: { selector: '#replyTextarea' },
        sendButton: { selector: '.send-btn, button.send' },
      },
    },
    {
      kind: 'orders',
      path: '^/orders/(list|detail)',
      parts: {
        order: { selector: '[data-testid="beast-core-table-body-tr"], .order-detail' },
        orderId: { selector: '.order-sn, td:first-child', within: 'order', pattern: '订单编号[:：]?\\s*([0-9-]{10,})' },
        status: { selector: '.order-status', within: 'order' },
        line: { selector: '.goods-info', within: 'order' },
        lineTitle: { selector: '.goods-name', within: 'line' },
        lineSkuCode: { selector: '.goods-spec', within: 'line', pattern: '商家编码[:：]\\s*(\\S+)', optional: true },
        lineQty: { selector: '.goods-num', within: 'line', pattern: '(\\d+)' },
        receiverAddress: { selector: '.receiver-info', within: 'order', pattern: '收货地址[:：]\\s*(.+)', optional: true },
        remarkText: { selector: '.merchant-remark', within: 'order', optional: true },
      },
    },
    {
      kind: 'items',
      path: '^/goods/goods_list',
      parts: {
        row: { selector: '[data-testid="beast-core-table-body-tr"]' },
        itemId: { selector: '.goods-id', within: 'row', pattern: '(\\d{6,})' },
        title: { selector: '.goods-name', within: 'row' },
        outerCode: { selector: '.goods-info', within: 'row', pattern: '商家编码[:：]\\s*(\\S+)', optional: true },
        pageStock: { selector: '.goods-quantity', within: 'row', pattern: '(\\d+)' },
      },
    },
  ],
};
