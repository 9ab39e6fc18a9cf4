import type { Broadcast, BroadcastEvent } from '@/utils/messaging/protocol';

/** Events only our own pages (popup, options) care about; the rest also go to console tabs. */
const PAGES_ONLY: readonly BroadcastEvent[] = ['log-changed', 'sources-changed', 'remarks-changed', 'packs-changed'];

/** Tells open pages (and console tabs, where relevant) that something changed, so they refresh. */
export async function broadcast(event: BroadcastEvent): Promise<void> {
  const message: Broadcast = { type: 'broadcast', event };
  // No listener on the other side is normal, never an error.
  await quietly(() => browser.runtime.sendMessage(message));
  if (PAGES_ONLY.includes(event)) return;
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => tab.id != null && quietly(() => browser.tabs.sendMessage(tab.id!, message))));
}

async function quietly(send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch {
    // Nobody listening.
  }
}
