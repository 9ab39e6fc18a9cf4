import type { IDBPDatabase } from 'idb';
import type { XiaoerDB } from '../db/schema';
import { pruneOldRecords } from './order-store';
import { PENDING_REMARK_MAX_AGE_MS, type PendingRemark, type RemarkRecord } from './order-records';

// A remark is recorded as pending before it goes into the order's editor, and settled once it is known whether the
// editor took it: kept (into the history, under the same id) or dropped. Both steps may be asked twice (a message
// sent again, two pages settling the same remark): the id makes them do their work once.

export async function recordPending(db: IDBPDatabase<XiaoerDB>, pending: PendingRemark): Promise<void> {
  const tx = db.transaction(['pendingRemarks', 'remarks'], 'readwrite');
  // Settled already: a late resend must not make it pending again.
  if (!(await tx.objectStore('remarks').get(pending.id))) await tx.objectStore('pendingRemarks').put(pending);
  await tx.done;
}

/** What settling answers: the history record (null when dropped or never pending), and the pending remark this call settled. */
export interface Settled {
  record: RemarkRecord | null;
  /** Null when it was settled before (asked twice): only one call says what it did. */
  settledNow: PendingRemark | null;
}

/** Settles a pending remark: `written` puts it into the history (also answered when that happened before), else it is dropped. */
export async function settlePending(db: IDBPDatabase<XiaoerDB>, id: string, written: boolean): Promise<Settled> {
  const tx = db.transaction(['pendingRemarks', 'remarks'], 'readwrite');
  const pending = await tx.objectStore('pendingRemarks').get(id);
  if (!pending) {
    const settled = (await tx.objectStore('remarks').get(id)) ?? null;
    await tx.done;
    return { record: settled, settledNow: null };
  }
  const { tabId: _tab, writer: _writer, ...record } = pending;
  if (written) await tx.objectStore('remarks').put(record);
  await tx.objectStore('pendingRemarks').delete(id);
  await tx.done;
  if (written) await pruneOldRecords(db, record.at);
  return { record: written ? record : null, settledNow: pending };
}

/** The remarks still pending in a console tab that another script than `notFrom` writes or wrote, oldest first. */
export async function pendingOfTab(db: IDBPDatabase<XiaoerDB>, tabId: number, notFrom: string): Promise<PendingRemark[]> {
  return (await db.getAllFromIndex('pendingRemarks', 'by-tab', tabId)).filter((p) => p.writer !== notFrom).sort((a, b) => a.at - b.at);
}

/**
 * Drops pending remarks older than PENDING_REMARK_MAX_AGE_MS: no page settled them (the tab was closed, the order
 * left the page), and nobody can tell any more whether the editor took them. Answers what it dropped, to be logged.
 */
export async function dropStalePending(db: IDBPDatabase<XiaoerDB>, now: number): Promise<PendingRemark[]> {
  const tx = db.transaction('pendingRemarks', 'readwrite');
  const stale = (await tx.store.getAll()).filter((p) => p.at < now - PENDING_REMARK_MAX_AGE_MS);
  await Promise.all(stale.map((p) => tx.store.delete(p.id)));
  await tx.done;
  return stale;
}
