// Injected into the demo chat page with page.evaluateOnNewDocument(paletteProbe): main world, before the page's
// scripts. Puppeteer sends the function's source, so it must stay self-contained.
// Per '/' keystroke, with performance.now():
//   keyAt      the '/' keydown (window, capture phase: before the page's and the content script's listeners)
//   shownAt    the first moment <xiaoer-palette>'s shadow root holds a result (li[role="option"])
//   paintedAt  the next frame after shownAt (requestAnimationFrame, then a message-channel task: the frame is out)
// The document observer does not see into shadow roots: once the host is there without a result, its shadow root is
// observed as well.
export function paletteProbe() {
  const r = { openings: [] };
  window.__xiaoerPaletteProbe = r;
  const hosts = document.getElementsByTagName('xiaoer-palette');
  let current = null;
  let watchedRoot = null;
  const rootObserver = new MutationObserver(() => check());
  const check = () => {
    if (!current || current.shownAt !== null) return;
    const root = hosts[0]?.shadowRoot;
    if (!root) return;
    if (!root.querySelector('li[role="option"]')) {
      if (watchedRoot !== root) {
        rootObserver.disconnect();
        rootObserver.observe(root, { childList: true, subtree: true });
        watchedRoot = root;
      }
      return;
    }
    const opening = current;
    opening.shownAt = performance.now();
    opening.options = root.querySelectorAll('li[role="option"]').length;
    rootObserver.disconnect();
    watchedRoot = null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        opening.paintedAt = performance.now();
      };
      channel.port2.postMessage(0);
    });
  };
  addEventListener(
    'keydown',
    (event) => {
      if (event.key !== '/') return;
      current = { keyAt: performance.now(), shownAt: null, paintedAt: null, options: 0 };
      r.openings.push(current);
      check();
    },
    true,
  );
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}
