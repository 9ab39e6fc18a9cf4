import type { IDBPDatabase } from 'idb';
import type { XiaoerDB } from '../db/schema';
import { orderRecordsCutoff, type OrderCareRecord, type RemarkRecord } from './order-records';
import { clock } from '@/utils/clock';

/** The verification marks of the given orders (absent: never verified). */
export async function orderStates(db: IDBPDatabase<XiaoerDB>, ids: string[]): Promise<Record<string, OrderCareRecord>> {
  const tx = db.transaction('orders');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  return Object.fromEntries(found.filter((r): r is OrderCareRecord => !!r).map((r) => [r.id, r]));
}

export async function markVerified(db: IDBPDatabase<XiaoerDB>, id: string, fingerprint: string, agentId: string): Promise<OrderCareRecord> {
  const now = clock.now();
  const record: OrderCareRecord = { id, fingerprint, verifiedAt: now, verifiedBy: agentId, updatedAt: now };
  await db.put('orders', record);
  await pruneOldRecords(db, now);
  return record;
}

/** Newest first; one order's, or all. */
export async function listRemarks(db: IDBPDatabase<XiaoerDB>, orderId?: string, limit = 500): Promise<RemarkRecord[]> {
  const all = orderId ? await db.getAllFromIndex('remarks', 'by-order', orderId) : await db.getAllFromIndex('remarks', 'by-at');
  return all.sort((a, b) => b.at - a.at).slice(0, limit);
}

/** Deletes marks and history older than ORDER_RECORDS_DAYS: they hold buyer-related data no feature needs then. */
export async function pruneOldRecords(db: IDBPDatabase<XiaoerDB>, now = clock.now()): Promise<void> {
  const before = IDBKeyRange.upperBound(orderRecordsCutoff(now));
  const tx = db.transaction(['orders', 'remarks'], 'readwrite');
  const old = [tx.objectStore('orders').index('by-updated').openCursor(before), tx.objectStore('remarks').index('by-at').openCursor(before)];
  for (let cursor of await Promise.all(old)) {
    while (cursor) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await tx.done;
}
