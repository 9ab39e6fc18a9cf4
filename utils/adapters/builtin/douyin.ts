import type { Adapter } from '../adapter-schema';

/**
 * 飞鸽 (im.jinritemai.com, React) and the 抖店 product list (fxg.jinritemai.com). Sources per part in ./notes.ts.
 * Hashed class names are never used: `data-qa-id` hooks, the `messageNotMe`/`messageIsMe` classes and `[class*=…]`
 * on the readable stem of a hashed name. 抖店's order rows have no public evidence, so there is no orders page.
 */
export const douyinAdapter: Adapter = {
  format: 'xiaoer-adapter',
  formatVersion: 1,
  id: 'douyin-shop',
  name: '抖店 / 飞鸽',
  version: 2,
  matches: ['https://fxg.jinritemai.com/*', 'https://im.jinritemai.com/*'],
  pages: [
    {
      kind: 'chat',
      path: '^/pc_seller_v2/main/workspace',
      parts: {
        conversation: { selector: '[data-qa-id="qa-conversation-chat-item"]' },
        conversationBuyer: { selector: '[class*="NameContent"]', within: 'conversation' },
        conversationUnread: { selector: '[class*="badge-count"]', within: 'conversation', pattern: '(\\d+)', optional: true },
        // The header's first span is the buyer; the second is its 添加备注 link.
        currentBuyer: { selector: '#topbar-left-info > span:first-child' },
        message: { selector: '[data-qa-id="qa-message-warpper"]' },
        buyerMessage: { selector: '[data-qa-id="qa-message-warpper"]:has(.messageNotMe)' },
        agentMessage: { selector: '[data-qa-id="qa-message-warpper"]:has(.messageIsMe)', optional: true },
        messageText: { selector: 'pre', within: 'message', optional: true },
        replyInput: { selector: 'textarea[data-qa-id="qa-send-message-textarea"]' },
        sendButton: { selector: '[data-qa-id="qa-send-message-button"]' },
      },
    },
    {
      kind: 'items',
      path: '^/ffa/g/list',
      parts: {
        row: { selector: 'tr.ecom-g-table-row[data-row-key]' },
        itemId: { selector: 'td', within: 'row', pattern: 'ID[:：]\\s*(\\d{6,})' },
        title: { selector: ':scope', within: 'row', column: '商品', optional: true },
        outerCode: { selector: ':scope', within: 'row', pattern: '商家编码[:：]\\s*([^\\s:：]+)', optional: true },
        // By its header: in the evidence the 4th column is sales (销量), not stock.
        pageStock: { selector: ':scope', within: 'row', column: '库存', pattern: '(\\d+)' },
      },
    },
  ],
};
