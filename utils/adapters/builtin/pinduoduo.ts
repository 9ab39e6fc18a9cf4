import type { Adapter } from '../adapter-schema';

/**
 * Pinduoduo 商家后台 (mms.pinduoduo.com): chat (Vue), orders and goods (beast-core tables). Sources per part in
 * ./notes.ts. The page ignores synthetic clicks: Xiaoer fills the reply box, the agent presses send.
 */
export const pinduoduoAdapter: Adapter = {
  format: 'xiaoer-adapter',
  formatVersion: 1,
  id: 'pinduoduo-mms',
  name: '拼多多商家后台',
  version: 3,
  matches: ['https://mms.pinduoduo.com/*'],
  pages: [
    {
      kind: 'chat',
      path: '^/chat-merchant/',
      parts: {
        // The active class is on .chat-item-box, not on the li.
        conversation: { selector: 'li.chat-item > .chat-item-box[data-random]' },
        conversationBuyer: { selector: '.nickname-span', within: 'conversation' },
        activeConversation: { selector: 'li.chat-item > .chat-item-box.active' },
        conversationTime: { selector: '.item-note', within: 'conversation', optional: true },
        conversationWaiting: { selector: '.chat-unreply-over-time', within: 'conversation', optional: true },
        currentBuyer: { selector: '.chatWindowHeader .base-info .name' },
        messageList: { selector: '#msgListContainer' },
        message: { selector: 'li.onemsg[id^="middlePanel_list_"]', within: 'messageList' },
        buyerMessage: { selector: 'li.onemsg:has(.buyer-item)', within: 'messageList' },
        agentMessage: { selector: 'li.onemsg:has(.cs-item)', within: 'messageList', optional: true },
        messageText: { selector: 'p.msg-content-box', within: 'message', optional: true },
        replyInput: { selector: 'textarea#replyTextarea' },
        sendButton: { selector: '.reply-box .send-btn' },
      },
    },
    {
      kind: 'orders',
      path: '^/orders/',
      parts: {
        // One line row per order; its order number sits in the separate header row above it.
        order: { selector: 'tr[data-testid="beast-core-table-body-tr"]' },
        orderId: { selector: 'tr:not([data-testid="beast-core-table-body-tr"])', within: 'order', preceding: true, pattern: '(\\d{6}-\\d{15,})' },
        // No evidence for the cells: read by their column's header text, optional.
        status: { selector: ':scope', within: 'order', column: '订单状态', optional: true },
        line: { selector: ':scope', within: 'order', optional: true },
        lineTitle: { selector: ':scope', within: 'line', column: '商品', optional: true },
        lineSkuCode: { selector: ':scope', within: 'line', column: '商家编码', optional: true },
        lineQty: { selector: ':scope', within: 'line', column: '数量', pattern: '[×xX]\\s*(\\d+)', optional: true },
        receiverAddress: { selector: ':scope', within: 'order', column: '收货地址', optional: true },
      },
    },
    {
      kind: 'items',
      path: '^/goods/goods_list',
      parts: {
        // A plain table: rows are the body rows with cells; the 商品信息 cell holds the title, `ID: n` and `商品编码: x`.
        row: { selector: 'tbody > tr:has(> td + td)' },
        itemId: { selector: ':scope', within: 'row', column: '商品信息', pattern: 'ID[:：]\\s*(\\d{6,})' },
        title: { selector: ':scope', within: 'row', column: '商品信息', pattern: '^(.+?)\\s*ID[:：]', optional: true },
        outerCode: { selector: ':scope', within: 'row', column: '商品信息', pattern: '商品编码[:：]\\s*([^\\s:：]+)' },
        // 总库存, found by header text: the sales column (销量) sits beside it.
        pageStock: { selector: ':scope', within: 'row', column: '库存', pattern: '(\\d+)' },
      },
    },
  ],
};
