import type { IDBPDatabase } from 'idb';
import type { XiaoerDB } from '@/utils/db/schema';

type PolledStore = 'sources' | 'packs';

/**
 * Writes `fields` over the record as stored now, read in the same transaction: a poll that took a while must not
 * write back the copy it read before fetching (an edit made meanwhile would be lost), nor bring back a deleted one.
 * Returns the stored record, or undefined when it is gone.
 */
export async function patchRecord<S extends PolledStore>(
  db: IDBPDatabase<XiaoerDB>,
  store: S,
  id: string,
  fields: (latest: XiaoerDB[S]['value']) => Partial<XiaoerDB[S]['value']>,
): Promise<XiaoerDB[S]['value'] | undefined> {
  const tx = db.transaction(store, 'readwrite');
  const latest = (await tx.store.get(id)) as XiaoerDB[S]['value'] | undefined;
  if (!latest) {
    await tx.done;
    return undefined;
  }
  const next = { ...latest, ...fields(latest) };
  await tx.store.put(next as never);
  await tx.done;
  return next;
}
