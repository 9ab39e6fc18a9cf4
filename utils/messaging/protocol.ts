import { z } from 'zod';
import type { LogEntry, StockSource } from '../db/schema';

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
  z.object({ type: z.literal('options.open'), section: z.string().max(40).optional() }),
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
  'options.open': null;
}

/** Who may send a request: a content script in a console tab, or one of our own pages (popup, options). */
export type SenderKind = 'content' | 'extension-page';

export const ALLOWED_SENDERS: Record<RequestType, readonly SenderKind[]> = {
  ping: ['content', 'extension-page'],
  'log.append': ['content', 'extension-page'],
  'log.list': ['extension-page'],
  'log.clear': ['extension-page'],
  'sources.list': ['extension-page'],
  'options.open': ['content', 'extension-page'],
};

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** Changes the worker announces to open tabs and pages. Settings travel through storage.onChanged instead. */
export const broadcastSchema = z.object({
  type: z.literal('broadcast'),
  event: z.enum(['log-changed', 'sources-changed', 'stock-changed', 'snippets-changed']),
});
export type Broadcast = z.infer<typeof broadcastSchema>;
export type BroadcastEvent = Broadcast['event'];
