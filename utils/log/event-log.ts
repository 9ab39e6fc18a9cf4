import type { IDBPDatabase } from 'idb';
import type { LogEntry, XiaoerDB } from '../db/schema';

/** The log keeps this many entries; older ones are dropped as new ones arrive. */
export const LOG_LIMIT = 500;

export async function appendLog(db: IDBPDatabase<XiaoerDB>, entry: Omit<LogEntry, 'id'>): Promise<void> {
  const tx = db.transaction('events', 'readwrite');
  const store = tx.objectStore('events');
  await store.add(entry);
  const excess = (await store.count()) - LOG_LIMIT;
  if (excess > 0) {
    // Keys are auto-increment, so the first keys are the oldest entries.
    let cursor = await store.openCursor();
    for (let removed = 0; cursor && removed < excess; removed++) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await tx.done;
}

/** Newest first. */
export async function listLog(db: IDBPDatabase<XiaoerDB>, limit = LOG_LIMIT): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  let cursor = await db.transaction('events').store.openCursor(null, 'prev');
  while (cursor && entries.length < limit) {
    entries.push(cursor.value);
    cursor = await cursor.continue();
  }
  return entries;
}

export async function clearLog(db: IDBPDatabase<XiaoerDB>): Promise<void> {
  await db.clear('events');
}
