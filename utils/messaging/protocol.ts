import { z } from 'zod';
import { BROADCAST_EVENTS, type BroadcastEvent } from './broadcast-events';
import type { LogEntry, StockSource } from '../db/schema';
import type { StockLookupReply } from '../stock/stock-wire';
import type { StockHit } from '../stock/stock-index';
import type { FeedOutcome } from '../stock/feed-outcome';
import type { Snippet } from '../snippets/snippet';
import type { AddressCheck } from '../address/address-check';
import type { OrderCareRecord, RemarkRecord } from '../orders/order-records';
import { MAX_SNIPPET_BODY, MAX_SNIPPETS } from '../snippets/limits';
import { MAX_LOOKUP_CODES } from '../stock/limits';
import type { PackPreview } from '../packs/pack-merge';
import type { Pack } from '../packs/pack-format';
import type { PackSummary } from '../packs/pack-record';
import type { SheetImportPreview } from '../packs/sheet-import';
import type { SheetSnippet } from '../packs/snippet-sheet';
import type { Backup } from '../backup/backup';
import type { FeedValidators } from '../feeds/fetch-feed';
import type { WaitState } from '../response-clock/clock-store';
import type { DayFigures } from '../response-clock/figures';
import type { AdapterTestReport, ConsoleTab, CustomAdapterEntry } from '../adapters/custom/adapter-test-report';

const columnMapping = z.partialRecord(
  z.enum(['skuCode', 'outerCode', 'name', 'spec', 'warehouse', 'actual', 'available', 'locked']),
  z.number().int().min(0).max(500),
);
const snippetId = z.string().min(1).max(100);
const orderId = z.string().regex(/^[0-9A-Za-z-]{4,40}$/, 'is not an order id');
const snippetDraft = z.object({
  title: z.string().trim().min(1).max(100),
  body: z.string().min(1).max(MAX_SNIPPET_BODY),
  category: z.string().trim().min(1).max(40),
  tags: z.array(z.string().trim().min(1).max(30)).max(20),
  shortcut: z.string().trim().regex(/^[a-z0-9]{1,16}$/i, 'use 1–16 letters or digits').optional(),
});
const sourceName = z.string().trim().min(1).max(80);
const buyerKey = z.string().regex(/^[0-9a-f]{32}$/, 'is not a buyer key');
const epochMs = z.number().int().min(0).max(8.64e15);
const sourceId = z.string().min(1).max(80);
const packId = z.string().min(1).max(40);

export { MAX_LOOKUP_CODES } from '../stock/limits';

/**
 * Every request the worker answers. Validated with zod at the worker boundary:
 * anything else is refused with a clear error.
 */
