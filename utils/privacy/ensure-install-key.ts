import type { IDBPDatabase } from 'idb';
import type { XiaoerDB } from '../db/schema';
import { installKeyItem, randomHex, storedInstallKey, type InstallKey } from './install-key';
import { pseudonymizeBuyerKeys } from '../response-clock/pseudonymize';
import { clock } from '@/utils/clock';

let creating: Promise<InstallKey> | null = null;

/**
 * This install's key, created on first use (worker only). Creating it retires every hash made without it — the
 * unsalted ones of earlier versions, or ones made under a key that was lost: such a hash cannot be re-keyed (the
 * receiver and the name behind it were never kept) and must not be trusted, nor kept as something guessable.
 * So, in one transaction and before the key is stored (a worker stopped between the two simply does it again):
 * verification marks are deleted (those orders show 未核对 again), the conversations' live waits are deleted, and the
 * day records keep their times under fresh random keys (the figures stay; they no longer link to any buyer).
 */
export async function ensureInstallKey(db: IDBPDatabase<XiaoerDB>): Promise<InstallKey> {
  return (await storedInstallKey()) ?? (creating ??= createInstallKey(db).finally(() => (creating = null)));
}

async function createInstallKey(db: IDBPDatabase<XiaoerDB>): Promise<InstallKey> {
  const tx = db.transaction(['orders', 'clockConversations', 'clockRecords'], 'readwrite');
  await Promise.all([tx.objectStore('orders').clear(), tx.objectStore('clockConversations').clear()]);
  const records = tx.objectStore('clockRecords');
  const renamed = pseudonymizeBuyerKeys(await records.getAll());
  await Promise.all(renamed.map((record) => records.put(record)));
  await tx.done;
  const key: InstallKey = { id: randomHex(16), secret: randomHex(32), createdAt: clock.now() };
  await installKeyItem.setValue(key);
  return key;
}
