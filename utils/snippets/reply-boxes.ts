import type { PageParts } from '../adapters/page-parts';
import type { ReplyBox } from './insert-text';

/** Text boxes an agent types into: plain and rich (contenteditable) editors. */
const EDITABLE = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

function isEditable(target: EventTarget | null): target is HTMLElement {
  return target instanceof HTMLElement && !target.closest('[readonly], [disabled]') && target.matches(EDITABLE);
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
  if (!(target instanceof HTMLElement)) return false;
  if (adapterBoxFound(parts)) return parts.is('replyInput' as never, target);
  return isEditable(target) && !(target instanceof HTMLTextAreaElement && target.readOnly);
}

/** The box the palette opens for (command, button): the focused one if it qualifies, else the adapter's box. */
export function currentReplyBox(parts: PageParts): ReplyBox | null {
  const focused = document.activeElement;
  if (isReplyBox(parts, focused)) return focused as ReplyBox;
  return adapterBoxFound(parts) ? (parts.first('replyInput' as never) as ReplyBox | null) : null;
}
