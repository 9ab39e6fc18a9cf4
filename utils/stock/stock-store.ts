import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { StockChunk, StockSource, XiaoerDB } from '../db/schema';
import type { StockRecord } from '../stock-import/aggregate';
import { newId } from '../new-id';
import { buildCodeTable } from './code-table';
import { recordsBySource } from './records-by-source';
import { clock } from '@/utils/clock';
import { isQuotaExceeded, SourceChangedSincePreview, StorageFull } from './stock-commit-errors';

/** Records per stored row: few large rows write and read far faster than one row per code. */
export const CHUNK_SIZE = 1000;
/** Chunks written before the next are queued: progress is real, and a 1,000,000-row import is not cloned at once. */
const CHUNKS_IN_FLIGHT = 16;

export interface CommitOptions {
  /** Aborting rolls the transaction back: the previous stock stays as it was. */
  signal?: AbortSignal;
  onProgress?: (written: number, total: number) => void;
}

const sourceRange = (sourceId: string) => IDBKeyRange.bound([sourceId, 0], [sourceId, Infinity]);

/**
 * Commits an import in ONE transaction over the source and its stock: either all of it lands, or (on any error,
 * or the worker stopping mid-way) nothing does and the previous stock stays intact.
 */
export async function commitStock(
  db: IDBPDatabase<XiaoerDB>,
  source: StockSource,
  records: StockRecord[],
  mode: StockSource['mode'],
  options: CommitOptions = {},
): Promise<StockSource> {
  return commitWith(db, source.id, () => source, records, mode, options);
}

/**
 * A feed sync's commit: its own fields (validators, warning, sync bookkeeping) go over the source as stored now, read
 * in the commit's transaction, so an edit made while the feed was fetched stays; a source deleted meanwhile stays gone.
 */
export async function commitFeedStock(
  db: IDBPDatabase<XiaoerDB>,
  sourceId: string,
  syncFields: Partial<StockSource>,
  records: StockRecord[],
  mode: StockSource['mode'],
): Promise<StockSource> {
  return commitWith(db, sourceId, (stored) => {
    if (!stored) throw new Error('数据源已在同步期间被删除');
    return { ...stored, ...syncFields };
  }, records, mode);
}

async function commitWith(
  db: IDBPDatabase<XiaoerDB>,
  sourceId: string,
  sourceOf: (stored: StockSource | undefined) => StockSource,
  records: StockRecord[],
  mode: StockSource['mode'],
  options: CommitOptions = {},
): Promise<StockSource> {
  options.signal?.throwIfAborted();
  // Relaxed durability: stock can always be imported again, and a strict flush to disk costs most of the commit.
  const tx = db.transaction(['stock', 'stockCodes', 'sources'], 'readwrite', { durability: 'relaxed' });
  // Failures surface through the awaited requests below; these handlers only keep aborts from going unhandled.
  tx.done.catch(() => {});
  const cancel = () => {
    try {
      tx.abort();
    } catch {
      // Already finished: too late to cancel, the import is in.
    }
  };
  options.signal?.addEventListener('abort', cancel);
  try {
    const source = sourceOf(await tx.objectStore('sources').get(sourceId));
    return await writeStock(tx, source, records, mode, options.onProgress);
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    // The browser aborts the transaction itself when the quota is full; its requests then fail with a bare AbortError.
    const full = isQuotaExceeded(error) || isQuotaExceeded(tx.error);
    // A request that throws synchronously (e.g. a value that cannot be stored) does not abort the transaction by
    // itself, and the requests already queued (the delete) would still commit: abort explicitly.
    try {
      tx.abort();
    } catch {
      // Already aborted or finished.
    }
    throw full || isQuotaExceeded(await tx.done.then(() => null, (e: unknown) => e)) ? new StorageFull() : error;
  } finally {
    options.signal?.removeEventListener('abort', cancel);
  }
}

