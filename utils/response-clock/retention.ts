import { clock } from '@/utils/clock';

/** Records before this moment are deleted: `keepDays` whole local days are kept, today included. */
export function retentionCutoff(keepDays: number, now = clock.now()): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - (Math.max(1, keepDays) - 1)).getTime();
}
