/**
 * The changes the worker announces, and who hears each: our own pages (popup, options), or console tabs too.
 * The one list: the worker's sender, the pages' zod check and the tabs' hand-written check all read it.
 * Settings travel through storage.onChanged instead.
 */
export const BROADCAST_AUDIENCE = {
  'log-changed': 'pages',
  'sources-changed': 'pages',
  'stock-changed': 'pages-and-tabs',
  'snippets-changed': 'pages-and-tabs',
  'remarks-changed': 'pages',
  'packs-changed': 'pages',
} as const;

export type BroadcastEvent = keyof typeof BROADCAST_AUDIENCE;

export const BROADCAST_EVENTS = Object.keys(BROADCAST_AUDIENCE) as [BroadcastEvent, ...BroadcastEvent[]];

/** The events a console tab receives (its content script accepts no other). */
export const TAB_BROADCAST_EVENTS: readonly BroadcastEvent[] = BROADCAST_EVENTS.filter((e) => BROADCAST_AUDIENCE[e] === 'pages-and-tabs');
