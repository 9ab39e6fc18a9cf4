import type { IDBPDatabase } from 'idb';
import type { XiaoerDB } from '@/utils/db/schema';
import { pruneClock } from '@/utils/response-clock/clock-store';
import { pruneOldRecords } from '@/utils/orders/order-store';
import { dropStalePending } from '@/utils/orders/pending-remarks';
import { appendLog } from '@/utils/log/event-log';
import { t } from '@/utils/i18n';
import { loadSettings } from '@/utils/settings/settings';

const PRUNE_EVERY_MS = 60 * 60_000;
let lastPrune = 0;

/**
 * Old buyer data goes even when nobody opens the popup or writes a remark: response-clock figures, verification
 * marks and remarks, and remarks left pending that no page settled, at most hourly (per worker life), each a ranged
 * delete on an index. Called by clock requests and by the worker's one-minute alarm.
 */
export async function pruneBuyerDataHourly(db: IDBPDatabase<XiaoerDB>, now: number): Promise<void> {
  if (now - lastPrune <= PRUNE_EVERY_MS) return;
  lastPrune = now;
  await pruneClock(db, (await loadSettings()).clock.keepDays, now);
  await pruneOldRecords(db, now);
  for (const stale of await dropStalePending(db, now)) {
    await appendLog(db, { at: now, level: 'warn', scope: 'order-care', message: t('orderRemarkLeftStale', stale.orderId) });
  }
}
