/**
 * Which badge anchors are near the view: within a screen of it, in the page and in scroll panes.
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
   * Shown on the page but out of reach of the view, as the observer last saw it. Not an anchor hidden (a row
   * `display: none` may show again in the same task that rewrites it, with no frame between to see it come back).
   */
  isFar(anchor: Element): boolean;
  /** Stops following the anchors the page removed. */
  forgetRemoved(): void;
  disconnect(): void;
}

export function createNearView(onNear: (anchors: Element[]) => void, onError: (error: unknown) => void): NearView {
  const near = new WeakSet<Element>();
  const far = new WeakSet<Element>();
  /** Every anchor followed (strongly held by the observer too): swept when the page removed them. */
  const watched = new Set<Element>();
  const unwatch = (anchor: Element) => {
    watched.delete(anchor);
    near.delete(anchor);
    far.delete(anchor);
    observer.unobserve(anchor);
  };
  const observer = new IntersectionObserver(
    (entries) => {
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
    },
    // A screen ahead, in scroll panes and in the page: `scrollMargin` widens the clip of every scroller on the way,
    // the page's own included (Chromium and Firefox alike, measured). A virtual list recycles the rows it draws beyond
    // its pane and moves them in the same task: those must be near (the test list draws 10 rows beyond each edge of
    // its 20-row pane, 20 above at the list's end; at 50 % and 75 % such rows were found far and waited). No root
    // margin besides: the two add up (a 200-row table at the top of an 800 px view had 140 rows near with both at
    // 100 %, instead of 56).
    { scrollMargin: '100% 0px' } as IntersectionObserverInit,
  );
  return {
    watch(anchor) {
      if (watched.has(anchor)) return;
      watched.add(anchor);
      observer.observe(anchor);
    },
    isNear: (anchor) => near.has(anchor),
    isFar: (anchor) => far.has(anchor),
    forgetRemoved() {
      for (const anchor of watched) if (!anchor.isConnected) unwatch(anchor);
    },
    disconnect() {
      observer.disconnect();
      watched.clear();
    },
  };
}
