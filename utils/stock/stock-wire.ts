import type { StockHit } from './stock-index';

/**
 * A lookup answer as it crosses the message boundary: what a badge shows and no more — the available quantity and
 * its source (named once, not per code). Per-warehouse stock and product names are for the detail, which asks for
 * its one code. A 2,000-code answer is serialised twice on its way, so its size is most of a lookup's time.
 */
export interface StockLookupReply {
  sources: Record<string, { name: string; syncedAt: number }>;
  hits: Record<string, { available: number; source: string }>;
}

export function packHits(hits: Record<string, StockHit>): StockLookupReply {
  const reply: StockLookupReply = { sources: {}, hits: {} };
  for (const [code, hit] of Object.entries(hits)) {
    reply.sources[hit.sourceId] ??= { name: hit.sourceName, syncedAt: hit.syncedAt };
    reply.hits[code] = { available: hit.available, source: hit.sourceId };
  }
  return reply;
}

export function unpackHits(reply: StockLookupReply): Record<string, StockHit> {
  const hits: Record<string, StockHit> = {};
  for (const [code, hit] of Object.entries(reply.hits)) {
    const source = reply.sources[hit.source];
    hits[code] = {
      code,
      available: hit.available,
      // Not sent with lookups: the detail view asks for them (stock.detail).
      warehouses: {},
      sourceId: hit.source,
      sourceName: source?.name ?? '',
      syncedAt: source?.syncedAt ?? 0,
    };
  }
  return hits;
}
