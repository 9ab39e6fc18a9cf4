// Buyer messages arriving on a timer (data.js chatScript). The schedule is
// anchored at the first time the chat route is shown and kept in session
// state, so leaving the route (or reloading) does not restart it.
import { chatScript, newBuyers, latestOrderOf } from './data.js';
import { getChat, updateChat } from './store.js';

let timer = null;
let visibleUid = null; // conversation on screen, which gets no unread count

/** Chat view tells which conversation is on screen (null when not on /console/chat). */
export function setVisibleConversation(uid) {
  visibleUid = uid;
}

/** Called when the chat route is shown. `speed` divides every delay. */
export function startScript({ speed = 1, off = false } = {}) {
  if (getChat().script.startedAt == null) {
    if (off) return;
    updateChat((c) => { c.script = { startedAt: Date.now(), delivered: 0, speed }; }, 'script');
  }
  scheduleNext();
}

/** At app boot: continue a schedule that was started earlier in this session. */
export function resumeScript() {
  if (getChat().script.startedAt != null) scheduleNext();
}

function scheduleNext() {
  if (timer) return; // already ticking: never restart
  const { startedAt, delivered, speed } = getChat().script;
  const entry = chatScript[delivered];
  if (startedAt == null || !entry) return;
  const wait = Math.max(0, startedAt + entry.at / speed - Date.now());
  timer = setTimeout(() => {
    timer = null;
    deliver(entry);
    scheduleNext();
  }, wait);
}

function deliver(entry) {
  updateChat((c) => {
    let conv = c.convs[entry.uid];
    if (!conv) {
      // A brand-new buyer: joins the list with their first message.
      const nick = entry.nick ?? newBuyers[entry.uid]?.nick ?? entry.uid;
      conv = c.convs[entry.uid] = {
        uid: entry.uid, nick, avatar: [...nick][0].toUpperCase(), unread: 0,
        orderId: latestOrderOf(nick)?.orderId ?? null, messages: [],
      };
    }
    const at = Date.now();
    conv.messages.push(entry.card ? { from: 'buyer', card: entry.card, at } : { from: 'buyer', text: entry.text, at });
    if (visibleUid !== entry.uid) conv.unread += 1;
    c.order = [entry.uid, ...c.order.filter((u) => u !== entry.uid)];
    c.script.delivered += 1;
  }, 'message');
}
