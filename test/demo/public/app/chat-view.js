// 接待中心 (千牛 web workbench style): conversation list, messages, reply box
// and the buyer's latest order. Timer messages re-render list, messages and
// the reply box (which drops any value that did not come through `input`).
// URL: ?script=off ?speed=N ?editor=rich ?uid=UID
import { catalogById, STATUS_TEXT } from './data.js';
import { h } from './dom.js';
import { chatTime, isoToDisplay } from './format.js';
import { getChat, getOrder, subscribe, updateChat } from './store.js';
import { startScript, setVisibleConversation, setScriptedAgent } from './chat-script.js';
import { createReplyBox } from './reply-box.js';
import { tradeLine, receiverBlock, statusSpan, payTypeSpan, memoFlag } from './trade-parts.js';

const preview = (m) => (m.card ? `[商品] ${catalogById.get(m.card)?.title ?? m.card}` : m.text);

function convItem(conv, active, onClick) {
  const last = conv.messages.at(-1);
  const waiting = last?.from === 'buyer';
  return h('li', { class: 'conv-item' + (active ? ' is-active' : ''), 'data-uid': conv.uid, onclick: onClick },
    h('span', { class: 'conv-avatar' }, conv.avatar),
    h('span', { class: 'conv-main' },
      h('span', { class: 'conv-line' },
        h('span', { class: 'conv-nick' }, conv.nick),
        h('span', { class: 'conv-time' }, last ? chatTime(last.at) : '')),
      h('span', { class: 'conv-line' },
        h('span', { class: 'conv-last' }, last ? preview(last) : ''),
        waiting && h('i', { class: 'conv-waiting', title: '待回复' }),
        conv.unread > 0 && h('em', { class: 'conv-unread' }, String(conv.unread)))),
  );
}

function goodsCard(itemId) {
  const item = catalogById.get(itemId);
  if (!item) return h('div', { class: 'msg-bubble' }, '[商品已失效]');
  return h('div', { class: 'msg-goods-card', 'data-item': item.itemId },
    h('span', { class: 'goods-title' }, item.title),
    h('span', { class: 'goods-code' }, `商家编码：${item.outerCode}`),
    h('span', { class: 'goods-price' }, `¥${item.price}`),
    h('span', { class: 'goods-stock' }, `库存 ${item.pageStock}`));
}

function msgRow(m) {
  return h('div', { class: `msg-row msg-from-${m.from === 'seller' ? 'seller' : 'buyer'}` },
    m.card ? goodsCard(m.card) : h('div', { class: 'msg-bubble' }, m.text),
    h('span', { class: 'msg-time' }, chatTime(m.at, { seconds: true })));
}

function orderCard(order) {
  if (!order) return h('div', { class: 'side-empty' }, '暂无订单');
  return h('div', { class: 'side-order-card' },
    h('div', { class: 'soc-head' },
      h('span', { class: 'trade-no' }, `订单号：${order.orderId}`),
      statusSpan(order)),
    h('div', { class: 'soc-meta' },
      h('span', { class: 'soc-time' }, isoToDisplay(order.createdAt)),
      payTypeSpan(order)),
    h('div', { class: 'soc-lines' }, order.lines.map(tradeLine)),
    h('div', { class: 'soc-section-title' }, '收货信息'),
    receiverBlock(order.receiver),
    h('div', { class: 'soc-section-title' }, '卖家备注'),
    h('div', { class: 'memo' }, memoFlag(order.flag), h('span', { class: 'memo-text' }, order.remark)));
}

