import type { IDBPDatabase } from 'idb';
import type { Adapter } from '@/utils/adapters/adapter-schema';
import { replaceCustomAdapters } from '@/utils/adapters/custom/custom-adapter-store';
import { syncCustomContentScripts } from '@/utils/adapters/custom/content-script-registration';
import type { XiaoerDB } from '@/utils/db/schema';
import { getPack } from '@/utils/packs/pack-store';

// A pack's snippets commit in one database transaction; its adapters live in storage.local with their content
// script registration, written after it. A worker stopped in between would leave the new snippets with the old
// adapters, so the adapters to install are noted first, with the apply's time, which the committed pack record
// carries: the worker's next start finishes a committed apply's adapters and drops the note of one that never committed.

interface PendingPackAdapters {
  packId: string;
  /** The apply's `appliedAt`: the pack record holds it once the apply committed. */
  appliedAt: number;
  adapters: Adapter[];
}

const pendingItem = storage.defineItem<PendingPackAdapters | null>('local:packAdaptersPending', { fallback: null });
/** Applies under way in this worker: their note is theirs to settle, not the start's. */
let applying = 0;

/** Stores the custom adapters and keeps the content script registration in step with them. */
export async function installAdapters(adapters: Adapter[]): Promise<void> {
  await syncCustomContentScripts(await replaceCustomAdapters(adapters));
}

/**
 * Runs `commit` (the pack's database transaction, recording `appliedAt`) and then installs `adapters`, noted before
 * the commit so that a stop between the two is finished at the next start (finishPendingPackAdapters).
 */
export async function commitThenInstall<T>(packId: string, appliedAt: number, adapters: Adapter[], commit: () => Promise<T>): Promise<T> {
  applying++;
  try {
    await pendingItem.setValue({ packId, appliedAt, adapters });
    let result: T;
    try {
      result = await commit();
    } catch (error) {
      await pendingItem.removeValue();
      throw error;
    }
    await installAdapters(adapters);
    await pendingItem.removeValue();
    return result;
  } finally {
    applying--;
  }
}

/** At the worker's start: a committed apply's adapters are installed, a note of one that never committed dropped. */
export async function finishPendingPackAdapters(db: IDBPDatabase<XiaoerDB>): Promise<'none' | 'finished' | 'dropped'> {
  const pending = await pendingItem.getValue();
  if (!pending || applying) return 'none';
  const committed = (await getPack(db, pending.packId))?.appliedAt === pending.appliedAt;
  if (committed) await installAdapters(pending.adapters);
  await pendingItem.removeValue();
  return committed ? 'finished' : 'dropped';
}
