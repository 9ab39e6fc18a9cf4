/** How far our floating panels stay from the edges of the view. */
export const VIEW_MARGIN = 8;

export interface Size {
  width: number;
  height: number;
}

/** The part of an anchor's box a placement reads (a DOMRect has it). */
export type AnchorBox = Pick<DOMRectReadOnly, 'top' | 'right' | 'bottom' | 'left'>;

/**
 * Where a fixed panel goes, in view pixels. `bottom` (distance from the view's bottom edge) for panels above their
 * anchor: they grow upwards as their content grows, without being placed again.
 */
export type PanelPosition = { left: number; top: number } | { left: number; bottom: number };

/**
 * Where a panel opens next to its anchor:
 * - `above`: over the anchor's top edge, left-aligned (the palette and tone hint above the reply box);
 * - `below`: under the anchor, left-aligned (the stock detail under its badge);
 * - `over-right`: over the anchor, along its top and right edges (the remark composer over its order row).
 */
export type Side = 'above' | 'below' | 'over-right';

/** Gaps between anchor and panel: enough to see the anchor's edge. */
const GAP_ABOVE = 6;
const GAP_BELOW = 4;

/** The view our fixed panels are kept in: without the scrollbar across, the whole window height. */
export function viewSize(): Size {
  return { width: document.documentElement.clientWidth, height: innerHeight };
}

/**
 * A panel's position next to its anchor, kept inside the view (`VIEW_MARGIN` from each edge); where the panel is
 * larger than the view, its top-left corner stays in view.
 */
export function placeNear(anchor: AnchorBox, panel: Size, side: 'above', view?: Size): { left: number; bottom: number };
export function placeNear(anchor: AnchorBox, panel: Size, side: 'below' | 'over-right', view?: Size): { left: number; top: number };
export function placeNear(anchor: AnchorBox, panel: Size, side: Side, view?: Size): PanelPosition;
export function placeNear(anchor: AnchorBox, panel: Size, side: Side, view: Size = viewSize()): PanelPosition {
  const keepIn = (start: number, length: number, room: number) => Math.max(VIEW_MARGIN, Math.min(start, room - length - VIEW_MARGIN));
  switch (side) {
    case 'above':
      return { left: keepIn(anchor.left, panel.width, view.width), bottom: Math.max(VIEW_MARGIN, view.height - anchor.top + GAP_ABOVE) };
    case 'below':
      return { left: keepIn(anchor.left, panel.width, view.width), top: keepIn(anchor.bottom + GAP_BELOW, panel.height, view.height) };
    case 'over-right':
      return { left: keepIn(anchor.right - panel.width - VIEW_MARGIN, panel.width, view.width), top: keepIn(anchor.top, panel.height, view.height) };
  }
}

/** Puts a fixed panel (already on the page, so that it has a size) next to its anchor element. */
export function placePanel(panel: HTMLElement, anchor: Element, side: Side): void {
  const position = placeNear(anchor.getBoundingClientRect(), { width: panel.offsetWidth, height: panel.offsetHeight }, side);
  panel.style.left = `${position.left}px`;
  if ('top' in position) panel.style.top = `${position.top}px`;
  else panel.style.bottom = `${position.bottom}px`;
}
