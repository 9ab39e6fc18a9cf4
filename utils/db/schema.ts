import type { DBSchema } from 'idb';
import type { StockRecord } from '../stock-import/aggregate';
import type { ColumnMapping } from '../stock-import/columns';
import type { Snippet } from '../snippets/snippet';
import type { OrderCareRecord, PendingRemark, RemarkRecord } from '../orders/order-records';
import type { PackRecord } from '../packs/pack-record';
import type { ClockConversation, ClockRecord } from '../response-clock/records';

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

/** A stock data source: a file or pasted table imported by hand, or a URL feed the worker polls. */
export interface StockSource {
  id: string;
  kind: 'file' | 'url' | 'paste';
  name: string;
  /** Replace all previous records of this source, or merge into them (same code: the new record wins). */
  mode: 'replace' | 'merge';
  /** The column mapping the agent confirmed, reused for the next import of this source. */
  mapping?: ColumnMapping;
  url?: string;
  intervalMinutes?: number;
  /** Optional auth header sent with the feed request. A secret: never exported in backups. */
  authHeader?: { name: string; value: string };
  etag?: string;
  lastModified?: string;
  /** Consecutive failed polls; the next poll waits interval × 2^failures (capped). */
  failures?: number;
  nextSyncAt?: number;
  lastSyncAt?: number;
  lastError?: string;
  /**
   * What the last successful import or sync dropped: informative values that could not be read, with their lines
   * (describeWarnings in utils/stock-import/check.ts). Cleared by an import or sync that dropped nothing.
   */
  lastWarning?: string;
  /** Stock records (codes) held for this source after the last successful import. */
  rows?: number;
}

/** CHUNK_SIZE stock records of one source, stored together. */
export interface StockChunk {
  sourceId: string;
  chunk: number;
  records: StockRecord[];
}

/**
 * What a stock lookup needs of one source, and nothing else: every code it answers (record, SKU and outer codes,
 * normalised, joined by newlines) and each code's available quantity. Written with the source's chunks in the same
 * transaction. A string and a typed array are copied whole when read, where 74k record objects are rebuilt one by
 * one: this is what makes a lookup right after the worker restarts fast.
 */
export interface StockCodeTable {
  sourceId: string;
  codes: string;
  available: Float64Array;
}

/** Generic keyed record for stores whose exact shape the feature issues own. */
export interface KeyedRecord {
  id: string;
  [field: string]: unknown;
}

export interface XiaoerDB extends DBSchema {
  events: { key: number; value: LogEntry; indexes: { 'by-level': string } };
  sources: { key: string; value: StockSource };
  snippets: { key: string; value: Snippet };
  packs: { key: string; value: PackRecord };
  orders: { key: string; value: OrderCareRecord; indexes: { 'by-updated': number } };
  remarks: { key: string; value: RemarkRecord; indexes: { 'by-order': string; 'by-at': number } };
  pendingRemarks: { key: string; value: PendingRemark; indexes: { 'by-tab': number } };
  stock: { key: [string, number]; value: StockChunk };
  stockCodes: { key: string; value: StockCodeTable };
  clockConversations: { key: string; value: ClockConversation; indexes: { 'by-updated': number } };
  clockRecords: { key: string; value: ClockRecord; indexes: { 'by-at': number } };
}

export const DB_NAME = 'xiaoer';
