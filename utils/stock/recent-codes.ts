/**
 * The product codes each console host asked about lately, so that a page of that host can have their stock in hand
 * before its rows arrive (agents reload and page through the same lists all day). Kept in `storage.session`: in
 * memory, across worker restarts, gone when the browser closes. Product codes only: nothing about buyers.
 */
export const MAX_RECENT_CODES = 3000;

/** The storage key of a host's recent codes (`host` with its port, as a tab's URL gives it). */
export const recentCodesKey = (host: string) => `recentStockCodes:${host}`;

export async function recentCodes(host: string): Promise<string[]> {
  const key = recentCodesKey(host);
  const stored = (await browser.storage.session.get(key))[key];
  return Array.isArray(stored) ? stored.filter((code): code is string => typeof code === 'string') : [];
}

/** Newest last; codes asked again move to the end; the oldest fall off past MAX_RECENT_CODES. */
export function mergeRecent(previous: readonly string[], asked: readonly string[]): string[] {
  const fresh = new Set(asked);
  const kept = previous.filter((code) => !fresh.has(code));
  return [...kept, ...fresh].slice(-MAX_RECENT_CODES);
}

export async function rememberCodes(host: string, asked: readonly string[]): Promise<void> {
  if (asked.length === 0) return;
  await browser.storage.session.set({ [recentCodesKey(host)]: mergeRecent(await recentCodes(host), asked) });
}
