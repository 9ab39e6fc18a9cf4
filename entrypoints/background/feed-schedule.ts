import type { IDBPDatabase } from 'idb';
import { clock } from '@/utils/clock';
import { getDb } from '@/utils/db/open-db';
import type { XiaoerDB } from '@/utils/db/schema';
import { appendLog } from '@/utils/log/event-log';
import type { BroadcastEvent } from '@/utils/messaging/broadcast-events';
import { describeError } from '@/utils/runtime/log-reporter';
import { nextSyncDelayMinutes } from '@/utils/stock/backoff';
import { broadcast } from './broadcast';
import { patchRecord } from './patch-record';

/** One alarm for every polled URL (stock feeds, subscribed packs): it survives worker restarts and needs no per-URL state. */
export const FEED_ALARM = 'stock-feeds';

export async function ensureFeedAlarm(): Promise<void> {
  if (!(await browser.alarms.get(FEED_ALARM))) await browser.alarms.create(FEED_ALARM, { periodInMinutes: 1 });
}

type PolledStore = 'sources' | 'packs';
type RecordOf<S extends PolledStore> = XiaoerDB[S]['value'];

/** The sync bookkeeping a successful poll stores with its record. */
export interface PollSucceeded {
  failures: 0;
  lastError: undefined;
  nextSyncAt: number;
  lastCheckedAt?: number;
}

/** A kind of record the worker polls from a URL, and what one poll of it does. */
export interface PolledFeed<S extends PolledStore, Outcome> {
  store: S;
  defaultIntervalMinutes: number;
  /** Whether the record polls a URL at all (a stock file does not, nor a pack without a subscription). */
  polls(record: RecordOf<S>): boolean;
  /** The answer for an id that polls nothing. */
  notPolled(id: string): Outcome;
  /**
   * One fetch and its commit, storing `succeeded()` over the record as stored at commit time (never the copy read
   * before fetching: see patchRecord). Throws on any failure.
   */
  poll(record: RecordOf<S>, succeeded: () => PollSucceeded, db: IDBPDatabase<XiaoerDB>): Promise<Outcome>;
  failed(id: string, message: string): Outcome;
  /** Where failures are logged, and what pages hear after every poll, failed or not. */
  logScope: string;
  changed: BroadcastEvent;
  /** Records that show when they were last checked, successful or not (packs). */
  stampsCheckedAt?: boolean;
}

/**
 * Polls one kind of feed: the due records one after another, each poll's failure counted on its record, logged,
 * and retried with backoff, while what the last success brought stays intact.
 */
export function feedSchedule<S extends PolledStore, Outcome>(feed: PolledFeed<S, Outcome>) {
  // One sync per record at a time: the one-minute alarm or "sync now" joins a slow poll instead of racing it.
  const inFlight = new Map<string, Promise<Outcome>>();

  function syncOne(id: string): Promise<Outcome> {
    const running = inFlight.get(id);
    if (running) return running;
    const sync = pollOnce(id).finally(() => inFlight.delete(id));
    inFlight.set(id, sync);
    return sync;
  }

  async function pollOnce(id: string): Promise<Outcome> {
    const db = await getDb();
    const record = (await db.get(feed.store, id)) as RecordOf<S> | undefined;
    if (!record || !feed.polls(record)) return feed.notPolled(id);
    const interval = record.intervalMinutes ?? feed.defaultIntervalMinutes;
    const checkedAt = (now: number) => (feed.stampsCheckedAt ? { lastCheckedAt: now } : {});
    try {
      const outcome = await feed.poll(record, () => {
        const now = clock.now();
        return { failures: 0, lastError: undefined, nextSyncAt: now + interval * 60_000, ...checkedAt(now) };
      }, db);
      void broadcast(feed.changed);
      return outcome;
    } catch (error) {
      const message = describeError(error).replace(/^Error: /, '');
      // Keep whatever else changed meanwhile (or its deletion), touch only the sync bookkeeping.
      const now = clock.now();
      await patchRecord(db, feed.store, id, (latest) => {
        const failures = (latest.failures ?? 0) + 1;
        return { failures, lastError: message, nextSyncAt: now + nextSyncDelayMinutes(interval, failures) * 60_000, ...checkedAt(now) } as Partial<RecordOf<S>>;
      });
      await appendLog(db, { at: clock.now(), level: 'warn', scope: feed.logScope, message: `${record.name}: ${message}` });
      void broadcast(feed.changed);
      return feed.failed(id, message);
    }
  }

  /** Polls the records that are due (all of them with `force`, for "sync now"; one with `only`). */
  async function syncDue({ force = false, only }: { force?: boolean; only?: string } = {}): Promise<Outcome[]> {
    const now = clock.now();
    const records = (await (await getDb()).getAll(feed.store)) as RecordOf<S>[];
    const outcomes: Outcome[] = [];
    for (const record of records) {
      if (!feed.polls(record) || (only && record.id !== only)) continue;
      if (force || (record.nextSyncAt ?? 0) <= now) outcomes.push(await syncOne(record.id));
    }
    return outcomes;
  }

  return { syncOne, syncDue };
}
