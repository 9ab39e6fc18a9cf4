import { normalizeCode } from './normalize-code';
import type { StockHit } from './stock-index';

/**
 * A lookup answer as it crosses the message boundary: what a badge shows and no more. Per code asked, in the order
 * asked, `[available, source index]` or 0 for no record; each source named once. No codes (the asker has them), no
 * warehouses or names (the detail asks for its one code). A 2,000-code answer is serialised twice on its way, so its
 * size is most of a lookup's time.
 */
export interface StockLookupReply {
  sources: { id: string; name: string; syncedAt: number }[];
  found: ([available: number, source: number] | 0)[];
}

/** The answer to `codes`, keyed by normalised code; codes without a record are absent. */
export function unpackHits(codes: readonly string[], reply: StockLookupReply): Record<string, StockHit> {
  const hits: Record<string, StockHit> = {};
  codes.forEach((raw, i) => {
    const entry = reply.found[i];
    const source = entry ? reply.sources[entry[1]] : undefined;
    if (!entry || !source) return;
    const code = normalizeCode(raw);
    // Warehouses are not sent with lookups: the detail view asks for them (stock.detail).
    hits[code] = { code, available: entry[0], warehouses: {}, sourceId: source.id, sourceName: source.name, syncedAt: source.syncedAt };
  });
  return hits;
}
