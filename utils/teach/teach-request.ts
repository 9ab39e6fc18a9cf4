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
