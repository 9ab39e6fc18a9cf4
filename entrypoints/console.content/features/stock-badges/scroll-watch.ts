/**
 * Whether the page, or any pane in it, is scrolling: a scroll within the last SCROLLING_MS. `onScroll` runs at each
 * scroll event, which the browser fires before it lays out and paints the scrolled frame — what it adds is drawn in
 * that frame. Listened to in the capture phase of the document, as a scroll of an element does not bubble.
 */
const SCROLLING_MS = 250;

export function createScrollWatch(signal: AbortSignal, onScroll: () => void): () => boolean {
  // A duration, not a time of day: the page's monotonic clock, never the calendar one.
  let lastScroll = -Infinity;
  const listener = () => {
    lastScroll = performance.now();
    onScroll();
  };
  document.addEventListener('scroll', listener, { capture: true, passive: true, signal });
  window.addEventListener('resize', listener, { passive: true, signal });
  return () => performance.now() - lastScroll < SCROLLING_MS;
}
