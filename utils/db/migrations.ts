import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { XiaoerDB } from './schema';
import { codeTablesFromChunks } from '../stock/code-table';

type UpgradeTx = IDBPTransaction<XiaoerDB, StoreNames<XiaoerDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<XiaoerDB>, tx: UpgradeTx) => void | Promise<void>;

/**
 * Upgrade steps, index i brings the database from version i to i + 1.
 * Never edit a shipped step: add a new one. Steps only await requests of the
 * upgrade transaction itself, otherwise the transaction would auto-commit.
 */
export const MIGRATIONS: Migration[] = [
  // v1: the log and stock sources.
  (db) => {
    db.createObjectStore('events', { keyPath: 'id', autoIncrement: true });
    db.createObjectStore('sources', { keyPath: 'id' });
  },
  // v2: stores of the feature issues; log filterable by level; sources gain a replace/merge mode.
  async (db, tx) => {
    for (const name of ['snippets', 'packs', 'orders', 'remarks'] as const) {
      db.createObjectStore(name, { keyPath: 'id' });
    }
    tx.objectStore('events').createIndex('by-level', 'level');
    let cursor = await tx.objectStore('sources').openCursor();
    while (cursor) {
      if (!cursor.value.mode) await cursor.update({ ...cursor.value, mode: 'replace' });
      cursor = await cursor.continue();
    }
  },
  // v3: real stock, packed CHUNK_SIZE records per row (100k single-row puts take seconds; chunks take tens of ms).
  (db) => {
    db.createObjectStore('stock', { keyPath: ['sourceId', 'chunk'] });
  },
  // v4: order care — remark history by order and by time, verification marks by age (for deleting old ones).
  (_db, tx) => {
    const remarks = tx.objectStore('remarks');
    remarks.createIndex('by-order', 'orderId');
    remarks.createIndex('by-at', 'at');
    tx.objectStore('orders').createIndex('by-updated', 'updatedAt');
  },
  // v5: a compact code → available table per stock source, for lookups right after the worker starts.
  async (db, tx) => {
    db.createObjectStore('stockCodes', { keyPath: 'sourceId' });
    const tables = codeTablesFromChunks(await tx.objectStore('stock').getAll());
    await Promise.all(tables.map((table) => tx.objectStore('stockCodes').put(table)));
  },
  // v6: response clock — each conversation's live wait, and the records of the agent's day figures (by time, for
  // the days shown and for deleting old ones).
  (db) => {
    db.createObjectStore('clockConversations', { keyPath: 'key' }).createIndex('by-updated', 'updatedAt');
    db.createObjectStore('clockRecords', { keyPath: 'id' }).createIndex('by-at', 'at');
  },
  // v7: remarks on their way into an order's editor, by tab (settled by that tab's next content script).
  (db) => {
    db.createObjectStore('pendingRemarks', { keyPath: 'id' }).createIndex('by-tab', 'tabId');
  },
];

export const DB_VERSION = MIGRATIONS.length;
