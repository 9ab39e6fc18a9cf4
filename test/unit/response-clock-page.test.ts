import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageParts } from '@/utils/adapters/page-parts';
import { demoConsoleAdapter } from '@/utils/adapters/builtin/demo-console';
import { readConversationList, readOpenConversation } from '@/utils/response-clock/read-chat';
import { buyerKey } from '@/utils/response-clock/buyer-key';
import { COMMAND_MESSAGES, runCommand } from '@/entrypoints/background/commands';

const chatPage = demoConsoleAdapter.pages.find((p) => p.kind === 'chat')!;
const noon = new Date(2026, 10, 25, 12, 0, 0).getTime();

// The demo chat's markup (test/demo/README.md, "Chat").
const conv = (uid: string, nick: string, time: string, waiting: boolean, active = false) =>
  `<li class="conv-item${active ? ' is-active' : ''}" data-uid="${uid}"><span class="conv-nick">${nick}</span>
   <span class="conv-time">${time}</span>${waiting ? '<i class="conv-waiting" title="待回复"></i>' : ''}</li>`;
const msg = (from: 'buyer' | 'seller', time: string) =>
  `<div class="msg-row msg-from-${from}"><div class="msg-bubble">…</div><span class="msg-time">${time}</span></div>`;

describe('reading the chat through the adapter', () => {
  it('reads list entries, the open conversation, its first unanswered message time and the order card', () => {
    document.body.innerHTML = `<ul class="conv-list">${conv('1', 'tb_小鹿酱', '10:19', true, true)}${conv('2', '晴天小雨2019', '09:05', false)}</ul>
      <span class="chat-buyer-nick">tb_小鹿酱</span>
      <div class="msg-list">${msg('buyer', '09:41:12')}${msg('seller', '09:41:40')}${msg('buyer', '09:44:05')}${msg('buyer', '10:19:32')}</div>
      <div class="side-order-card"><span class="trade-no">订单号：456224357769378261</span><span class="soc-time">2026-11-25 10:20:28</span></div>`;
    const parts = new PageParts<'chat'>(chatPage);
    const list = readConversationList(parts, noon);
    expect(list.map(({ buyer, active, waiting, lastAt }) => ({ buyer, active, waiting, lastAt }))).toEqual([
      { buyer: 'tb_小鹿酱', active: true, waiting: true, lastAt: new Date(2026, 10, 25, 10, 19).getTime() },
      { buyer: '晴天小雨2019', active: false, waiting: false, lastAt: new Date(2026, 10, 25, 9, 5).getTime() },
    ]);
    expect(readOpenConversation(parts, list[0], noon)).toEqual({
      buyer: 'tb_小鹿酱',
      messages: 4,
      agentMessages: 1,
      waiting: true,
      lastFromAgent: false,
      waitingSinceOnPage: new Date(2026, 10, 25, 9, 44, 5).getTime(),
      newestOrderAt: new Date(2026, 10, 25, 10, 20, 28).getTime(),
    });
  });

  it('sees an answered conversation and a buyer without orders', () => {
    document.body.innerHTML = `<ul class="conv-list">${conv('3', '西瓜太郎', '08:13', false, true)}</ul><span class="chat-buyer-nick">西瓜太郎</span>
      <div class="msg-list">${msg('buyer', '08:12:30')}${msg('seller', '08:13:02')}</div><div class="side-empty">暂无订单</div>`;
    const parts = new PageParts<'chat'>(chatPage);
    const open = readOpenConversation(parts, readConversationList(parts, noon)[0], noon)!;
    expect([open.waiting, open.lastFromAgent, open.waitingSinceOnPage, open.newestOrderAt]).toEqual([false, true, null, null]);
  });
});

describe('buyer keys', () => {
  it('are stable per console and buyer, differ across consoles, and do not contain the name', async () => {
    const secret = 'c3'.repeat(32);
    const a = await buyerKey(secret, 'demo-console', 'tb_小鹿酱');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(await buyerKey(secret, 'demo-console', ' tb_小鹿酱 ')).toBe(a);
    expect(await buyerKey(secret, 'other-console', 'tb_小鹿酱')).not.toBe(a);
  });
});

describe('keyboard commands', () => {
  it('sends the jump to the active tab, and the palette command its own message', async () => {
    fakeBrowser.reset();
    const tab = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1:5317/console/chat', active: true });
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_id: number, message: unknown) => void sent.push(message));
    await runCommand('jump-to-waiting');
    await runCommand('open-snippets');
    await runCommand('unknown');
    expect(sent).toEqual([{ type: 'clock.jump' }, { type: 'palette.open' }]);
    expect(Object.keys(COMMAND_MESSAGES)).toEqual(['open-snippets', 'jump-to-waiting']);
  });
});
