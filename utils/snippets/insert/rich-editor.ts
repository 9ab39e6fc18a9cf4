// The ways into a contenteditable editor, as the editor's own code path expects text from the agent:
// - `beforeinput` insertFromPaste with the target range (Slate, whose own selection may lag the DOM's);
// - a `paste` event with the text in a DataTransfer (Lexical, ProseMirror/TipTap, Draft.js, Quill, CKEditor 5:
//   each turns its lines into paragraphs or line breaks as its model has them, as one undo step);
// Each returns whether an editor took the event (`defaultPrevented`): a plain contenteditable takes neither, and a
// synthetic event has no default action, so nothing happens there.

/**
 * The page's own side of a page object. In a Firefox content script the script sees page objects through Xray
 * wrappers, and data it puts into a DataTransfer carries the extension's principal: the page's listeners read it
 * back as empty. Set through `wrappedJSObject`, the call runs in the page's realm and the data is the page's. In
 * Chromium (no such wrappers) the object itself.
 */
function pageSide<T extends object>(object: T): T {
  return (object as { wrappedJSObject?: T }).wrappedJSObject ?? object;
}

function dataTransfer(view: Window & typeof globalThis, text: string): DataTransfer | null {
  try {
    const data = new (pageSide(view).DataTransfer)();
    data.setData('text/plain', text);
    return data;
  } catch {
    return null;
  }
}

export function dispatchBeforeInputPaste(box: HTMLElement, text: string, range: Range): boolean {
  const view = box.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const data = view && dataTransfer(view, text);
  if (!view || !data) return false;
  const event = new view.InputEvent('beforeinput', {
    inputType: 'insertFromPaste',
    dataTransfer: data,
    targetRanges: [new view.StaticRange(range)],
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  box.dispatchEvent(event);
  return event.defaultPrevented;
}

export function dispatchPaste(box: HTMLElement, text: string): boolean {
  const view = box.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const data = view && dataTransfer(view, text);
  if (!view || !data) return false;
  const event = new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  // Firefox ignores `clipboardData` in the event's init and gives the event an empty one of its own: filled here,
  // from the page's side as above.
  const own = event.clipboardData && pageSide(event.clipboardData);
  if (own && own.getData('text/plain') !== text) own.setData('text/plain', text);
  // The element holding the selection gets it, as a real paste does (an editor's inner node, or the box itself).
  const selection = box.ownerDocument.getSelection();
  const anchor = selection?.anchorNode;
  const target = anchor && box.contains(anchor) ? (anchor.nodeType === 1 ? (anchor as Element) : anchor.parentElement) ?? box : box;
  target.dispatchEvent(event);
  return event.defaultPrevented;
}