export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  z.object({
    type: z.literal('log.append'),
    level: z.enum(['info', 'warn', 'error']),
    scope: z.string().min(1).max(40),
    message: z.string().min(1).max(2000),
  }),
  z.object({ type: z.literal('log.list'), limit: z.number().int().min(1).max(500).optional() }),
  z.object({ type: z.literal('log.clear') }),
  z.object({ type: z.literal('sources.list') }),
  z.object({ type: z.literal('sources.delete'), id: sourceId }),
  z.object({ type: z.literal('sources.sync'), id: sourceId.optional() }),
  z.object({
    type: z.literal('sources.saveFeed'),
    id: sourceId.optional(),
    name: sourceName,
    url: z.string().url().max(2000),
    intervalMinutes: z.number().int().min(1).max(24 * 60),
    mode: z.enum(['replace', 'merge']),
    /** An empty value keeps the stored secret (the UI never receives it back). */
    authHeader: z.object({ name: z.string().regex(/^[A-Za-z0-9-]{1,60}$/), value: z.string().max(2000) }).optional(),
    mapping: columnMapping.optional(),
  }),
  // The options page commits file imports itself (same origin, no copy of 100k records through a message) and
  // then says so: the worker drops its lookup cache and tells open tabs.
  z.object({ type: z.literal('stock.changed') }),
  // Plain strings, normalised by the worker: per-code transforms would cost more than the lookup itself.
  z.object({ type: z.literal('stock.lookup'), codes: z.array(z.string().max(100)).max(MAX_LOOKUP_CODES) }),
  z.object({ type: z.literal('stock.detail'), code: z.string().max(100) }),
  z.object({ type: z.literal('stock.recent') }),
  z.object({
    type: z.literal('address.check'),
    name: z.string().max(100).optional(),
    phone: z.string().max(40).optional(),
    address: z.string().min(1).max(500),
  }),
  z.object({ type: z.literal('orders.state'), ids: z.array(orderId).max(500) }),
  z.object({ type: z.literal('orders.verify'), id: orderId, fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({
    type: z.literal('remarks.add'),
    orderId,
    text: z.string().min(1).max(500),
    flag: z.number().int().min(0).max(5),
    reason: z.string().max(40),
  }),
  z.object({ type: z.literal('remarks.list'), orderId: orderId.optional() }),
  z.object({ type: z.literal('snippets.all') }),
  z.object({ type: z.literal('snippets.save'), id: snippetId.optional(), draft: snippetDraft }),
  z.object({ type: z.literal('snippets.delete'), id: snippetId }),
  // Each snippet is checked in full by the store before it is put back.
  z.object({ type: z.literal('snippets.restore'), snippets: z.array(z.unknown()).min(1).max(MAX_SNIPPETS) }),
  z.object({ type: z.literal('snippets.reorder'), ids: z.array(snippetId).min(1).max(MAX_SNIPPETS) }),
  z.object({ type: z.literal('snippets.used'), id: snippetId }),
  z.object({ type: z.literal('options.open'), section: z.string().max(40).optional() }),
  // Team packs, sheets and backups. Packs, sheet rows and backups are checked in full by the worker (utils/packs,
  // utils/backup) with their own zod schemas, so here they are only bounded.
  z.object({ type: z.literal('packs.list') }),
  z.object({ type: z.literal('packs.pending'), id: packId }),
  z.object({ type: z.literal('packs.fetch'), url: z.string().url().max(2000) }),
  z.object({ type: z.literal('packs.preview'), pack: z.unknown() }),
  z.object({
    type: z.literal('packs.apply'),
    pack: z.unknown(),
    takeTeam: z.array(z.string().max(100)).max(MAX_SNIPPETS),
    subscribe: z
      .object({
        url: z.string().url().max(2000),
        intervalMinutes: z.number().int().min(5).max(7 * 24 * 60),
        // The validators of the response the agent previewed: the first refresh can then be a 304.
        etag: z.string().max(500).optional(),
        lastModified: z.string().max(100).optional(),
      })
      .optional(),
  }),
  z.object({ type: z.literal('packs.check'), id: packId.optional() }),
  z.object({ type: z.literal('packs.undo'), id: packId }),
  z.object({ type: z.literal('packs.remove'), id: packId }),
  z.object({ type: z.literal('snippets.importSheet'), rows: z.array(z.unknown()).min(1).max(MAX_SNIPPETS), commit: z.boolean() }),
  z.object({ type: z.literal('backup.create') }),
  z.object({ type: z.literal('backup.restore'), backup: z.unknown() }),
  // Response clock: hashed buyer keys and times only — a tab never sends a name or a message text.
  z.object({
    type: z.literal('clock.observe'),
    /** When the tab looked (a retried message after a worker restart keeps its time). */
    at: epochMs,
    observations: z.array(z.object({
      key: buyerKey,
      waiting: z.boolean().nullable(),
      newBuyer: z.boolean().optional(),
      appeared: z.boolean().optional(),
      pageSince: epochMs.optional(),
      replies: z.array(z.object({ snippetId: snippetId.optional() })).max(50).optional(),
      orders: z.object({ newestAt: epochMs.optional() }).optional(),
    })).max(500),
  }),
  z.object({ type: z.literal('clock.state'), keys: z.array(buyerKey).max(500) }),
  z.object({ type: z.literal('clock.overdue'), key: buyerKey, waitingSince: epochMs }),
  z.object({ type: z.literal('clock.figures'), days: z.number().int().min(1).max(366) }),
  // Custom adapters: the adapter itself is checked in full by parseCustomAdapter (per-field errors).
  z.object({ type: z.literal('adapters.list') }),
  z.object({ type: z.literal('adapters.save'), adapter: z.unknown() }),
  z.object({ type: z.literal('adapters.delete'), id: z.string().min(1).max(80) }),
  z.object({ type: z.literal('adapters.tabs') }),
  z.object({ type: z.literal('adapters.test'), tabId: z.number().int().min(0), adapter: z.unknown() }),
  z.object({ type: z.literal('adapters.clearHighlights'), tabId: z.number().int().min(0) }),
]);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** What each request answers with. */
export interface Responses {
  ping: { version: string; dbVersion: number };
  'log.append': null;
  'log.list': LogEntry[];
  'log.clear': null;
  'sources.list': StockSource[];
  'sources.delete': null;
  'sources.sync': FeedOutcome[];
  'sources.saveFeed': { source: StockSource; outcome: FeedOutcome };
  'stock.changed': null;
  'stock.lookup': StockLookupReply;
  'stock.detail': StockHit | null;
  /** The stock of the codes the asking tab's host showed lately: `reply` is aligned with `codes`. */
  'stock.recent': { codes: string[]; reply: StockLookupReply };
  'address.check': AddressCheck;
  'orders.state': Record<string, OrderCareRecord>;
  'orders.verify': OrderCareRecord;
  'remarks.add': RemarkRecord;
  'remarks.list': RemarkRecord[];
  'snippets.all': Snippet[];
  'snippets.save': Snippet;
  /** The deleted snippet, for undo. */
  'snippets.delete': Snippet | null;
  'snippets.restore': null;
  'snippets.reorder': null;
  'snippets.used': null;
  'options.open': null;
  'packs.list': PackSummary[];
  'packs.pending': { pack: Pack; preview: PackPreview } | null;
  /** What the URL holds, checked, and what importing it would do. */
  'packs.fetch': { kind: 'pack'; pack: Pack; validators: FeedValidators; preview: PackPreview } | { kind: 'sheet'; rows: SheetSnippet[]; format: string; preview: SheetImportPreview };
  'packs.preview': PackPreview;
  'packs.apply': PackPreview;
  'packs.check': { packId: string; status: 'unchanged' | 'pending' | 'failed'; error?: string }[];
  'packs.undo': null;
  'packs.remove': null;
  'snippets.importSheet': SheetImportPreview;
  'backup.create': Backup;
  /** The sections restored. */
  'backup.restore': string[];
  'clock.observe': Record<string, WaitState>;
  'clock.state': Record<string, WaitState>;
  /** Whether to give the alert now: only the first time a buyer's wait passes the target. */
  'clock.overdue': { alert: boolean };
  /** One entry per local day, oldest first; the last is today. */
  'clock.figures': { days: DayFigures[]; targetSeconds: number; keepDays: number };
  'adapters.list': CustomAdapterEntry[];
  'adapters.save': CustomAdapterEntry;
  'adapters.delete': null;
  'adapters.tabs': ConsoleTab[];
  'adapters.test': AdapterTestReport;
  'adapters.clearHighlights': null;
}