export function mountChat(main) {
  const q = new URLSearchParams(location.search);
  const speed = Number(q.get('speed')) > 0 ? Number(q.get('speed')) : 1;
  const script = q.get('script');
  startScript({ speed, off: script === 'off', name: script ?? 'default', scriptedAgent: q.get('agent') === 'script' });

  const chat = getChat();
  let active = [q.get('uid'), chat.active, chat.order[0]].find((u) => u && chat.convs[u]);
  const drafts = new Map(); // per-conversation drafts, like the real workbench

  const list = h('ul', { class: 'conv-list' });
  const nick = h('span', { class: 'chat-buyer-nick' });
  const nickInfo = h('span', { class: 'chat-buyer-info' });
  const msgs = h('div', { class: 'msg-list' });
  const side = h('div', { class: 'side-body' });
  const sent = (window.__demoSent ??= []);

  const reply = createReplyBox({
    rich: q.get('editor') === 'rich',
    onSend(text) {
      const uid = active;
      const at = Date.now();
      sent.push({ uid, text, at });
      updateChat((c) => {
        c.convs[uid].messages.push({ from: 'seller', text, at });
        c.order = [uid, ...c.order.filter((u) => u !== uid)];
      }, 'sent');
    },
  });

  main.append(h('div', { class: 'chat-layout' },
    h('section', { class: 'conv-pane' },
      h('div', { class: 'conv-search' }, h('input', { class: 'qn-input', placeholder: '搜索联系人/聊天记录' })),
      h('div', { class: 'conv-tabs' }, h('span', { class: 'conv-tab is-active' }, '当前咨询'), h('span', { class: 'conv-tab' }, '最近联系')),
      list),
    h('section', { class: 'chat-pane' },
      h('div', { class: 'chat-header' }, nick, nickInfo),
      msgs,
      h('div', { class: 'reply-area' },
        h('div', { class: 'reply-toolbar' },
          ['表情', '图片', '快捷短语', '商品', '优惠券'].map((t) => h('span', { class: 'reply-tool' }, t))),
        reply.el,
        h('div', { class: 'reply-foot' },
          h('span', { class: 'reply-tip' }, 'Enter 发送，Shift+Enter 换行'),
          h('button', { type: 'button', class: 'reply-send', onclick: () => reply.send() }, '发送')))),
    h('aside', { class: 'side-panel' },
      h('div', { class: 'side-tabs' },
        h('span', { class: 'side-tab is-active' }, '订单'), h('span', { class: 'side-tab' }, '客户'), h('span', { class: 'side-tab' }, '商品')),
      side),
  ));

  function renderList() {
    const c = getChat();
    list.replaceChildren(...c.order.map((uid) => convItem(c.convs[uid], uid === active, () => select(uid))));
  }

  function renderCentre() {
    const conv = getChat().convs[active];
    nick.textContent = conv?.nick ?? '';
    nickInfo.textContent = conv ? '来自 手机淘宝' : '';
    msgs.replaceChildren(...(conv?.messages ?? []).map(msgRow));
    msgs.scrollTop = msgs.scrollHeight;
  }

  function renderSide() {
    const conv = getChat().convs[active];
    const order = conv?.orderId ? getOrder(conv.orderId) : null;
    side.replaceChildren(
      h('div', { class: 'side-buyer' }, conv ? `${conv.nick}` : '',
        order && h('span', { class: 'side-buyer-tag' }, STATUS_TEXT[order.status])),
      orderCard(order));
  }

  function renderAll() {
    renderList();
    renderCentre();
    renderSide();
    reply.render();
  }

  function select(uid) {
    if (!getChat().convs[uid]) return;
    drafts.set(active, reply.state.draft);
    active = uid;
    setVisibleConversation(uid);
    updateChat((c) => { c.active = uid; c.convs[uid].unread = 0; }, 'select');
    reply.setDraft(drafts.get(uid) ?? '');
  }

  setVisibleConversation(active ?? null);
  if (active) updateChat((c) => { c.active = active; c.convs[active].unread = 0; }, 'select');
  renderAll();

  const unsubscribe = subscribe((what) => {
    if (what === 'orders') renderSide();
    else if (what !== 'script') renderAll();
  });
  // The scripted agent (?agent=script) uses the same hands as a person: the list item, the reply box, the send button.
  const sendButton = main.querySelector('.reply-send');
  setScriptedAgent({
    open(uid) {
      list.querySelector(`li.conv-item[data-uid="${uid}"]`)?.click();
    },
    type(text) {
      if (reply.el instanceof HTMLTextAreaElement) reply.el.value = text;
      else reply.el.textContent = text;
      reply.el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    send() {
      sendButton.click();
    },
  });
  return () => { unsubscribe(); setVisibleConversation(null); setScriptedAgent(null); };
}
