import { DOCK_CORNERS, DEFAULT_DOCK_PLACE, type DockCorner, type DockPlace } from '@/utils/settings/dock-place';

/** What an agent clicks or types into on a page: the dock must never sit on one of these. */
const CONTROLS =
  'a[href], button, input:not([type="hidden"]), select, textarea, label, summary, [role="button"], [role="link"], [role="tab"], ' +
  '[role="menuitem"], [role="textbox"], [role="combobox"], [contenteditable=""], [contenteditable="true"], [onclick]';
/**
 * The element is, holds or lies in a control: only such additions can bring a control under the dock. A table moving
 * its rows about (a countdown list re-sorted every second) adds rows without any, and pays for no hit test.
 */
export const bringsControl = (element: Element) => element.closest(CONTROLS) !== null || element.querySelector(CONTROLS) !== null;

/** Points tested per side of the dock's box, at most: a control smaller than this step is still found. */
const STEP = 24;
/** Gap kept between the dock and a control it moved away from. */
const GAP = 8;

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The view the dock is fixed in (without scroll bars). */
const view = () => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight });

/** The dock's box at a place, for a dock of `size`. */
export function boxAt(place: DockPlace, size: { width: number; height: number }): Box {
  const { width, height } = view();
  const left = place.corner.endsWith('right') ? width - place.x - size.width : place.x;
  const top = place.corner.startsWith('bottom') ? height - place.y - size.height : place.y;
  return { left, top, width: size.width, height: size.height };
}

/** The place (nearest corner, distances from it) of a box the agent dragged the dock to. */
export function placeOfBox(box: Box, collapsed: boolean): DockPlace {
  const { width, height } = view();
  const right = box.left + box.width / 2 > width / 2;
  const bottom = box.top + box.height / 2 > height / 2;
  const corner = `${bottom ? 'bottom' : 'top'}-${right ? 'right' : 'left'}` as DockCorner;
  const x = Math.max(0, Math.round(right ? width - box.left - box.width : box.left));
  const y = Math.max(0, Math.round(bottom ? height - box.top - box.height : box.top));
  return { corner, x: Math.min(x, Math.max(0, width - box.width)), y: Math.min(y, Math.max(0, height - box.height)), collapsed };
}

/**
 * The page's controls under a box: the elements at a grid of points over it (every STEP px, edges included), seen
 * through `dock` (our own host, which elementsFromPoint lists first, is skipped).
 */
export function controlsUnder(box: Box, dock: Element): Element[] {
  const found = new Set<Element>();
  const xs = steps(box.left, box.width);
  const ys = steps(box.top, box.height);
  for (const y of ys) {
    for (const x of xs) {
      for (const element of document.elementsFromPoint(x, y)) {
        if (element === dock || element === document.body || element === document.documentElement) continue;
        const control = element.closest(CONTROLS);
        if (control && !dock.contains(control)) found.add(control);
      }
    }
  }
  return [...found];
}

function steps(start: number, length: number): number[] {
  const n = Math.max(1, Math.ceil(length / STEP));
  return Array.from({ length: n + 1 }, (_, k) => start + Math.min(length - 1, Math.max(1, (k * length) / n)));
}

const inView = (box: Box) => {
  const { width, height } = view();
  return box.left >= 0 && box.top >= 0 && box.left + box.width <= width && box.top + box.height <= height;
};

/**
 * Where the dock goes: the agent's place if no control is under it; else that corner moved just past the controls
 * (up from a bottom corner, down from a top one); else the first other corner that is free; else, everywhere
 * covering something, the place covering the fewest controls.
 */
export function choosePlace(preferred: DockPlace, size: { width: number; height: number }, dock: Element): DockPlace {
  const under = (place: DockPlace) => controlsUnder(boxAt(place, size), dock);
  const first = under(preferred);
  if (first.length === 0) return preferred;
  const candidates: DockPlace[] = [];
  const { height } = view();
  const rects = first.map((control) => control.getBoundingClientRect());
  const past = preferred.corner.startsWith('bottom')
    ? height - Math.min(...rects.map((rect) => rect.top)) + GAP
    : Math.max(...rects.map((rect) => rect.bottom)) + GAP;
  candidates.push({ ...preferred, y: Math.round(past) });
  for (const corner of DOCK_CORNERS) if (corner !== preferred.corner) candidates.push({ ...DEFAULT_DOCK_PLACE, corner, collapsed: preferred.collapsed });
  let best = { place: preferred, covered: first.length };
  for (const place of candidates) {
    if (!inView(boxAt(place, size))) continue;
    const covered = under(place).length;
    if (covered === 0) return place;
    if (covered < best.covered) best = { place, covered };
  }
  return best.place;
}
