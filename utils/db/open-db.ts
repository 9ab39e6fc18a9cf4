import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, type XiaoerDB } from './schema';
import { DB_VERSION, MIGRATIONS } from './migrations';

/**
 * Opens the database at `version` (latest by default), running each missing upgrade step in order.
 * The worker calls this per request instead of keeping a handle across its ~30 s lifetime:
 * nothing may live only in worker memory.
 */
export function openXiaoerDb(version = DB_VERSION, name = DB_NAME): Promise<IDBPDatabase<XiaoerDB>> {
  return openDB<XiaoerDB>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let step = oldVersion; step < (newVersion ?? version); step++) {
        await MIGRATIONS[step]!(db, tx);
      }
    },
  });
}

let shared: Promise<IDBPDatabase<XiaoerDB>> | undefined;

/** One connection per worker lifetime; reopened automatically after the worker restarts. */
export function getDb(): Promise<IDBPDatabase<XiaoerDB>> {
  shared ??= openXiaoerDb().then((db) => {
    // Another context (a newer version during an update) asks us to close: do so and reopen lazily.
    db.addEventListener('versionchange', () => {
      db.close();
      shared = undefined;
    });
    return db;
  });
  // A failed open (blocked, quota, a newer version) must not break the worker until it restarts: the next call retries.
  const opening = shared;
  opening.catch(() => {
    if (shared === opening) shared = undefined;
  });
  return opening;
}
