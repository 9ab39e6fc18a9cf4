import type { TabEvent } from './feature';

/**
 * The tab's own events between its features (worker broadcasts, commands, one feature asking another): a plain
 * listener list, not a DOM EventTarget. In a Firefox content script `new EventTarget()` is the page's (through its
 * Xray wrapper), and the content script's listeners on it are never called.
 */
export class TabEvents {
  private readonly listeners = new Map<TabEvent, Set<(detail?: unknown) => void>>();

  /** Adds a listener; returns what removes it. */
  on(event: TabEvent, listener: (detail?: unknown) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Calls the event's listeners in the order they were added; one that throws does not keep the others from it. */
  emit(event: TabEvent, detail?: unknown): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        listener(detail);
      } catch {
        // Features' listeners are guarded (FeatureEnv.guard), which logs their errors; nothing else listens.
      }
    }
  }
}
