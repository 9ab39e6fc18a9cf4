import type { Adapter } from '../adapter-schema';

/** 咚咚 on the web (dongdong.jd.com), JD's agent chat: one page. Sources per part in ./notes.ts. */
export const dongdongAdapter: Adapter = {
  format: 'xiaoer-adapter',
  formatVersion: 1,
  id: 'jd-dongdong',
  name: '京东咚咚',
  version: 1,
  matches: ['https://dongdong.jd.com/*'],
  pages: [
    {
      kind: 'chat',
      path: '^/',
      parts: {
        conversation: { selector: '#t-alluser-wrap .alluser-item' },
        conversationBuyer: { selector: '.alluser-item-name', within: 'conversation' },
        currentBuyer: { selector: '.chat-head-name > span' },
        messageList: { selector: '#t-chat-scroll' },
        message: { selector: '.message', within: 'messageList' },
        buyerMessage: { selector: '.message:is(.message_left, :has(.message_left))', within: 'messageList' },
        agentMessage: { selector: '.message:is(.message_right, :has(.message_right))', within: 'messageList', optional: true },
        messageText: { selector: '.message__content', within: 'message', optional: true },
        replyInput: { selector: '.EditorContent[contenteditable="true"]' },
        sendButton: { selector: '.SendButtonGroup > .send-button' },
      },
    },
  ],
};
