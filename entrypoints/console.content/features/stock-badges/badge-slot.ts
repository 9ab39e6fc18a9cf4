import { BADGE_TAG } from '@/components/stock/stock-badge';

/**
 * Where an anchor's badge goes.
 *
 * At the end of the line an anchor laid out inline ends (the `span` of a number, as Taobao's `span.quantity`): the
 * badge is the last child of the anchor's parent, when that parent is a block or a cell, so after the page's own
 * controls beside the number (Taobao's edit icon), which it would cover otherwise — a badge takes no room (see
 * stock-badge.css). A framework re-rendering the number sets that element's text in place when its text is all it
 * holds (React and Vue alike), but replaces its children when it holds more: inside the number, the badge would be
 * taken out at every re-render and put back, its layout and style made anew each time; beside it, it stays, and only
 * its own text changes.
 *
 * Inside the anchor, at its end, otherwise: a table cell or a block with the text straight in it (beside it the badge
 * would be a cell or a line of its own), a flex or grid item (its display is computed as a block: beside it the badge
 * would be an item of its own, placed by the page's rules), an inline anchor inside another inline box (more of the
 * line may follow its parent), an anchor that is its place itself (a product card of its own: beside it, the badge
 * would be in its neighbours' box).
 */
export interface BadgeSlot {
  /** The badge in the anchor's slot now, if there is one. */
  badgeAt(anchor: Element): HTMLElement | null;
  /** Whether this badge sits in the anchor's slot. */
  holds(anchor: Element, badge: HTMLElement): boolean;
  /** Puts the badge into the anchor's slot (where it already is, nothing changes). */
  put(anchor: Element, badge: HTMLElement): void;
}

export interface BadgeSlotOptions {
  /** The element's computed display (the browser's; tests without a layout engine hand their own). */
  displayOf?: (element: Element) => string;
  /** The anchor is a product place itself. */
  isPlace?: (anchor: Element) => boolean;
}

export function createBadgeSlot({
  displayOf = (element: Element) => getComputedStyle(element).display,
  isPlace = () => false,
}: BadgeSlotOptions = {}): BadgeSlot {
  /**
   * The element whose last child the badge is: read once per anchor and parent (a computed style may recompute the
   * page's styles); again if the page moved the anchor into another parent.
   */
  const hostOf = new WeakMap<Element, Element>();
  const lineEnds = (display: string) => display === 'block' || display === 'flow-root' || display === 'table-cell' || display === 'list-item';
  const slotHost = (anchor: Element) => {
    let host = hostOf.get(anchor);
    if (!host || (host !== anchor && host !== anchor.parentElement)) {
      const parent = anchor.parentElement;
      host = parent && !isPlace(anchor) && displayOf(anchor).startsWith('inline') && lineEnds(displayOf(parent)) ? parent : anchor;
      hostOf.set(anchor, host);
    }
    return host;
  };
  const isBadge = (node: Node | null): node is HTMLElement => node?.nodeType === Node.ELEMENT_NODE && (node as Element).localName === BADGE_TAG;
  const holds = (anchor: Element, badge: HTMLElement) => {
    const host = slotHost(anchor);
    return badge.parentNode === host && host.lastChild === badge;
  };
  return {
    badgeAt(anchor) {
      const host = slotHost(anchor);
      if (host !== anchor) return isBadge(host.lastChild) ? host.lastChild : null;
      return anchor.querySelector<HTMLElement>(`:scope > ${BADGE_TAG}`);
    },
    holds,
    put(anchor, badge) {
      if (!holds(anchor, badge)) slotHost(anchor).append(badge);
    },
  };
}
