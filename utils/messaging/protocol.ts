import { z } from 'zod';
import type { LogEntry, StockSource } from '../db/schema';
import type { StockLookupReply } from '../stock/stock-wire';
import type { StockHit } from '../stock/stock-index';
import type { FeedOutcome } from '../stock/feed-outcome';
import type { Snippet } from '../snippets/snippet';
import type { AddressCheck } from '../address/address-check';
import type { OrderCareRecord, RemarkRecord } from '../orders/order-records';
import { MAX_SNIPPET_BODY, MAX_SNIPPETS } from '../snippets/limits';
import { MAX_LOOKUP_CODES } from '../stock/limits';
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
const sourceId = z.string().min(1).max(80);

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
  'adapters.list': ['extension-page'],
  'adapters.save': ['extension-page'],
  'adapters.delete': ['extension-page'],
  'adapters.tabs': ['extension-page'],
  'adapters.test': ['extension-page'],
  'adapters.clearHighlights': ['extension-page'],
};

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** Changes the worker announces to open tabs and pages. Settings travel through storage.onChanged instead. */
export const broadcastSchema = z.object({
  type: z.literal('broadcast'),
  event: z.enum(['log-changed', 'sources-changed', 'stock-changed', 'snippets-changed', 'remarks-changed']),
});
export type Broadcast = z.infer<typeof broadcastSchema>;
export type BroadcastEvent = Broadcast['event'];
