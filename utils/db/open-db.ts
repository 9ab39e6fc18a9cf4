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
const upgradedElsewhere = new Set<() => void>();

/**
 * Calls `listener` when a newer version of Xiaoer upgrades the database this context had open: the connection is
 * closed at once so the upgrade is not blocked, and the page that listens tells the agent to reload it (its code is
 * the old version). Returns the unsubscribe.
 */
export function onDbUpgradedElsewhere(listener: () => void): () => void {
  upgradedElsewhere.add(listener);
  return () => upgradedElsewhere.delete(listener);
}

/** One connection per worker lifetime; reopened automatically after the worker restarts. */
export function getDb(): Promise<IDBPDatabase<XiaoerDB>> {
  shared ??= openXiaoerDb().then((db) => {
    // Another context (a newer version during an update) asks us to close: do so and reopen lazily.
    db.addEventListener('versionchange', (event) => {
      db.close();
      shared = undefined;
      if (event.newVersion !== null) for (const listener of upgradedElsewhere) listener();
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