/** Who may send a request: a content script in a console tab, or one of our own pages (popup, options). */
export type SenderKind = 'content' | 'extension-page';

export const ALLOWED_SENDERS: Record<RequestType, readonly SenderKind[]> = {
  ping: ['content', 'extension-page'],
  'log.append': ['content', 'extension-page'],
  'log.list': ['extension-page'],
  'log.clear': ['extension-page'],
  'sources.list': ['extension-page'],
  'sources.delete': ['extension-page'],
  'sources.sync': ['extension-page'],
  'sources.saveFeed': ['extension-page'],
  'stock.changed': ['extension-page'],
  'stock.lookup': ['content', 'extension-page'],
  'stock.detail': ['content', 'extension-page'],
  'stock.recent': ['content'],
  'address.check': ['content', 'extension-page'],
  'orders.state': ['content', 'extension-page'],
  'orders.verify': ['content'],
  'remarks.add': ['content'],
  'remarks.list': ['extension-page'],
  'snippets.all': ['content', 'extension-page'],
  'snippets.save': ['extension-page'],
  'snippets.delete': ['extension-page'],
  'snippets.restore': ['extension-page'],
  'snippets.reorder': ['extension-page'],
  'snippets.used': ['content', 'extension-page'],
  'options.open': ['content', 'extension-page'],
  'packs.list': ['extension-page'],
  'packs.pending': ['extension-page'],
  'packs.fetch': ['extension-page'],
  'packs.preview': ['extension-page'],
  'packs.apply': ['extension-page'],
  'packs.check': ['extension-page'],
  'packs.undo': ['extension-page'],
  'packs.remove': ['extension-page'],
  'snippets.importSheet': ['extension-page'],
  'backup.create': ['extension-page'],
  'backup.restore': ['extension-page'],
  'clock.observe': ['content'],
  'clock.state': ['content'],
  'clock.overdue': ['content'],
  'clock.figures': ['extension-page'],
  'adapters.list': ['extension-page'],
  'adapters.save': ['extension-page'],
  'adapters.delete': ['extension-page'],
  'adapters.tabs': ['extension-page'],
  'adapters.test': ['extension-page'],
  'adapters.clearHighlights': ['extension-page'],
};

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** A change the worker announces (utils/messaging/broadcast-events.ts says which and to whom). */
export const broadcastSchema = z.object({ type: z.literal('broadcast'), event: z.enum(BROADCAST_EVENTS) });
export type Broadcast = z.infer<typeof broadcastSchema>;
export type { BroadcastEvent };
