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

/** The elements that hold product places (item rows, order lines, chat product cards), for reading them in slices. */
export function stockPlaces(parts: PageParts): Element[] {
  const p = parts as PageParts<any>;
  if (parts.kind === 'items') return p.all('row');
  if (parts.kind === 'orders') return p.all('line');
  if (parts.kind === 'chat') return [...p.all('productCard'), ...p.all('line')];
  return [];
}

/**
 * Every product place on the page the adapter can read: item rows, order lines (also in the chat's order card),
 * product cards in chat messages. In document order; at most `limit`; only inside the `within` elements (e.g. what
 * the page just added) when given.
 */
export function findStockTargets(parts: PageParts, { limit = Infinity, within }: { limit?: number; within?: readonly Element[] } = {}): StockTarget[] {
  const p = parts as PageParts<any>;
  const all = (name: string) => (within ? within.flatMap((element) => p.inSubtree(name, element)) : p.all(name));
  const targets: StockTarget[] = [];
  const add = (anchor: Element | null, codes: (string | null)[], pageStock: string | null) => {
    if (targets.length >= limit) return;
    const normalized = [...new Set(codes.filter((c): c is string => !!c).map(normalizeCode).filter(Boolean))];
    if (!anchor || normalized.length === 0) return;
    const stock = pageStock != null && /^-?\d+$/.test(pageStock) ? Number(pageStock) : null;
    targets.push({ anchor, codes: normalized, pageStock: stock });
  };
  const orderLines = () => {
    for (const line of all('line')) {
      if (targets.length >= limit) return;
      add(p.first('lineSkuCode', line) ?? p.first('lineOuterCode', line), [p.value('lineSkuCode', line), p.value('lineOuterCode', line)], null);
    }
  };
  if (parts.kind === 'items') {
    for (const row of all('row')) {
      if (targets.length >= limit) break;
      add(p.first('pageStock', row) ?? p.first('outerCode', row), [p.value('skuCode', row), p.value('outerCode', row)], p.value('pageStock', row));
    }
  } else if (parts.kind === 'orders') {
    orderLines();
  } else if (parts.kind === 'chat') {
    for (const card of all('productCard')) {
      if (targets.length >= limit) break;
      add(p.first('productStock', card) ?? p.first('productCode', card), [p.value('productCode', card)], p.value('productStock', card));
    }
    // The chat's order card shows order lines too.
    orderLines();
  }
  return targets;
}
