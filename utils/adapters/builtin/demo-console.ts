import type { Adapter } from '../adapter-schema';

/** Order fields, as laid out inside a container part (an order block, or the chat's order card). */
function orderFields(within: string, optional = false) {
  const fields = {
    orderId: { selector: '.trade-no', within, pattern: '(\\d{6,})' },
    status: { selector: '.trade-status', within },
    payType: { selector: '.pay-type', within },
    line: { selector: '.trade-item', within },
    lineTitle: { selector: '.item-title', within: 'line' },
    lineSkuCode: { selector: '.sku-code', within: 'line', pattern: '商家编码[:：]\\s*(.+)' },
    lineQty: { selector: '.item-qty', within: 'line', pattern: '(\\d+)' },
    receiverName: { selector: '.rcv-name', within },
    receiverPhone: { selector: '.rcv-phone', within },
    receiverAddress: { selector: '.rcv-addr', within },
    remarkText: { selector: '.memo-text', within },
  };
  // In the chat the order card is absent for buyers without orders; on the orders page the remark may be empty.
  return Object.fromEntries(
    Object.entries(fields).map(([name, part]) => [name, { ...part, optional: optional || name === 'remarkText' }]),
  );
}

/** The bundled demo seller console (test/demo), served on loopback. Tested end to end. */
export const demoConsoleAdapter: Adapter = {
  format: 'xiaoer-adapter',
  formatVersion: 1,
  id: 'demo-console',
  name: '演示卖家后台',
  version: 1,
  // 127.0.0.1 only: localhost stays free for a console no built-in adapter knows (custom adapters, tested end to end).
  matches: ['http://127.0.0.1/*'],
  pages: [
    {
      kind: 'items',
      path: '^/console/items',
      parts: {
        row: { selector: 'tr.next-table-row' },
        itemId: { selector: '.item-id', within: 'row', pattern: '(\\d+)' },
        title: { selector: '.item-title', within: 'row' },
        outerCode: { selector: '.outer-code', within: 'row', pattern: '商家编码[:：]\\s*(.+)' },
        pageStock: { selector: '.stock-num', within: 'row', pattern: '(\\d+)' },
      },
    },
    {
      kind: 'orders',
      path: '^/console/orders',
      parts: {
        order: { selector: '.trade-card' },
        ...orderFields('order'),
        createdAt: { selector: '.trade-time', within: 'order', pattern: '(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})' },
        buyerNick: { selector: '.buyer-nick', within: 'order' },
        remarkFlag: { selector: '.memo-flag', within: 'order', attribute: 'data-flag' },
        remarkEdit: { selector: '.memo-edit', within: 'order' },
        remarkDialog: { selector: '.memo-dialog', optional: true },
        remarkDialogOrderId: { selector: '.memo-dialog-order', within: 'remarkDialog', pattern: '(\\d{6,})', optional: true },
        remarkInput: { selector: 'textarea.memo-input', within: 'remarkDialog', optional: true },
        remarkFlagOption: { selector: 'input[name="memo-flag"]', within: 'remarkDialog', attribute: 'value', optional: true },
        remarkSave: { selector: '.memo-save', within: 'remarkDialog', optional: true },
      },
    },
    {
      kind: 'chat',
      path: '^/console/chat',
      parts: {
        conversation: { selector: 'li.conv-item' },
        conversationBuyer: { selector: '.conv-nick', within: 'conversation' },
        conversationUnread: { selector: '.conv-unread', within: 'conversation', pattern: '(\\d+)', optional: true },
        conversationWaiting: { selector: '.conv-waiting', within: 'conversation', optional: true },
        activeConversation: { selector: 'li.conv-item.is-active' },
        currentBuyer: { selector: '.chat-buyer-nick' },
        messageList: { selector: '.msg-list' },
        message: { selector: '.msg-row', within: 'messageList' },
        buyerMessage: { selector: '.msg-row.msg-from-buyer', within: 'messageList' },
        agentMessage: { selector: '.msg-row.msg-from-seller', within: 'messageList', optional: true },
        conversationTime: { selector: '.conv-time', within: 'conversation', optional: true },
        messageText: { selector: '.msg-bubble', within: 'message', optional: true },
        messageTime: { selector: '.msg-time', within: 'message' },
        replyInput: { selector: 'textarea.reply-input, .reply-editor[contenteditable="true"]' },
        sendButton: { selector: '.reply-send' },
        productCard: { selector: '.msg-goods-card', optional: true },
        productTitle: { selector: '.goods-title', within: 'productCard', optional: true },
        productCode: { selector: '.goods-code', within: 'productCard', pattern: '商家编码[:：]\\s*(.+)', optional: true },
        productStock: { selector: '.goods-stock', within: 'productCard', pattern: '(\\d+)', optional: true },
        orderCard: { selector: '.side-order-card', optional: true },
        ...orderFields('orderCard', true),
        createdAt: { selector: '.soc-time', within: 'orderCard', pattern: '(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})', optional: true },
      },
    },
  ],
};
