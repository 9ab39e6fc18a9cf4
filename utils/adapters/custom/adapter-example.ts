import type { Adapter } from '../adapter-schema';

/** The example the options page offers as a start (also in the README): a small shop console's chat and orders. */
export const EXAMPLE_ADAPTER: Adapter = {
  format: 'xiaoer-adapter',
  formatVersion: 1,
  id: 'my-shop-console',
  name: '我的店铺后台',
  version: 1,
  matches: ['https://seller.example.com/*'],
  pages: [
    {
      kind: 'chat',
      path: '^/chat',
      parts: {
        conversation: { selector: '.session-list li' },
        conversationBuyer: { selector: '.nick', within: 'conversation' },
        activeConversation: { selector: '.session-list li.active' },
        currentBuyer: { selector: '.chat-header .nick' },
        messageList: { selector: '.message-list' },
        message: { selector: '.message', within: 'messageList' },
        buyerMessage: { selector: '.message[data-from="buyer"]', within: 'messageList' },
        messageTime: { selector: 'time', within: 'message', attribute: 'datetime', optional: true },
        replyInput: { selector: 'textarea.reply' },
        sendButton: { selector: 'button.send' },
      },
    },
    {
      kind: 'orders',
      path: '^/orders',
      parts: {
        order: { selector: '[data-order-id]' },
        orderId: { selector: '.order-no', within: 'order', pattern: '订单号[:：]?\\s*(\\d{6,})' },
        status: { selector: '.order-status', within: 'order' },
        line: { selector: '.order-line', within: 'order' },
        lineTitle: { selector: '.title', within: 'line' },
        lineSkuCode: { selector: '.sku', within: 'line', pattern: '商家编码[:：]\\s*(\\S+)', optional: true },
        receiverAddress: { selector: '.address', within: 'order', pattern: '收货地址[:：]\\s*(.+)' },
      },
    },
  ],
};
