import type { DBSchema } from 'idb';

/** One entry of the bounded event/error log the user can read in the options page. */
export interface LogEntry {
  id?: number;
  at: number;
  level: 'info' | 'warn' | 'error';
  /** Which part of Xiaoer wrote it: a feature id, 'worker', 'adapter', … */
  scope: string;
  message: string;
  /** Host of the page it happened on; never the full URL (it can carry order ids). */
  host?: string;
}

/** A stock data source (file import or URL feed); filled by the real-stock feature. */
export interface StockSource {
  id: string;
  kind: 'file' | 'url' | 'paste';
  name: string;
  /** Replace all previous rows of this source, or merge into them. */
  mode: 'replace' | 'merge';
  url?: string;
  intervalMinutes?: number;
  lastSyncAt?: number;
  lastError?: string;
  rows?: number;
}

/** Generic keyed record for stores whose exact shape the feature issues own. */
export interface KeyedRecord {
  id: string;
  [field: string]: unknown;
}

export interface XiaoerDB extends DBSchema {
  events: { key: number; value: LogEntry; indexes: { 'by-level': string } };
  sources: { key: string; value: StockSource };
  snippets: { key: string; value: KeyedRecord };
  packs: { key: string; value: KeyedRecord };
  orders: { key: string; value: KeyedRecord };
  remarks: { key: string; value: KeyedRecord };
}

export const DB_NAME = 'xiaoer';
