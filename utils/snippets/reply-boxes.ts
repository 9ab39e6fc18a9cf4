import type { PageParts } from '../adapters/page-parts';
import type { ReplyBox } from './insert-text';

/** Text boxes an agent types into: plain and rich (contenteditable) editors. */
const EDITABLE = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

/** An element of any same-origin frame (whose elements are not instances of this window's HTMLElement). */
function isElement(target: EventTarget | null | undefined): target is HTMLElement {
  return !!target && (target as Node).nodeType === 1;
}

function isEditable(target: EventTarget | null): target is HTMLElement {
  return isElement(target) && !target.closest('[readonly], [disabled]') && target.matches(EDITABLE);
}

/**
 * The element an event really happened on: inside an open shadow root the document sees the shadow host, so the
 * first element of its composed path.
 */
export function eventBox(event: Event): EventTarget | null {
  const first = event.composedPath?.()[0];
  return isElement(first) ? first : event.target;
}

/** The focused element, looking into open shadow roots and same-origin iframes. */
export function deepActiveElement(doc: Document = document): Element | null {
  let active: Element | null = doc.activeElement;
  for (;;) {
    if (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    else if (active?.tagName === 'IFRAME') {
      let inner: Document | null = null;
      try {
        inner = (active as HTMLIFrameElement).contentDocument;
      } catch {
        inner = null;
      }
      if (!inner?.activeElement || inner.activeElement === inner.body && !inner.body.isContentEditable) return active;
      active = inner.activeElement;
    } else return active;
  }
}

/** Whether the adapter's reply box is found on the page; without it the palette falls back to any text box. */
function adapterBoxFound(parts: PageParts): boolean {
  return parts.has('replyInput' as never) && parts.first('replyInput' as never) !== null;
}

/**
 * The palette's targets: the adapter's reply box when the page has one; otherwise (page not recognised, or its
 * reply box changed) any textarea or contenteditable the agent types in. Never both: a recognised chat keeps
 * the palette out of the page's other fields (search boxes, remarks).
 */
export function isReplyBox(parts: PageParts, target: EventTarget | null): target is ReplyBox {
  if (!isElement(target)) return false;
  if (adapterBoxFound(parts)) return parts.is('replyInput' as never, target);
  return isEditable(target) && !(target.tagName === 'TEXTAREA' && (target as HTMLTextAreaElement).readOnly);
}

/** The box the palette opens for (command, button): the focused one if it qualifies, else the adapter's box. */
export function currentReplyBox(parts: PageParts): ReplyBox | null {
  const focused = deepActiveElement();
  if (isReplyBox(parts, focused)) return focused as ReplyBox;
  return adapterBoxFound(parts) ? (parts.first('replyInput' as never) as ReplyBox | null) : null;
}
