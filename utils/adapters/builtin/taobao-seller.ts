import type { Adapter } from '../adapter-schema';

/**
 * Taobao/Tmall 千牛卖家中心 (myseller.taobao.com, qn.taobao.com) and the older trade.taobao.com order detail.
 * URLs seen in public scripts; the pages are Alibaba Fusion ("next-*") tables, seen in a public userscript for the
 * sold-orders page. Cell layout and the chat workbench's markup are not public: those selectors are guesses that
 * lean on text labels (订单号, 商家编码, 收货地址) and structure, and a shop can override them with a custom adapter.
 */
export const taobaoSellerAdapter: Adapter = {
  format: 'xiaoer-adapter',
  formatVersion: 1,
  id: 'taobao-seller',
  name: '淘宝/天猫 千牛卖家中心',
  version: 1,
  matches: ['https://myseller.taobao.com/*', 'https://qn.taobao.com/*', 'https://trade.taobao.com/*'],
  pages: [
    {
      kind: 'items',
      path: '^/home\\.htm/SellManage/',
      parts: {
        row: { selector: '.next-table-body tr.next-table-row' },
        itemId: { selector: 'a[href*="item.htm?id="]', within: 'row', attribute: 'href', pattern: '[?&]id=(\\d+)' },
        title: { selector: 'a[href*="item.htm?id="]', within: 'row' },
        outerCode: { selector: 'td:first-child', within: 'row', pattern: '商家编码[:：]\\s*(\\S+)', optional: true },
        pageStock: { selector: 'td[data-next-table-col="3"]', within: 'row', pattern: '(\\d+)' },
      },
    },
    {
      kind: 'orders',
      // The sold list and the order detail share the order-block layout (one block on the detail page).
      path: '^(/home\\.htm/trade-platform/tp/(sold|order)|/trade/detail/trade_order_detail\\.htm)',
      parts: {
        order: { selector: '.next-table-body table.next-table-group, .trade-order-detail' },
        orderId: { selector: '.next-table-group-header, .order-info', within: 'order', pattern: '订单号[:：]\\s*(\\d{6,})' },
        createdAt: { selector: '.next-table-group-header, .order-info', within: 'order', pattern: '(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})' },
        buyerNick: { selector: 'a[href*="wangwang"], .buyer-nick', within: 'order', optional: true },
        status: { selector: 'td:nth-child(5), .order-status', within: 'order' },
        line: { selector: 'tr.next-table-row, .order-item', within: 'order' },
        lineTitle: { selector: 'a[href*="item.htm?id="]', within: 'line' },
        lineSkuCode: { selector: 'td:first-child, .item-props', within: 'line', pattern: '商家编码[:：]\\s*(\\S+)', optional: true },
        lineQty: { selector: 'td:nth-child(3), .item-qty', within: 'line', pattern: '(\\d+)' },
        receiverAddress: { selector: '.address-info, .logistics-info', within: 'order', pattern: '收货地址[:：]\\s*(.+)', optional: true },
        remarkText: { selector: '.seller-memo, .memo-text', within: 'order', optional: true },
      },
    },
    {
      kind: 'chat',
      // 千牛 web workbench's reception page (path guessed from the workbench's app routes).
      path: '^/home\\.htm/(app-customer-service|im|chat)',
      parts: {
        conversation: { selector: '[data-spm*="conversation"] li, .conversation-list li' },
        conversationBuyer: { selector: '.nick, [class*="nick"]', within: 'conversation' },
        activeConversation: { selector: '.conversation-list li.active, .conversation-list li[aria-selected="true"]', optional: true },
        messageList: { selector: '.message-list, [role="log"]' },
        message: { selector: '.message-item', within: 'messageList' },
        buyerMessage: { selector: '.message-item.left, .message-item[data-from="buyer"]', within: 'messageList' },
        messageText: { selector: '.message-content', within: 'message', optional: true },
        replyInput: { selector: '.editor [contenteditable="true"], textarea.reply-textarea' },
        sendButton: { selector: 'button.send-btn, button[title="发送"]' },
      },
    },
  ],
};
