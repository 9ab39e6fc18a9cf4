// Injected into an editor page (test/editors) with page.evaluateOnNewDocument(insertProbe): main world, before the
// page's scripts; self-contained (puppeteer sends its source). Times the palette's choice → the text in the
// editor's own state (window.__state(), which reads the framework's state):
//   chosenAt   the Enter keydown that chooses the snippet (window, capture: before the content script's listener;
//              in a same-origin frame, that frame's window)
//   landedAt   the first moment __state() holds `window.__xiaoerInsertProbe.expect`, checked on every DOM mutation
//              (in the document and in the page's open shadow roots: the shadow-root editor changes only inside
//              its root, which a document's observer does not see), every input event (before and after the
//              page's own listeners, which update the framework's state) and every frame after chosenAt
export function insertProbe() {
  // In a same-origin frame (the iframe page's editor), keys and changes are reported to the top page's probe.
  if (window !== window.top) {
    const report = (name) => () => window.top.__xiaoerInsertProbe?.[name]();
    addEventListener('keydown', (event) => event.key === 'Enter' && window.top.__xiaoerInsertProbe?.chosen(), true);
    addEventListener('input', report('check'), true);
    new MutationObserver(report('check')).observe(document, { childList: true, subtree: true, characterData: true });
    return;
  }
  const r = { expect: null, runs: [] };
  window.__xiaoerInsertProbe = r;
  let current = null;
  const check = () => {
    if (!current || current.landedAt !== null || !r.expect) return;
    let text = '';
    try {
      text = window.__state();
    } catch {
      return;
    }
    if (text.includes(r.expect)) current.landedAt = performance.now();
  };
  const everyFrame = () => {
    check();
    if (current && current.landedAt === null) requestAnimationFrame(everyFrame);
  };
  r.chosen = () => {
    if (!r.expect) return;
    current = { chosenAt: performance.now(), landedAt: null };
    r.runs.push(current);
    requestAnimationFrame(everyFrame);
  };
  r.check = check;
  addEventListener('keydown', (event) => event.key === 'Enter' && r.chosen(), true);
  addEventListener('input', check, true);
  addEventListener('input', check);
  const changes = new MutationObserver(check);
  const watch = (root) => changes.observe(root, { childList: true, subtree: true, characterData: true });
  watch(document);
  // The page's shadow roots (a main-world patch: Xiaoer's own, made in its isolated world, are not seen).
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    if (init?.mode === 'open') watch(root);
    return root;
  };
}
