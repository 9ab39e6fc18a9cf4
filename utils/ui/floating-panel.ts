import { render, type ComponentChild } from 'preact';
import { createShadowHost } from './shadow-host';

export interface FloatingPanel {
  /** Draws `content` in the panel, putting the panel on the page first if it is not there. */
  show(content: ComponentChild): { host: HTMLElement; shadow: ShadowRoot; container: HTMLDivElement };
  /** Takes the panel off the page (unmounting its content); nothing when it is closed. */
  close(): void;
  /** The panel's host while it is on the page: clicks inside it are the panel's, not "outside". */
  readonly host: HTMLElement | null;
}

/**
 * A panel of ours floating over the page — the palette, the stock detail, the remark composer: a shadow host at the
 * end of the body, drawn with Preact, one at a time. `onCreate` runs on each new host (e.g. to keep its keys from
 * the page).
 */
export function createFloatingPanel(tag: `xiaoer-${string}`, css: string, onCreate?: (host: HTMLElement) => void): FloatingPanel {
  let open: ReturnType<typeof createShadowHost> | null = null;
  return {
    show(content) {
      if (!open) {
        open = createShadowHost(tag, css);
        onCreate?.(open.host);
        document.body.append(open.host);
      }
      render(content, open.container);
      return open;
    },
    close() {
      if (!open) return;
      render(null, open.container);
      open.host.remove();
      open = null;
    },
    get host() {
      return open?.host ?? null;
    },
  };
}
