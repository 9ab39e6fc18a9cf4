import type { IDBPDatabase } from 'idb';
import type { XiaoerDB } from '../db/schema';
import { computeSearchKeys } from '../snippets/search/search-keys';
import { MAX_SNIPPETS } from '../snippets/limits';
import { ensureDefaultSnippets } from '../snippets/snippet-store';
import type { Snippet } from '../snippets/snippet';
import { PackError, type Pack } from './pack-format';
import { planApply, previewPack, sameWording, wordingOf, type PackPreview } from './pack-merge';
import { summarizePack, type PackRecord, type PackSummary, type PackUndo } from './pack-record';
import type { AdapterUndo } from './pack-adapters';
import { clock } from '@/utils/clock';

export async function listPacks(db: IDBPDatabase<XiaoerDB>): Promise<PackSummary[]> {
  const packs = (await db.getAll('packs')) as PackRecord[];
  return packs.sort((a, b) => a.name.localeCompare(b.name, 'zh')).map(summarizePack);
}

export async function getPack(db: IDBPDatabase<XiaoerDB>, id: string): Promise<PackRecord | undefined> {
  return (await db.get('packs', id)) as PackRecord | undefined;
}

/** What applying `pack` would do to the library now. */
export async function previewPackUpdate(db: IDBPDatabase<XiaoerDB>, pack: Pack): Promise<PackPreview> {
  await ensureDefaultSnippets(db);
  const tx = db.transaction(['snippets', 'packs']);
  const [record, library] = await Promise.all([tx.objectStore('packs').get(pack.id), tx.objectStore('snippets').getAll()]);
  const previous = record as PackRecord | undefined;
  return { ...previewPack(pack, previous?.base ?? null, library), previousVersion: previous?.version ?? null };
}

/**
 * Applies a pack in ONE transaction over the library and the pack record: the agent's overrides stay unless listed in
 * `takeTeam`; the state before is kept for one undo. `subscription` sets or keeps the pack's URL settings;
 * `adapterUndo` is what installing the pack's adapters does, kept for that undo.
 */
export async function applyPack(
  db: IDBPDatabase<XiaoerDB>,
  pack: Pack,
  takeTeam: readonly string[],
  subscription?: Pick<PackRecord, 'url' | 'intervalMinutes' | 'etag' | 'lastModified' | 'nextSyncAt'>,
  adapterUndo?: AdapterUndo[],
  /** Recorded as the record's `appliedAt`: the worker's mark that this apply committed (pack-adapters-pending.ts). */
  appliedAt = clock.now(),
): Promise<PackPreview> {
  await ensureDefaultSnippets(db);
  const tx = db.transaction(['snippets', 'packs'], 'readwrite');
  tx.done.catch(() => {});
  try {
    const snippets = tx.objectStore('snippets');
    const packs = tx.objectStore('packs');
    const [stored, library] = await Promise.all([packs.get(pack.id), snippets.getAll()]);
    const previous = stored as PackRecord | undefined;
    const preview = { ...previewPack(pack, previous?.base ?? null, library), previousVersion: previous?.version ?? null };
    const { put, remove } = planApply(preview, library, new Set(takeTeam));
    const ids = new Set(library.map((s) => s.id));
    for (const id of remove) ids.delete(id);
    for (const s of put) ids.add(s.id);
    if (ids.size > MAX_SNIPPETS) throw new PackError(`话术库将超过 ${MAX_SNIPPETS} 条上限（应用后 ${ids.size} 条），未做任何更改`);

    const touched = new Set([...remove, ...put.map((s) => s.id)]);
    const { undo: _olderUndo, ...previousRecord } = previous ?? ({} as PackRecord);
    const record: PackRecord = {
      ...previousRecord,
      ...subscription,
      id: pack.id,
      name: pack.name,
      version: pack.version,
      updatedAt: pack.updatedAt,
      author: pack.author,
      appliedAt,
      base: pack.snippets,
      adapterBase: pack.adapters ?? previous?.adapterBase,
      pending: undefined,
      undo: {
        record: previous ? previousRecord : null,
        snippets: library.filter((s) => s.origin === pack.id || touched.has(s.id)),
        touched: [...touched],
        applied: pack,
        adapters: adapterUndo,
      },
    };
    const writes: Promise<unknown>[] = [
      ...remove.map((id) => snippets.delete(id)),
      ...put.map((s) => snippets.put({ ...s, keys: computeSearchKeys(s) })),
      packs.put(record),
    ];
    await Promise.all(writes);
    await tx.done;
    return preview;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/**
 * Puts the library and the pack back as they were before the last apply; that update waits as pending again. Returns
 * the undo it used (the worker undoes the apply's adapters from it).
 */
export async function undoPack(db: IDBPDatabase<XiaoerDB>, id: string): Promise<PackUndo> {
  const tx = db.transaction(['snippets', 'packs'], 'readwrite');
  tx.done.catch(() => {});
  try {
    const snippets = tx.objectStore('snippets');
    const packs = tx.objectStore('packs');
    const record = (await packs.get(id)) as PackRecord | undefined;
    if (!record?.undo) throw new PackError('没有可撤销的更新');
    const { undo } = record;
    const touched = new Set(undo.touched);
    const current = (await snippets.getAll()).filter((s) => s.origin === id || touched.has(s.id));
    const writes: Promise<unknown>[] = current.map((s) => snippets.delete(s.id));
    writes.push(...undo.snippets.map((s: Snippet) => snippets.put(s)));
    if (undo.record) {
      // Keep the subscription's latest bookkeeping; the undone update is offered again.
      writes.push(packs.put({ ...undo.record, url: record.url, intervalMinutes: record.intervalMinutes, etag: record.etag, lastModified: record.lastModified, lastCheckedAt: record.lastCheckedAt, lastError: record.lastError, pending: undo.applied }));
    } else {
      writes.push(packs.delete(id));
    }
    await Promise.all(writes);
    await tx.done;
    return undo;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/**
 * Removes a pack: its unedited snippets go; the agent's edited ones stay as the agent's own. Returns the record removed
 * (the worker removes the adapters it installed).
 */
export async function removePack(db: IDBPDatabase<XiaoerDB>, id: string): Promise<PackRecord | undefined> {
  const tx = db.transaction(['snippets', 'packs'], 'readwrite');
  const snippets = tx.objectStore('snippets');
  const record = (await tx.objectStore('packs').get(id)) as PackRecord | undefined;
  const base = new Map((record?.base ?? []).map((s) => [`${id}:${s.id}`, s]));
  const writes: Promise<unknown>[] = [];
  for (const s of await snippets.getAll()) {
    if (s.origin !== id) continue;
    const team = base.get(s.id);
    writes.push(team && sameWording(wordingOf(s), team) ? snippets.delete(s.id) : snippets.put({ ...s, origin: 'local' }));
  }
  writes.push(tx.objectStore('packs').delete(id));
  await Promise.all(writes);
  await tx.done;
  return record;
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}
