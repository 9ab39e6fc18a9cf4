import { BROADCAST_AUDIENCE, type BroadcastEvent } from '@/utils/messaging/broadcast-events';
import type { Broadcast } from '@/utils/messaging/protocol';
import { quietly } from '@/utils/runtime/quietly';

/** Tells open pages (and console tabs, where the event is theirs too) that something changed, so they refresh. */
export async function broadcast(event: BroadcastEvent): Promise<void> {
  const message: Broadcast = { type: 'broadcast', event };
  // No listener on the other side is normal, never an error.
  await quietly(() => browser.runtime.sendMessage(message));
  if (BROADCAST_AUDIENCE[event] === 'pages') return;
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => tab.id != null && quietly(() => browser.tabs.sendMessage(tab.id!, message))));
}
