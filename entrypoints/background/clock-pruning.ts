import type { IDBPDatabase } from 'idb';
import type { XiaoerDB } from '@/utils/db/schema';
import { pruneClock } from '@/utils/response-clock/clock-store';
import { loadSettings } from '@/utils/settings/settings';

const PRUNE_EVERY_MS = 60 * 60_000;
let lastPrune = 0;

/** Old figures go even when nobody opens the popup: at most hourly (per worker life), a ranged delete on an index. */
export async function pruneClockHourly(db: IDBPDatabase<XiaoerDB>, now: number): Promise<void> {
  if (now - lastPrune <= PRUNE_EVERY_MS) return;
  lastPrune = now;
  await pruneClock(db, (await loadSettings()).clock.keepDays, now);
}
