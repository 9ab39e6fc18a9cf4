import { localDay } from './local-day';
import type { ClockConversation, ClockRecord, WaitRecord } from './records';

/** What a console tab saw of one conversation in one look. */
export interface Observation {
  key: string;
  /** The buyer's last message is unanswered; null when the page does not say (e.g. a list without a waiting mark). */
  waiting: boolean | null;
  /** Every message on screen is the buyer's: nobody has answered them yet. */
  newBuyer?: boolean;
  /** The conversation came into the list while Xiaoer watched (not there when the page was first read). */
  appeared?: boolean;
  /** The page's own time of the first unanswered buyer message, where it shows one; sent on a tab's first look at
   * the conversation only (a reload), since afterwards the moment Xiaoer sees a change is the closer time. */
  pageSince?: number;
  /** Replies the agent sent that Xiaoer saw appear, each with the snippet inserted into it if any. */
  replies?: { snippetId?: string }[];
  /** The buyer's orders as the page shows them: the newest one's creation time, absent when they have none. */
  orders?: { newestAt?: number };
}

export interface Reconciled {
  conversation: ClockConversation;
  /** Records to put (new, or a wait now answered). */
  records: ClockRecord[];
}

/**
 * One observation applied to a conversation's stored state. A wait counts in the figures only when Xiaoer saw it
 * begin: the buyer was known answered before, or the conversation appeared while it watched. A buyer already
 * waiting the first time Xiaoer ever sees them is timed on the clock (from the page's time where shown) but left
 * out of the figures, since when they began is not reliably known.
 */
export function reconcile(prev: ClockConversation | undefined, seen: Observation, openWait: WaitRecord | undefined, now: number): Reconciled {
  const conversation: ClockConversation = prev
    ? { ...prev, updatedAt: now }
    : { key: seen.key, waitingSince: null, newBuyer: false, alerted: false, updatedAt: now };
  const records: ClockRecord[] = [];
  const waiting = prev?.waitingSince != null;

  const answer = (at: number) => {
    if (openWait && openWait.answeredAt == null) records.push({ ...openWait, answeredAt: at });
    Object.assign(conversation, { waitingSince: null, newBuyer: false, alerted: false, waitId: undefined });
  };

  (seen.replies ?? []).forEach((reply, i) => {
    records.push({ id: `r:${seen.key}:${now}:${i}`, kind: 'reply', key: seen.key, at: now, ...(reply.snippetId ? { snippetId: reply.snippetId } : {}) });
  });
  if (seen.replies?.length && waiting) answer(now);

  if (seen.waiting === false && conversation.waitingSince != null) answer(now);
  if (seen.waiting === true && conversation.waitingSince == null) {
    const live = !!prev || !!seen.appeared;
    // A page time never goes before the last moment the buyer was known answered, nor after now.
    const floor = prev?.updatedAt ?? -Infinity;
    const start = seen.pageSince != null ? Math.min(now, Math.max(floor, seen.pageSince)) : now;
    const newBuyer = !!seen.newBuyer || (!prev && !!seen.appeared);
    Object.assign(conversation, { waitingSince: start, newBuyer, alerted: false, waitId: undefined });
    if (live) {
      const wait: WaitRecord = { id: `w:${seen.key}:${start}`, kind: 'wait', key: seen.key, at: start, newBuyer };
      conversation.waitId = wait.id;
      records.push(wait);
    }
  }

  // A wait Xiaoer did not see begin, dated more closely now that the page shows its first message.
  if (seen.waiting !== false && conversation.waitingSince != null && !conversation.waitId && seen.pageSince != null && seen.pageSince < conversation.waitingSince) {
    conversation.waitingSince = seen.pageSince;
  }

  if (seen.orders) {
    // One record per buyer per day, the latest look: what the figures need, no history of looks.
    records.push({ id: `o:${seen.key}:${localDay(now)}`, kind: 'orders', key: seen.key, at: now, ...(seen.orders.newestAt != null ? { orderedAt: seen.orders.newestAt } : {}) });
  }
  return { conversation, records };
}
