// When no insertion method worked, the text goes on the clipboard so the agent can paste it themselves.

import { within } from '../../runtime/within';

const WRITE_WAIT_MS = 500;

/** Puts `text` on the clipboard; false when the browser refused (no focus, no user activation). */
export async function copyToClipboard(text: string, doc: Document = document): Promise<boolean> {
  try {
    // A browser that would ask the agent first leaves the promise pending: then the older path below.
    await within(navigator.clipboard.writeText(text), WRITE_WAIT_MS, 'clipboard');
    return true;
  } catch {
    // Older path: a selected textarea and the copy command (also needs the agent's gesture).
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0';
    const previous = doc.activeElement as HTMLElement | null;
    doc.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = doc.execCommand('copy');
    } catch {
      copied = false;
    }
    area.remove();
    previous?.focus?.({ preventScroll: true });
    return copied;
  }
}
