import type { PageParts } from '../adapters/page-parts';
import { parseConversationTimes, parsePageTime } from './page-time';
import { clock } from '@/utils/clock';

/** One conversation-list entry as the page shows it. */
export interface ListEntry {
  element: Element;
  buyer: string;
  active: boolean;
  /** The list's waiting mark; null when the adapter has no such part. */
  waiting: boolean | null;
  /** The list's time of the last message, where shown. */
  lastAt: number | null;
}

/** The open conversation's messages, reduced to what the clock needs. */
export interface OpenConversation {
  buyer: string;
  /** Messages on screen: none means the list is still loading (nothing is concluded from it). */
  messages: number;
  agentMessages: number;
  /** The last message is the buyer's. */
  waiting: boolean;
  /** The last message is the agent's (a new reply appears at the bottom; older history loads above). */
  lastFromAgent: boolean;
  /** Page time of the first buyer message after the agent's last one. */
  waitingSinceOnPage: number | null;
  /** The newest order's creation time in the side order card; null for none; undefined when the page shows no card part. */
  newestOrderAt?: number | null;
}

/** Reads the conversation list through the adapter. */
export function readConversationList(parts: PageParts<'chat'>, now = clock.now()): ListEntry[] {
  const hasMark = parts.has('conversationWaiting');
  return parts.all('conversation').flatMap((element) => {
    const buyer = parts.value('conversationBuyer', element);
    if (!buyer) return [];
    const time = parts.has('conversationTime') ? parts.value('conversationTime', element) : null;
    return [{
      element,
      buyer,
      active: parts.has('activeConversation') && parts.is('activeConversation', element),
      waiting: hasMark ? !!parts.first('conversationWaiting', element) : null,
      lastAt: time ? parsePageTime(time, now) : null,
    }];
  });
}

/** The buyer of the open conversation: the chat's header, else the list's active item; null when none is open. */
export function openBuyer(parts: PageParts<'chat'>, activeEntry: ListEntry | undefined): string | null {
  return parts.value('currentBuyer') ?? activeEntry?.buyer ?? null;
}

/** Reads the open conversation (buyer, messages, order card) through the adapter; null when none is open. */
export function readOpenConversation(parts: PageParts<'chat'>, activeEntry: ListEntry | undefined, now = clock.now()): OpenConversation | null {
  const buyer = openBuyer(parts, activeEntry);
  if (!buyer) return null;
  const messages = parts.all('message');
  const isAgent = (m: Element) => (parts.has('agentMessage') ? parts.is('agentMessage', m) : !parts.is('buyerMessage', m));
  const isBuyer = (m: Element) => parts.is('buyerMessage', m);
  let lastAgent = -1;
  messages.forEach((m, i) => { if (isAgent(m)) lastAgent = i; });
  const firstUnanswered = messages.findIndex((m, i) => i > lastAgent && isBuyer(m));
  // The messages from the first unanswered one on: its time is read against theirs, so a conversation that crossed
  // midnight is not read as a wait that began later than the messages after it.
  const unansweredTimes = firstUnanswered < 0 ? [] : parseConversationTimes(messages.slice(firstUnanswered).map((m) => parts.value('messageTime', m)), now);
  const last = messages.at(-1);
  const open: OpenConversation = {
    buyer,
    messages: messages.length,
    agentMessages: messages.filter(isAgent).length,
    waiting: !!last && isBuyer(last),
    lastFromAgent: !!last && isAgent(last),
    waitingSinceOnPage: unansweredTimes[0] ?? null,
  };
  if (parts.has('orderCard')) {
    const card = parts.first('orderCard');
    const created = card ? parts.value('createdAt', card) : null;
    open.newestOrderAt = created ? parsePageTime(created, now) : null;
  }
  return open;
}
