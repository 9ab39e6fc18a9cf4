import { fetchFeed, type FeedValidators } from '@/utils/feeds/fetch-feed';
import { MAX_PACK_BYTES, PackError, parsePackText, type Pack } from '@/utils/packs/pack-format';
import { sameWording } from '@/utils/packs/pack-merge';
import type { PackCheck } from '@/utils/packs/pack-check';
import type { PackRecord } from '@/utils/packs/pack-record';
import { readSnippetInput, type SnippetInput } from '@/utils/packs/read-snippet-input';
import { decodeBytes } from '@/utils/stock-import/decode';
import { feedSchedule } from './feed-schedule';
import { patchRecord } from './patch-record';

const PACK_TIMEOUT_MS = 30_000;
export const DEFAULT_PACK_INTERVAL_MINUTES = 60;

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

/**
 * Subscribed packs, refreshed on the same one-minute alarm as stock feeds. A newer pack is kept as pending for the
 * agent to preview and apply (never applied silently); on any failure the library stays as it is.
 */
const packFeeds = feedSchedule({
  store: 'packs',
  defaultIntervalMinutes: DEFAULT_PACK_INTERVAL_MINUTES,
  polls: (record) => !!record.url,
  notPolled: (packId): PackCheck => ({ packId, status: 'failed', error: '这个话术包没有订阅网址' }),
  failed: (packId, error): PackCheck => ({ packId, status: 'failed', error }),
  logScope: 'packs',
  changed: 'packs-changed',
  stampsCheckedAt: true,
  async poll(record, succeeded, db): Promise<PackCheck> {
    const packId = record.id;
    const fetched = await fetchPack(record.url!, { etag: record.etag, lastModified: record.lastModified });
    if (!fetched) {
      await patchRecord(db, 'packs', packId, succeeded);
      return { packId, status: 'unchanged' };
    }
    const { pack, validators } = fetched;
    if (pack.id !== packId) throw new PackError(`网址返回的是另一个话术包（id “${pack.id}”，应为 “${packId}”）`);
    let isNew = false;
    await patchRecord(db, 'packs', packId, (latest) => {
      isNew = pack.version !== latest.version || !samePack(pack, latest);
      return { ...validators, ...succeeded(), pending: isNew ? pack : undefined };
    });
    return { packId, status: isNew ? 'pending' : 'unchanged' };
  },
});

/** Refreshes the subscribed packs that are due (all with `force`). */
export const syncPacks = packFeeds.syncDue;

/** Refreshes one subscribed pack now. */
export const syncPack = packFeeds.syncOne;

function samePack(pack: Pack, record: PackRecord): boolean {
  if (pack.snippets.length !== record.base.length) return false;
  const base = new Map(record.base.map((s) => [s.id, s]));
  return pack.snippets.every((s) => sameWording(s, base.get(s.id) ?? null));
}
