import { z } from 'zod';
import type { StockSource } from '../../db/schema';
import type { FeedOutcome } from '../../stock/feed-outcome';
import { MAX_CODE_LENGTH, MAX_LOOKUP_CODES } from '../../stock/limits';
import type { StockHit } from '../../stock/stock-index';
import type { StockLookupReply } from '../../stock/stock-wire';
import { declareRequests, replyType } from '../declare-requests';

const columnMapping = z.partialRecord(
  z.enum(['skuCode', 'outerCode', 'name', 'spec', 'warehouse', 'actual', 'available', 'locked']),
  z.number().int().min(0).max(500),
);
const sourceId = z.string().min(1).max(80);

/** Stock: its sources (files, pasted tables, polled URLs) and the lookups console tabs make. */
export const stockRequests = declareRequests({
  'sources.list': { from: ['extension-page'], reply: replyType<StockSource[]>() },
  'sources.delete': { from: ['extension-page'], fields: { id: sourceId }, reply: replyType<null>() },
  'sources.sync': { from: ['extension-page'], fields: { id: sourceId.optional() }, reply: replyType<FeedOutcome[]>() },
  'sources.saveFeed': {
    from: ['extension-page'],
    fields: {
      id: sourceId.optional(),
      name: z.string().trim().min(1).max(80),
      url: z.string().url().max(2000),
      intervalMinutes: z.number().int().min(1).max(24 * 60),
      mode: z.enum(['replace', 'merge']),
      /** An empty value keeps the stored secret (the UI never receives it back). */
      authHeader: z.object({ name: z.string().regex(/^[A-Za-z0-9-]{1,60}$/), value: z.string().max(2000) }).optional(),
      mapping: columnMapping.optional(),
    },
    reply: replyType<{ source: StockSource; outcome: FeedOutcome }>(),
  },
  // The options page commits file imports itself (same origin, no copy of 100k records through a message) and
  // then says so: the worker drops its lookup cache and tells open tabs.
  'stock.changed': { from: ['extension-page'], reply: replyType<null>() },
  // Plain strings, normalised by the worker: per-code transforms would cost more than the lookup itself.
  'stock.lookup': {
    from: ['content', 'extension-page'],
    fields: { codes: z.array(z.string().max(MAX_CODE_LENGTH)).max(MAX_LOOKUP_CODES) },
    reply: replyType<StockLookupReply>(),
  },
  'stock.detail': { from: ['content', 'extension-page'], fields: { code: z.string().max(MAX_CODE_LENGTH) }, reply: replyType<StockHit | null>() },
  /** The stock of the codes the asking tab's host showed lately: `reply` is aligned with `codes`. */
  'stock.recent': { from: ['content'], reply: replyType<{ codes: string[]; reply: StockLookupReply }>() },
});
