// Did the text land? Read back from the DOM once the editor has re-rendered: rich editors apply an insertion to
// their own model and redraw from it, and some (Slate, CKEditor 5) put their model back over text that reached only
// the screen. Compared loosely where editors legitimately differ: paragraphs vs line breaks (one "\n" or blank
// lines), non-breaking spaces for spaces, and the zero-width characters editors keep in empty lines.

/** Text as compared: line-break runs as one "\n", NBSP as space, no zero-width marks, no trailing break. */
export function comparableText(text: string): string {
  return text
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(/\n+/g, '\n')
    .replace(/^\n|\n$/g, '');
}

export type Landing = 'landed' | 'untouched' | 'changed';

/**
 * What an attempt did: the expected text is there, nothing changed (try the next method), or something else.
 * `around`: when the agent typed on meanwhile, the text before the caret with the snippet (`head`) and what followed
 * the replaced range (`tail`): the snippet is in when the box still starts and ends with them.
 */
export function landing(before: string, expected: string, now: string, around?: { head: string; tail: string }): Landing {
  const current = comparableText(now);
  if (current === comparableText(expected)) return 'landed';
  if (around) {
    const head = comparableText(around.head);
    const tail = comparableText(around.tail);
    if (current.length >= head.length + tail.length && current.startsWith(head) && current.endsWith(tail)) return 'landed';
  }
  return current === comparableText(before) ? 'untouched' : 'changed';
}

/**
 * Resolves after the next frame has run (and the tasks queued by it), or after 100 ms when no frame comes (a
 * hidden tab): a framework's re-render (React's, Vue's, an editor's) is done by then.
 */
export function afterRender(view: Window | null): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    (view ?? window).requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/**
 * Tells the page's editors about the selection just set. Editors that keep their own selection (ProseMirror/TipTap,
 * Lexical, Draft.js through React's `select`, CKEditor 5) read the DOM's on `selectionchange`, in the event itself;
 * the browser sends it only a task later, and after a keystroke Chromium runs the next frame before timers and such
 * tasks: every insertion waited 5–15 ms for it (and a shadow-root box's never came within the 50 ms allowed). So it
 * is sent now, as the browser will send it again (an editor reads the same selection twice). Quill reads the DOM's
 * selection when it handles the paste.
 */
export function announceSelection(doc: Document): void {
  const view = doc.defaultView;
  if (view) doc.dispatchEvent(new view.Event('selectionchange'));
}

/**
 * Resolves true as soon as the page changes anything inside `box` (its drawing of an edit), false after `ms` without
 * a change: an editor that took an event into its model may draw it later than the next frame.
 */
export function boxChanges(box: Node, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => done(true));
    const timer = setTimeout(() => done(false), ms);
    function done(changed: boolean) {
      observer.disconnect();
      clearTimeout(timer);
      resolve(changed);
    }
    observer.observe(box, { childList: true, characterData: true, subtree: true });
  });
}
