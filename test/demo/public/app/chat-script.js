// Timed chat from test/demo/data/chat-script.json (via data.js chatScript). The schedule is anchored at the first
// time the chat route is shown and kept in session state, so leaving the route (or reloading) does not restart it.
// ?script=NAME picks a script (default, day; off = none). With ?agent=script the demo's scripted agent also plays
// the agent's replies (opening the conversation typingMs before `at`, then the reply box and the send button, like
// a person) and the buyers' orders; snippet replies are left to the tests.
import { chatScript, chatScriptFile, newBuyers, catalog, shanghaiIso } from './data.js';
import { latestOrder } from './shop.js';
import { addOrder, getChat, getOrder, updateChat } from './store.js';

let timer = null;
let visibleUid = null; // conversation on screen, which gets no unread count
let agent = null; // the chat view's hands: { open(uid), type(text), send() }

/** Chat view tells which conversation is on screen (null when not on /console/chat). */
export function setVisibleConversation(uid) {
  visibleUid = uid;
}

/** Chat view lends the scripted agent its reply box while it is mounted. */
export function setScriptedAgent(hands) {
  agent = hands;
}

/** Called when the chat route is shown. `speed` divides every delay. */
export function startScript({ speed = 1, off = false, name = 'default', scriptedAgent = false } = {}) {
  if (getChat().script.startedAt == null) {
    if (off) return;
    updateChat((c) => { c.script = { startedAt: Date.now(), delivered: 0, speed, name, agent: scriptedAgent }; }, 'script');
  }
  scheduleNext();
}

/** At app boot: continue a schedule that was started earlier in this session. */
export function resumeScript() {
  if (getChat().script.startedAt != null) scheduleNext();
}

/** The steps this demo plays, in the order they start (an agent step starts typingMs before its `at`). */
function playedSteps({ name, agent: withAgent, speed }) {
  const typing = chatScriptFile.typingMs;
  return chatScript(name)
    .filter((s) => !s.snippet && (withAgent || !s.from || s.from === 'buyer'))
    .map((s) => ({ ...s, startAt: s.at / speed - (s.from === 'agent' ? typing : 0) }))
    .sort((a, b) => a.startAt - b.startAt);
}

function scheduleNext() {
  if (timer) return; // already ticking: never restart
  const script = getChat().script;
  const entry = script.startedAt != null ? playedSteps(script)[script.delivered] : null;
  if (!entry) return;
  const wait = Math.max(0, script.startedAt + entry.startAt - Date.now());
  timer = setTimeout(() => {
    timer = null;
    updateChat((c) => { c.script.delivered += 1; }, 'script');
    play(entry);
    scheduleNext();
  }, wait);
}

function play(entry) {
  if (entry.from === 'agent') return agentReply(entry);
  if (entry.from === 'order') return placeOrder(entry.uid);
  deliver(entry);
}

/** The scripted agent: opens the conversation, types the reply (input events) and presses the page's send button. */
function agentReply(entry) {
  if (!agent) {
    // Not on the chat page: the reply is sent all the same (as from another device).
    updateChat((c) => { c.convs[entry.uid]?.messages.push({ from: 'seller', text: entry.text, at: Date.now() }); }, 'sent');
    return;
  }
  agent.open(entry.uid);
  setTimeout(() => {
    if (!agent) return;
    agent.type(entry.text);
    agent.send();
  }, chatScriptFile.typingMs);
}

/** The buyer places an order: a new unpaid order, shown in the order list and the chat's order card. */
function placeOrder(uid) {
  const conv = getChat().convs[uid];
  if (!conv) return;
  const at = Date.now();
  const item = catalog[3];
  const sku = item.skus[0];
  const orderId = `9${String(at).slice(-12)}${uid.slice(-5)}`;
  if (getOrder(orderId)) return;
  addOrder({
    orderId,
    createdAt: shanghaiIso(at),
    buyerNick: conv.nick,
    status: 'WAIT_BUYER_PAY',
    payType: '在线支付',
    receiver: { name: '林小姐', phone: '13800138000', address: '广东省深圳市南山区粤海街道科技园科兴科学园A栋1201' },
    lines: [{ itemId: item.itemId, title: item.title, skuCode: sku.skuCode, outerCode: item.outerCode, props: sku.props, qty: 1, price: sku.price }],
    remark: '',
    flag: 0,
  });
  updateChat((c) => { c.convs[uid].orderId = orderId; }, 'orders');
}

function deliver(entry) {
  updateChat((c) => {
    let conv = c.convs[entry.uid];
    if (!conv) {
      // A brand-new buyer: joins the list with their first message.
      const nick = entry.nick ?? newBuyers[entry.uid]?.nick ?? entry.uid;
      conv = c.convs[entry.uid] = {
        uid: entry.uid, nick, avatar: [...nick][0].toUpperCase(), unread: 0,
        orderId: latestOrder(nick)?.orderId ?? null, messages: [],
      };
    }
    const at = Date.now();
    conv.messages.push(entry.card ? { from: 'buyer', card: entry.card, at } : { from: 'buyer', text: entry.text, at });
    if (visibleUid !== entry.uid) conv.unread += 1;
    c.order = [entry.uid, ...c.order.filter((u) => u !== entry.uid)];
  }, 'message');
}
