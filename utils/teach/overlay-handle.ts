import type { Adapter } from '../adapters/adapter-schema';
import type { TeachKind } from './teach-plan';

export interface TeachRequest {
  /** The adapter the picks go into (this host's custom adapter, a local copy of the built-in one, or a new one). */
  base: Adapter;
  /** Only these parts (a part a console update broke); absent: the agent chooses the kinds and points at all. */
  repoint?: { kind: TeachKind; part: string }[];
}

/** What the on-demand teach script (entrypoints/teach.content) hands to the console content script. */
export interface TeachOverlay {
  start(request: TeachRequest, onClose: () => void): void;
  /** Closes the overlay, if open. */
  stop(): void;
}

/**
 * The two scripts are separate bundles in the extension's one isolated world of the tab: the handle is a global under
 * a registered symbol, which the page's own scripts (another world) never see.
 */
const HANDLE = Symbol.for('xiaoer.teach-overlay');
type Holder = { [HANDLE]?: TeachOverlay };

/** Makes the overlay available to the console content script; the returned function takes it back. */
export function provideTeachOverlay(overlay: TeachOverlay): () => void {
  const holder = globalThis as Holder;
  holder[HANDLE] = overlay;
  return () => {
    if (holder[HANDLE] === overlay) delete holder[HANDLE];
  };
}

/** The overlay, once the teach script has been put into this tab. */
export function teachOverlay(): TeachOverlay | undefined {
  return (globalThis as Holder)[HANDLE];
}
