/**
 * The semantic parts a page kind can have. Features name these, never selectors;
 * adapters map them to selectors. Keep names stable: they are part of the adapter JSON contract.
 */
const ORDER_FIELDS = [
  'orderId', 'status', 'payType', 'buyerNick', 'createdAt',
  'line', 'lineTitle', 'lineSkuCode', 'lineOuterCode', 'lineQty',
  'receiverName', 'receiverPhone', 'receiverAddress',
  'remarkText', 'remarkFlag', 'remarkEdit',
] as const;

export const PART_NAMES = {
  items: ['row', 'itemId', 'title', 'outerCode', 'skuCode', 'pageStock'],
  orders: [
    'order', ...ORDER_FIELDS,
    'remarkDialog', 'remarkDialogOrderId', 'remarkInput', 'remarkFlagOption', 'remarkSave',
  ],
  chat: [
    'conversation', 'conversationBuyer', 'conversationUnread', 'conversationWaiting', 'activeConversation',
    'currentBuyer', 'messageList', 'message', 'buyerMessage', 'messageText', 'messageTime',
    'replyInput', 'sendButton',
    'productCard', 'productTitle', 'productCode', 'productStock',
    'orderCard', ...ORDER_FIELDS,
    // Response clock (optional): the agent's own messages where the page marks them (else: a message not the
    // buyer's), and the last-message time in a conversation-list item.
    'agentMessage', 'conversationTime',
  ],
  // A page of a known console that shows none of the above, or that no page entry describes: only what needs no
  // part runs there (the snippet palette in any focused text box).
  generic: [],
} as const;

export type PageKind = keyof typeof PART_NAMES;
export type PartName<K extends PageKind = PageKind> = (typeof PART_NAMES)[K][number];
export const PAGE_KINDS = Object.keys(PART_NAMES) as PageKind[];
