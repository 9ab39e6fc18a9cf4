import type { PageParts } from '../adapters/page-parts';
import { normalizeCode } from './normalize-code';
import { MAX_CODE_LENGTH } from './limits';

/** A place on the page that shows a product: where its badge goes, and what identifies it. */
export interface StockTarget {
  /** The product place (item row, order line, product card): what the page re-renders or recycles as a whole. */
  place: Element;
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
  /** The element that shows the stock or code read (not merely the first the selector finds: a wrapper). */
  anchor(parts: Parts, place: Element): Element | null;
  codes(parts: Parts, place: Element): (string | null)[];
  pageStock(parts: Parts, place: Element): string | null;
}

const itemRow: PlaceReader = {
  anchor: (parts, row) => parts.reading('pageStock', row) ?? parts.reading('outerCode', row),
  codes: (parts, row) => [parts.value('skuCode', row), parts.value('outerCode', row)],
  pageStock: (parts, row) => parts.value('pageStock', row),
};
const orderLine: PlaceReader = {
  anchor: (parts, line) => parts.reading('lineSkuCode', line) ?? parts.reading('lineOuterCode', line),
  codes: (parts, line) => [parts.value('lineSkuCode', line), parts.value('lineOuterCode', line)],
  pageStock: () => null,
};
const productCard: PlaceReader = {
  anchor: (parts, card) => parts.reading('productStock', card) ?? parts.reading('productCode', card),
  codes: (parts, card) => [parts.value('productCode', card)],
  pageStock: (parts, card) => parts.value('productStock', card),
};

/** The parts that are product places, per page kind, in reading order (the chat's order card shows order lines). */
const PLACES: Partial<Record<string, [part: string, reader: PlaceReader][]>> = {
  items: [['row', itemRow]],
  orders: [['line', orderLine]],
  chat: [['productCard', productCard], ['line', orderLine]],
};

/** The elements that hold product places (item rows, order lines, chat product cards), for reading them in slices. */
export function stockPlaces(pageParts: PageParts): Element[] {
  const parts = pageParts as Parts;
  return (PLACES[parts.kind] ?? []).flatMap(([part]) => parts.all(part));
}

/** The element is itself a product place (an item row, an order line, a product card). */
export function isStockPlace(pageParts: PageParts, element: Element): boolean {
  const parts = pageParts as Parts;
  return (PLACES[parts.kind] ?? []).some(([part]) => parts.is(part, element));
}

/**
 * Every product place on the page the adapter can read: item rows, order lines (also in the chat's order card),
 * product cards in chat messages. In document order; at most `limit`; only inside the `within` elements (e.g. what
 * the page just added) when given. A code longer than a lookup takes is left out (and handed to `onOddCode`): sent,
 * it would fail the lookup of every other code with it.
 */
export function findStockTargets(
  pageParts: PageParts,
  { limit = Infinity, within, onOddCode }: { limit?: number; within?: readonly Element[]; onOddCode?: (code: string) => void } = {},
): StockTarget[] {
  const parts = pageParts as Parts;
  const all = (part: string) => (within ? within.flatMap((element) => parts.inSubtree(part, element)) : parts.all(part));
  const targets: StockTarget[] = [];
  for (const [part, reader] of PLACES[parts.kind] ?? []) {
    for (const place of all(part)) {
      if (targets.length >= limit) return targets;
      const anchor = reader.anchor(parts, place);
      const read = [...new Set(reader.codes(parts, place).filter((c): c is string => !!c).map(normalizeCode).filter(Boolean))];
      const codes = read.filter((code) => code.length <= MAX_CODE_LENGTH);
      if (onOddCode && codes.length < read.length) read.filter((code) => code.length > MAX_CODE_LENGTH).forEach(onOddCode);
      if (!anchor || codes.length === 0) continue;
      const pageStock = reader.pageStock(parts, place);
      targets.push({ place, anchor, codes, pageStock: pageStock != null && /^-?\d+$/.test(pageStock) ? Number(pageStock) : null });
    }
  }
  return targets;
}

/** The parts a place's badge depends on (its codes, the page's stock, the anchor), per page kind. */
const READ_PARTS: Partial<Record<string, string[]>> = {
  items: ['skuCode', 'outerCode', 'pageStock'],
  orders: ['lineSkuCode', 'lineOuterCode'],
  chat: ['productCode', 'productStock', 'lineSkuCode', 'lineOuterCode'],
};

const selectorsOf = (parts: Parts, names: string[]) => names.map((name) => parts.spec.parts[name]?.selector).filter((s): s is string => !!s).join(', ');

/**
 * The product places whose badge these changed elements may concern (what the page rewrote in place): a row whose
 * code or stock a framework rewrote, or a recycled row of a virtual list that now shows another product. A change
 * that touches none of the parts a badge reads (a countdown cell, a status text) concerns no place. Places `skip`
 * says are of no concern now are not tested at all.
 */
export function placesAround(pageParts: PageParts, elements: readonly Element[], skip?: (place: Element) => boolean): Element[] {
  const parts = pageParts as Parts;
  const placeSelector = selectorsOf(parts, (PLACES[parts.kind] ?? []).map(([part]) => part));
  const readSelector = selectorsOf(parts, READ_PARTS[parts.kind] ?? []);
  if (!placeSelector || !readSelector) return [];
  const places = new Set<Element>();
  /** Places `skip` said no to: asked once, not for each of their changed cells. */
  const skipped = new Set<Element>();
  for (const element of elements) {
    if (!element.isConnected) continue;
    const place = element.closest(placeSelector);
    if (!place || places.has(place) || skipped.has(place)) continue;
    if (skip?.(place)) {
      skipped.add(place);
      continue;
    }
    if (readsInPlace(element, place, readSelector)) places.add(place);
  }
  return [...places];
}

/**
 * The changed element is, holds, or lies in a part the badge reads, within its place. Cheapest test first: the
 * changed element is usually a cell itself; the walk up stops at the place, which holds the element (not at the document's root) — on a
 * re-rendering list it runs for every changed cell, countdowns included.
 */
function readsInPlace(element: Element, place: Element, readSelector: string): boolean {
  if (element.matches(readSelector) || element.querySelector(readSelector)) return true;
  for (let up = element; up !== place; ) {
    up = up.parentElement!;
    if (up.matches(readSelector)) return true;
  }
  return false;
}

/** The product places inside (or equal to) the elements the page added. */
export function placesIn(pageParts: PageParts, elements: readonly Element[]): Element[] {
  const parts = pageParts as Parts;
  return (PLACES[parts.kind] ?? []).flatMap(([part]) => elements.flatMap((element) => (element.isConnected ? parts.inSubtree(part, element) : [])));
}

/** The place read again now: what it shows may have changed since it was last read (a recycled row). */
export function readPlace(pageParts: PageParts, place: Element): StockTarget | null {
  if (!place.isConnected) return null;
  return findStockTargets(pageParts, { within: [place] }).find((again) => again.place === place) ?? null;
}
