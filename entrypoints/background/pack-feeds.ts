import { getDb } from '@/utils/db/open-db';
import { fetchFeed, type FeedValidators } from '@/utils/feeds/fetch-feed';
import { appendLog } from '@/utils/log/event-log';
import { MAX_PACK_BYTES, PackError, parsePackText, type Pack } from '@/utils/packs/pack-format';
import { sameWording } from '@/utils/packs/pack-merge';
import type { PackRecord } from '@/utils/packs/pack-record';
import { readSnippetInput, type SnippetInput } from '@/utils/packs/read-snippet-input';
import { nextSyncDelayMinutes } from '@/utils/stock/backoff';
import { decodeBytes } from '@/utils/stock-import/decode';
import { broadcast } from './broadcast';
import { clock } from '@/utils/clock';

const PACK_TIMEOUT_MS = 30_000;
export const DEFAULT_PACK_INTERVAL_MINUTES = 60;

export type PackCheck =
  | { packId: string; status: 'unchanged' | 'pending' }
  | { packId: string; status: 'failed'; error: string };

/** Fetches a pack URL once (size-capped, validated). Used to subscribe and by each refresh. */
export async function fetchPack(url: string, validators: FeedValidators = {}): Promise<{ pack: Pack; validators: FeedValidators } | null> {
  const fetched = await fetchFeed(url, {
    ...validators,
    accept: 'application/json',
    maxBytes: MAX_PACK_BYTES,
    timeoutMs: PACK_TIMEOUT_MS,
    label: '话术包',
  });
  if (fetched.status === 'unchanged') return null;
  return { pack: parsePackText(decodeBytes(fetched.bytes).text), validators: fetched.validators };
}

/** A one-off import from a URL: a JSON pack or a sheet, whichever the body is. */
export async function fetchSnippetInput(url: string): Promise<{ input: SnippetInput; validators: FeedValidators }> {
  const fetched = await fetchFeed(url, {
    accept: 'application/json, text/csv;q=0.9, */*;q=0.5',
    maxBytes: MAX_PACK_BYTES,
    timeoutMs: PACK_TIMEOUT_MS,
    label: '话术包',
  });
  if (fetched.status === 'unchanged') throw new PackError('网址没有返回内容（HTTP 304）');
  return { input: await readSnippetInput({ bytes: fetched.bytes, fileName: new URL(url).pathname }), validators: fetched.validators };
}

/** Refreshes the subscribed packs that are due (all with `force`). Runs on the same one-minute alarm as stock feeds. */
export async function syncPacks({ force = false, only }: { force?: boolean; only?: string } = {}): Promise<PackCheck[]> {
  const now = clock.now();
  const packs = await (await getDb()).getAll('packs');
  const checks: PackCheck[] = [];
  for (const pack of packs) {
    if (!pack.url || (only && pack.id !== only)) continue;
    if (force || (pack.nextSyncAt ?? 0) <= now) checks.push(await syncPack(pack.id));
  }
  return checks;
}

/**
 * One refresh: a newer pack is kept as pending for the agent to preview and apply (never applied silently);
 * any failure is recorded on the pack and retried with backoff, and the library stays as it is.
 */
export async function syncPack(packId: string): Promise<PackCheck> {
  const db = await getDb();
  const record = await db.get('packs', packId);
  if (!record?.url) return { packId, status: 'failed', error: '这个话术包没有订阅网址' };
  const interval = record.intervalMinutes ?? DEFAULT_PACK_INTERVAL_MINUTES;
  try {
    const fetched = await fetchPack(record.url, { etag: record.etag, lastModified: record.lastModified });
    const latest = (await db.get('packs', packId)) ?? record;
    const done = { failures: 0, lastError: undefined, lastCheckedAt: clock.now(), nextSyncAt: clock.now() + interval * 60_000 };
    if (!fetched) {
      await db.put('packs', { ...latest, ...done });
      void broadcast('packs-changed');
      return { packId, status: 'unchanged' };
    }
    const { pack, validators } = fetched;
    if (pack.id !== packId) throw new PackError(`网址返回的是另一个话术包（id “${pack.id}”，应为 “${packId}”）`);
    const isNew = pack.version !== latest.version || !samePack(pack, latest);
    await db.put('packs', { ...latest, ...validators, ...done, pending: isNew ? pack : undefined });
    void broadcast('packs-changed');
    return { packId, status: isNew ? 'pending' : 'unchanged' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const latest = (await db.get('packs', packId)) ?? record;
    const failures = (latest.failures ?? 0) + 1;
    await db.put('packs', {
      ...latest,
      failures,
      lastError: message,
      lastCheckedAt: clock.now(),
      nextSyncAt: clock.now() + nextSyncDelayMinutes(interval, failures) * 60_000,
    });
    await appendLog(db, { at: clock.now(), level: 'warn', scope: 'packs', message: `${record.name}: ${message}` });
    void broadcast('packs-changed');
    return { packId, status: 'failed', error: message };
  }
}

function samePack(pack: Pack, record: PackRecord): boolean {
  if (pack.snippets.length !== record.base.length) return false;
  const base = new Map(record.base.map((s) => [s.id, s]));
  return pack.snippets.every((s) => sameWording(s, base.get(s.id) ?? null));
}
