/**
 * Which badge anchors are near the view: within half a screen of it in the page, within a screen in scroll panes.
 * A page that re-renders its list every second rewrites every row; only the rows near the view get their badges put
 * back or repainted at once, the others when they come near (the browser lays out and paints every badge on the
 * page, in view or not, so a long list's badges far from the view would cost the page's every frame).
 */
export interface NearView {
  /** Follows this anchor: `onNear` is called when it comes near the view (at once if it is near when first seen). */
  watch(anchor: Element): void;
  /** As the observer saw it after the last frame; an anchor not followed is not near. */
  isNear(anchor: Element): boolean;
  /**
   * Near, but only in the margin ahead of the view: a row of the page (not of a scroll pane) that the agent cannot
   * see yet, as the observers saw it after the last frame. Rows in panes are never taken for these (a virtual list
   * moves its recycled rows about in the same task that rewrites them: their last look says little).
   */
  isAheadOnly(anchor: Element): boolean;
  /**
   * Shown on the page but out of reach of the view, as the observer last saw it. Not an anchor hidden (a row
   * `display: none` may show again in the same task that rewrites it, with no frame between to see it come back).
   */
  isFar(anchor: Element): boolean;
  /** Stops following the anchors the page removed. */
  forgetRemoved(): void;
  disconnect(): void;
}

/**
 * Rows the page itself scrolls: half a screen ahead, below and above (the root's margin; a wheel notch or an arrow key
 * scrolls far less). Fewer rows near means fewer badges put back on a page that re-renders its rows: at the top of a
 * 200-row table re-rendered every second, 42 instead of 56.
 */
const PAGE_AHEAD = { rootMargin: '50% 0px' };
/**
 * Rows in a scroll pane: a screen ahead. `scrollMargin` widens the clip of every scroller on the way, the page's own
 * included (Chromium and Firefox alike, measured). A virtual list recycles the rows it draws beyond its pane and moves
 * them in the same task: those must be near (the test list draws 10 rows beyond each edge of its 20-row pane, 20 above
 * at the list's end; at 50 % and 75 % such rows were found far and waited). No root margin besides: the two add up.
 */
const PANE_AHEAD = { scrollMargin: '100% 0px' } as IntersectionObserverInit;

export function createNearView(onNear: (anchors: Element[]) => void, onError: (error: unknown) => void): NearView {
  const near = new WeakSet<Element>();
  const far = new WeakSet<Element>();
  /** Page rows within the view itself (no margin). */
  const seen = new WeakSet<Element>();
  /** Every anchor followed (strongly held by the observers too): swept when the page removed them. */
  const watched = new Set<Element>();
  const unwatch = (anchor: Element) => {
    watched.delete(anchor);
    near.delete(anchor);
    far.delete(anchor);
    seen.delete(anchor);
    pageRows.unobserve(anchor);
    paneRows.unobserve(anchor);
    viewRows.unobserve(anchor);
  };
  const onEntries = (entries: IntersectionObserverEntry[]) => {
    // The browser calls this, not the registry: errors are caught here, so none reaches the page.
    try {
      const came: Element[] = [];
      for (const entry of entries) {
        const anchor = entry.target;
        if (!anchor.isConnected) {
          unwatch(anchor);
        } else if (entry.isIntersecting) {
          near.add(anchor);
          far.delete(anchor);
          came.push(anchor);
        } else {
          near.delete(anchor);
          const box = entry.boundingClientRect;
          if (box.width > 0 || box.height > 0) far.add(anchor);
          else far.delete(anchor);
        }
      }
      if (came.length) onNear(came);
    } catch (error) {
      onError(error);
    }
  };
  /** A page row came into the view itself, or left it: one that came is handed on as near (it may owe its badge). */
  const onViewEntries = (entries: IntersectionObserverEntry[]) => {
    try {
      const came: Element[] = [];
      for (const entry of entries) {
        if (entry.isIntersecting) {
          seen.add(entry.target);
          if (near.has(entry.target)) came.push(entry.target);
        } else {
          seen.delete(entry.target);
        }
      }
      if (came.length) onNear(came);
    } catch (error) {
      onError(error);
    }
  };
  const pageRows = new IntersectionObserver(onEntries, PAGE_AHEAD);
  const paneRows = new IntersectionObserver(onEntries, PANE_AHEAD);
  const viewRows = new IntersectionObserver(onViewEntries);
  /** Page rows, followed by the view observer too. */
  const pageRow = new WeakSet<Element>();
  // In a frame the root's margin does not apply to what the frame shows (cross-origin): all rows as in panes there,
  // and no ancestor is looked at.
  const inPane = window === window.top ? createPaneFinder() : () => true;
  return {
    watch(anchor) {
      if (watched.has(anchor)) return;
      watched.add(anchor);
      if (inPane(anchor)) {
        paneRows.observe(anchor);
      } else {
        pageRows.observe(anchor);
        viewRows.observe(anchor);
        pageRow.add(anchor);
      }
    },
    isNear: (anchor) => near.has(anchor),
    isAheadOnly: (anchor) => near.has(anchor) && pageRow.has(anchor) && !seen.has(anchor),
    isFar: (anchor) => far.has(anchor),
    forgetRemoved() {
      for (const anchor of watched) if (!anchor.isConnected) unwatch(anchor);
    },
    disconnect() {
      pageRows.disconnect();
      paneRows.disconnect();
      viewRows.disconnect();
      watched.clear();
    },
  };
}

/**
 * Whether an element lies in a box that can scroll (a list that scrolls inside a pane), not only in the page. Each
 * ancestor is looked at once (rows of one list share them), by its computed overflow only: `hidden` counts too (a
 * script may scroll it, as some virtual lists do), and a box's size is not read — that would lay the page out inside
 * its own task, before the first rows' badges. A row taken for a pane's wrongly only gets the wider margin.
 */
function createPaneFinder(): (element: Element) => boolean {
  const known = new WeakMap<Element, boolean>();
  const scrolls = (element: Element) => {
    const overflow = getComputedStyle(element).overflowY;
    return overflow !== 'visible' && overflow !== 'clip';
  };
  return (element) => {
    const path: Element[] = [];
    let found = false;
    for (let up = element.parentElement; up && up !== document.body && up !== document.documentElement; up = up.parentElement) {
      const seen = known.get(up);
      if (seen !== undefined) {
        found = seen;
        break;
      }
      path.push(up);
      if (scrolls(up)) {
        found = true;
        break;
      }
    }
    // Every ancestor walked answers the same for what lies in it: in a pane if one above (or it) scrolls.
    for (const up of path) known.set(up, found);
    return found;
  };
}