async function writeStock(
  tx: IDBPTransaction<XiaoerDB, ('stock' | 'stockCodes' | 'sources')[], 'readwrite'>,
  source: StockSource,
  records: StockRecord[],
  mode: StockSource['mode'],
  onProgress?: CommitOptions['onProgress'],
): Promise<StockSource> {
  const stock = tx.objectStore('stock');
  let next = records;
  if (mode === 'merge') {
    const merged = new Map<string, StockRecord>();
    for (const chunk of await stock.getAll(sourceRange(source.id))) {
      for (const record of chunk.records) merged.set(record.code, record);
    }
    for (const record of records) merged.set(record.code, record);
    next = [...merged.values()];
  }
  const writes: Promise<unknown>[] = [];
  const track = (request: Promise<unknown>) => {
    request.catch(() => {});
    writes.push(request);
  };
  // Built first (synchronous work): the chunk writes after it yield between requests, where 取消 can land.
  const codeTable = buildCodeTable(source.id, next);
  track(stock.delete(sourceRange(source.id)));
  for (let i = 0; i * CHUNK_SIZE < next.length; i++) {
    const chunk: StockChunk = { sourceId: source.id, chunk: i, records: next.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE) };
    track(stock.put(chunk));
    if ((i + 1) % CHUNKS_IN_FLIGHT === 0) {
      // Queued from the awaited request's continuation, so the transaction stays active.
      await writes[writes.length - 1];
      onProgress?.(Math.min((i + 1) * CHUNK_SIZE, next.length), next.length);
    }
  }
  track(tx.objectStore('stockCodes').put(codeTable));
  const saved: StockSource = { ...source, mode, rows: next.length, lastSyncAt: clock.now(), lastError: undefined, failures: 0 };
  track(tx.objectStore('sources').put(saved));
  await Promise.all(writes);
  await tx.done;
  return saved;
}

/** Every source with its records, oldest sync first (so a newer source's record wins on a shared code). */
export async function readAllStock(db: IDBPDatabase<XiaoerDB>): Promise<{ source: StockSource; records: StockRecord[] }[]> {
  const tx = db.transaction(['stock', 'sources']);
  const [sources, chunks] = await Promise.all([tx.objectStore('sources').getAll(), tx.objectStore('stock').getAll()]);
  const bySource = recordsBySource(chunks);
  return sources
    .sort((a, b) => (a.lastSyncAt ?? 0) - (b.lastSyncAt ?? 0))
    .map((source) => ({ source, records: bySource.get(source.id) ?? [] }));
}

/**
 * An import as the agent confirmed it: into a new source, or into an existing one (keeping its feed settings).
 * `seenSyncAt` is the existing source's `lastSyncAt` when its preview was made: a source changed since (another tab's
 * import) is not overwritten with a preview made against older stock; SourceChangedSincePreview says so.
 */
export async function importStock(
  db: IDBPDatabase<XiaoerDB>,
  target: { sourceId?: string; seenSyncAt?: number; kind: StockSource['kind']; name: string; mapping: StockSource['mapping']; lastWarning?: string },
  records: StockRecord[],
  mode: StockSource['mode'],
  options: CommitOptions = {},
): Promise<StockSource> {
  const sourceId = target.sourceId ?? newId(target.kind);
  return commitWith(db, sourceId, (previous) => {
    if (target.sourceId && (!previous || previous.lastSyncAt !== target.seenSyncAt)) throw new SourceChangedSincePreview(previous?.name ?? target.name);
    return {
      ...previous,
      id: sourceId,
      kind: target.kind,
      // Importing into an existing source keeps its name (the file's name is only a suggestion for a new source).
      name: previous?.name ?? target.name,
      mode,
      mapping: target.mapping,
      lastWarning: target.lastWarning,
    };
  }, records, mode, options);
}

/** Removes a source and all its stock, in one transaction. */
export async function deleteStockSource(db: IDBPDatabase<XiaoerDB>, sourceId: string): Promise<void> {
  const tx = db.transaction(['stock', 'stockCodes', 'sources'], 'readwrite');
  await Promise.all([
    tx.objectStore('stock').delete(sourceRange(sourceId)),
    tx.objectStore('stockCodes').delete(sourceId),
    tx.objectStore('sources').delete(sourceId),
  ]);
  await tx.done;
}
