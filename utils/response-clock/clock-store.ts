import type { IDBPDatabase } from 'idb';
import type { XiaoerDB } from '../db/schema';
import type { ClockConversation, ClockRecord, WaitRecord } from './records';
import { reconcile, type Observation } from './reconcile';
import { retentionCutoff } from './retention';
import { clock } from '@/utils/clock';

/** What a tab shows for a conversation: the worker's record of the current wait. */
export interface WaitState {
  waitingSince: number | null;
  newBuyer: boolean;
  /** The wait counts in the day figures (Xiaoer saw it begin). */
  counted: boolean;
}

const stateOf = (c: ClockConversation): WaitState => ({ waitingSince: c.waitingSince, newBuyer: c.newBuyer, counted: !!c.waitId });

/** Applies a tab's observations in one transaction: a worker stopped midway loses nothing already answered for. */
export async function applyObservations(db: IDBPDatabase<XiaoerDB>, observations: Observation[], now = clock.now()): Promise<Record<string, WaitState>> {
  const tx = db.transaction(['clockConversations', 'clockRecords'], 'readwrite');
  const convs = tx.objectStore('clockConversations');
  const records = tx.objectStore('clockRecords');
  const states: Record<string, WaitState> = {};
  for (const seen of observations) {
    const prev = await convs.get(seen.key);
    const open = prev?.waitId ? ((await records.get(prev.waitId)) as WaitRecord | undefined) : undefined;
    const { conversation, records: changed } = reconcile(prev, seen, open, now);
    await convs.put(conversation);
    for (const record of changed) await records.put(record);
    states[seen.key] = stateOf(conversation);
  }
  await tx.done;
  return states;
}

/** The stored waits of the given conversations (unknown keys are left out). */
export async function waitStates(db: IDBPDatabase<XiaoerDB>, keys: string[]): Promise<Record<string, WaitState>> {
  const tx = db.transaction('clockConversations');
  const found = await Promise.all(keys.map((key) => tx.store.get(key)));
  return Object.fromEntries(found.filter((c): c is ClockConversation => !!c).map((c) => [c.key, stateOf(c)]));
}

/** Marks the alert given for the current wait; true only the first time (one alert per buyer per wait). */
export async function takeAlert(db: IDBPDatabase<XiaoerDB>, key: string, waitingSince: number): Promise<boolean> {
  const tx = db.transaction('clockConversations', 'readwrite');
  const conv = await tx.store.get(key);
  if (!conv || conv.waitingSince == null || conv.waitingSince !== waitingSince || conv.alerted) {
    await tx.done;
    return false;
  }
  await tx.store.put({ ...conv, alerted: true });
  await tx.done;
  return true;
}

/** Buyers waiting whose alert was given: the number on the extension icon. */
export async function overdueCount(db: IDBPDatabase<XiaoerDB>): Promise<number> {
  return (await db.getAll('clockConversations')).filter((c) => c.waitingSince != null && c.alerted).length;
}

export async function recordsSince(db: IDBPDatabase<XiaoerDB>, from: number): Promise<ClockRecord[]> {
  return db.getAllFromIndex('clockRecords', 'by-at', IDBKeyRange.lowerBound(from));
}

/** Deletes day records and idle conversation states older than the retention: buyer-related data no figure needs. */
export async function pruneClock(db: IDBPDatabase<XiaoerDB>, keepDays: number, now = clock.now()): Promise<number> {
  const before = IDBKeyRange.upperBound(retentionCutoff(keepDays, now), true);
  const tx = db.transaction(['clockRecords', 'clockConversations'], 'readwrite');
  let deleted = 0;
  for (let cursor = await tx.objectStore('clockRecords').index('by-at').openCursor(before); cursor; cursor = await cursor.continue()) {
    await cursor.delete();
    deleted++;
  }
  for (let cursor = await tx.objectStore('clockConversations').index('by-updated').openCursor(before); cursor; cursor = await cursor.continue()) {
    await cursor.delete();
  }
  await tx.done;
  return deleted;
}
