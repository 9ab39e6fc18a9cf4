/** The longest a failing feed waits between tries. */
export const MAX_BACKOFF_MINUTES = 6 * 60;

/** When a feed is next due: its interval after a success, doubling per consecutive failure, capped. */
export function nextSyncDelayMinutes(intervalMinutes: number, failures: number): number {
  const base = Math.max(1, intervalMinutes);
  if (failures <= 0) return base;
  return Math.min(base * 2 ** Math.min(failures, 20), Math.max(MAX_BACKOFF_MINUTES, base));
}
