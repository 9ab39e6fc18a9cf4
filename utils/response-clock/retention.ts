const DAY = 24 * 60 * 60 * 1000;
export const DEFAULT_KEEP_DAYS = 30;

/** Records older than this moment are deleted: `keepDays` whole local days, today included. */
export function retentionCutoff(keepDays: number, now = Date.now()): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - (Math.max(1, keepDays) - 1)).getTime();
}

/** Whether a record stamped `at` is past keeping. */
export function isExpired(at: number, keepDays: number, now = Date.now()): boolean {
  return at < retentionCutoff(keepDays, now);
}

export { DAY };
