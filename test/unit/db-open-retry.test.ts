import { deleteDB, openDB } from 'idb';
import { expect, it } from 'vitest';
import { getDb } from '@/utils/db/open-db';
import { DB_NAME } from '@/utils/db/schema';
import { DB_VERSION } from '@/utils/db/migrations';

it('a failed open is not cached: the next request opens again', async () => {
  // A database newer than this code (e.g. left by a later version) makes the open fail with a VersionError.
  (await openDB(DB_NAME, DB_VERSION + 1)).close();
  await expect(getDb()).rejects.toThrow();
  await deleteDB(DB_NAME);
  const db = await getDb();
  expect(db.version).toBe(DB_VERSION);
  db.close();
});
