import type { PageParts } from '../adapters/page-parts';
import { normalizeCode } from './normalize-code';

/** A place on the page that shows a product: where its badge goes, and what identifies it. */
export interface StockTarget {
  /** The badge goes at the end of this element. */
  anchor: Element;
  /** Normalised codes in matching order: SKU code first, then outer code. */
  codes: string[];
  /** The stock the page itself shows, when it shows one. */
  pageStock: number | null;
}

type Parts = PageParts<any>;

/** How one kind of product place is read: where its badge goes, its codes (SKU first), the stock the page shows. */
interface PlaceReader {
  anchor(p: Parts, place: Element): Element | null;
  codes(p: Parts, place: Element): (string | null)[];
  pageStock(p: Parts, place: Element): string | null;
}

const itemRow: PlaceReader = {
  anchor: (p, row) => p.first('pageStock', row) ?? p.first('outerCode', row),
  codes: (p, row) => [p.value('skuCode', row), p.value('outerCode', row)],
  pageStock: (p, row) => p.value('pageStock', row),
};
const orderLine: PlaceReader = {
  anchor: (p, line) => p.first('lineSkuCode', line) ?? p.first('lineOuterCode', line),
  codes: (p, line) => [p.value('lineSkuCode', line), p.value('lineOuterCode', line)],
  pageStock: () => null,
};
const productCard: PlaceReader = {
  anchor: (p, card) => p.first('productStock', card) ?? p.first('productCode', card),
  codes: (p, card) => [p.value('productCode', card)],
  pageStock: (p, card) => p.value('productStock', card),
};

/** The parts that are product places, per page kind, in reading order (the chat's order card shows order lines). */
const PLACES: Partial<Record<string, [part: string, reader: PlaceReader][]>> = {
  items: [['row', itemRow]],
  orders: [['line', orderLine]],
  chat: [['productCard', productCard], ['line', orderLine]],
};

/** The elements that hold product places (item rows, order lines, chat product cards), for reading them in slices. */
export function stockPlaces(parts: PageParts): Element[] {
  const p = parts as Parts;
  return (PLACES[parts.kind] ?? []).flatMap(([part]) => p.all(part));
}

/**
 * Every product place on the page the adapter can read: item rows, order lines (also in the chat's order card),
 * product cards in chat messages. In document order; at most `limit`; only inside the `within` elements (e.g. what
 * the page just added) when given.
 */
export function findStockTargets(parts: PageParts, { limit = Infinity, within }: { limit?: number; within?: readonly Element[] } = {}): StockTarget[] {
  const p = parts as Parts;
  const all = (part: string) => (within ? within.flatMap((element) => p.inSubtree(part, element)) : p.all(part));
  const targets: StockTarget[] = [];
  for (const [part, reader] of PLACES[parts.kind] ?? []) {
    for (const place of all(part)) {
      if (targets.length >= limit) return targets;
      const anchor = reader.anchor(p, place);
      const codes = [...new Set(reader.codes(p, place).filter((c): c is string => !!c).map(normalizeCode).filter(Boolean))];
      if (!anchor || codes.length === 0) continue;
      const pageStock = reader.pageStock(p, place);
      targets.push({ anchor, codes, pageStock: pageStock != null && /^-?\d+$/.test(pageStock) ? Number(pageStock) : null });
    }
  }
  return targets;
}
