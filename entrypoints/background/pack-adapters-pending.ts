import type { IDBPDatabase } from 'idb';
import type { Adapter } from '@/utils/adapters/adapter-schema';
import { replaceCustomAdapters } from '@/utils/adapters/custom/custom-adapter-store';
import { syncCustomContentScripts } from '@/utils/adapters/custom/content-script-registration';
import type { XiaoerDB } from '@/utils/db/schema';
import { getPack } from '@/utils/packs/pack-store';

// A pack's apply, undo and removal commit its snippets in one database transaction; its adapters live in
// storage.local with their content script registration, written after it. A worker stopped in between would leave
// the snippets of one state with the adapters of another, so the adapters to install are noted first, with what the
// pack record's `appliedAt` is once the change committed: the worker's next start finishes a committed change's
// adapters and drops the note of one that never committed.

export interface PendingPackAdapters {
  packId: string;
  /**
   * The pack record's `appliedAt` once the change committed: an apply's new time, an undo's previous apply's time;
   * null when the record is gone then (a removal, or the undo of the apply that brought the pack in).
   */
  appliedAt: number | null;
  adapters: Adapter[];
}

const pendingItem = storage.defineItem<PendingPackAdapters | null>('local:packAdaptersPending', { fallback: null });
/** Pack changes made in this worker, one after another: one change's note is never another's to overwrite or drop. */
let turn: Promise<unknown> = Promise.resolve();

/** Runs `change` once the pack changes before it (and the start's finishing) are done. */
export function inTurn<T>(change: () => Promise<T>): Promise<T> {
  const result = turn.then(change);
  turn = result.catch(() => {});
  return result;
}

/** Stores the custom adapters and keeps the content script registration in step with them. */
async function installAdapters(adapters: Adapter[]): Promise<void> {
  await syncCustomContentScripts(await replaceCustomAdapters(adapters));
}

/**
 * Runs `commit` (the pack's database transaction) and then installs the noted adapters, noted before the commit so
 * that a stop between the two is finished at the next start (finishPendingPackAdapters). Without a note (a change
 * that leaves the adapters as they are) only the commit runs. Call it in turn (inTurn).
 */
export async function commitThenInstall<T>(note: PendingPackAdapters | null, commit: () => Promise<T>): Promise<T> {
  if (!note) return commit();
  await pendingItem.setValue(note);
  let result: T;
  try {
    result = await commit();
  } catch (error) {
    await pendingItem.removeValue();
    throw error;
  }
  await installAdapters(note.adapters);
  await pendingItem.removeValue();
  return result;
}

/**
 * At the worker's start, before any pack change of this worker: a committed change's adapters are installed, the note
 * of one that never committed dropped.
 */
export function finishPendingPackAdapters(db: IDBPDatabase<XiaoerDB> | Promise<IDBPDatabase<XiaoerDB>>): Promise<'none' | 'finished' | 'dropped'> {
  return inTurn(async () => {
    const pending = await pendingItem.getValue();
    if (!pending) return 'none';
    const committed = ((await getPack(await db, pending.packId))?.appliedAt ?? null) === pending.appliedAt;
    if (committed) await installAdapters(pending.adapters);
    await pendingItem.removeValue();
    return committed ? 'finished' : 'dropped';
  });
}
