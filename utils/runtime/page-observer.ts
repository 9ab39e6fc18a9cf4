import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * `added`: the elements the page added. `changed`: the elements whose own content the page changed in place (text
 * rewritten, children replaced, one of our elements taken out of them), as frameworks and recycling lists do.
 */
export type DomChangeListener = (added: readonly Element[], changed: readonly Element[]) => void;

/** Tag-name prefix of every element Xiaoer puts on a page; their changes are ours and not observed. */
export const XIAOER_TAG_PREFIX = 'xiaoer-';

/**
 * The one MutationObserver of a document. Coalesces bursts of mutations into one call per frame
 * and hands listeners the elements added since the last call, so features render incrementally.
 */
export class PageObserver {
  private readonly listeners = new Set<DomChangeListener>();
  private readonly immediateListeners = new Set<DomChangeListener>();
  private readonly anyListeners = new Set<() => void>();
  private pending: Element[] = [];
  private pendingChanged: Element[] = [];
  private scheduled = false;
  private readonly observer: MutationObserver;

  constructor(private readonly ctx: ContentScriptContext, private readonly onError: (error: unknown) => void) {
    this.observer = new MutationObserver((records) => this.collect(records));
    this.observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'data-flag', 'contenteditable'],
    });
    ctx.onInvalidated(() => {
      this.observer.disconnect();
      this.listeners.clear();
      this.immediateListeners.clear();
      this.anyListeners.clear();
    });
  }

  /**
   * `immediate` listeners are called in the observer's own callback, before the browser renders the change: what
   * they add appears in the same frame as the page's own change. Keep them cheap; the rest wait for the batch.
   */
  subscribe(listener: DomChangeListener, { immediate = false } = {}): () => void {
    const set = immediate ? this.immediateListeners : this.listeners;
    set.add(listener);
    return () => set.delete(listener);
  }

  /**
   * Called once per batch after the page changed, with nothing about what changed (a navigation check, features
   * waiting for their parts): with only these listening — Xiaoer off for the host — the records are not read.
   */
  onAnyChange(listener: () => void): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  private collect(records: MutationRecord[]): void {
    if (this.immediateListeners.size === 0 && this.listeners.size === 0) {
      if (!this.scheduled && records.some((record) => !onlyOurNodes(record))) this.schedule();
      return;
    }
    // One answer per element per batch: a re-render's thousand records share a few hundred ancestors.
    const ours = new Map<Node, boolean>();
    let relevant = false;
    const added: Element[] = [];
    const changed: Element[] = [];
    for (const record of records) {
      // Cheap test first: most records of a busy list are our own badges being added.
      if (onlyOurNodes(record)) {
        // The page took one of our elements out (it rewrote the element's children): the element changed for us.
        if (record.addedNodes.length === 0 && record.target instanceof Element && !isOursMemo(record.target, ours)) changed.push(record.target);
        continue;
      }
      if (isOursMemo(record.target, ours)) continue;
      relevant = true;
      const target = record.target.nodeType === Node.ELEMENT_NODE ? (record.target as Element) : record.target.parentElement;
      // Consecutive records of one element (children added one by one) name it once.
      if (target && record.type !== 'attributes' && changed[changed.length - 1] !== target) changed.push(target);
      // A text rewritten in place (a framework setting a text node's value, as React does) adds no nodes: its
      // records' node lists are not even made.
      if (record.type !== 'childList') continue;
      const nodes = record.addedNodes;
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i]!;
        if (node.nodeType === Node.ELEMENT_NODE && !isOurElement(node)) added.push(node as Element);
      }
    }
    if (added.length || changed.length) {
      for (const node of added) this.pending.push(node);
      for (const node of changed) this.pendingChanged.push(node);
      this.notify(this.immediateListeners, added, changed);
    }
    if (relevant && !this.scheduled) this.schedule();
  }

  private schedule(): void {
    this.scheduled = true;
    // A timeout rather than requestAnimationFrame: rAF does not run in background tabs.
    this.ctx.setTimeout(() => this.flush(), 16);
  }

  private flush(): void {
    this.scheduled = false;
    const added = this.pending.filter((el) => el.isConnected);
    const changed = [...new Set(this.pendingChanged)].filter((el) => el.isConnected);
    this.pending = [];
    this.pendingChanged = [];
    this.notify(this.listeners, added, changed);
    for (const listener of this.anyListeners) {
      try {
        listener();
      } catch (error) {
        this.onError(error);
      }
    }
  }

  private notify(listeners: Set<DomChangeListener>, added: readonly Element[], changed: readonly Element[]): void {
    for (const listener of listeners) {
      try {
        listener(added, changed);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}

/** Our own badge or strip put into (or taken out of) a page element: not a change of the page. */
function onlyOurNodes(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  const { addedNodes, removedNodes } = record;
  if (addedNodes.length + removedNodes.length === 0) return false;
  for (let i = 0; i < addedNodes.length; i++) if (!isOurElement(addedNodes[i]!)) return false;
  for (let i = 0; i < removedNodes.length; i++) if (!isOurElement(removedNodes[i]!)) return false;
  return true;
}

/** The node, or an element it sits in (across shadow roots), is one of ours; `known` remembers the answers met. */
function isOursMemo(node: Node, known: Map<Node, boolean>): boolean {
  const path: Node[] = [];
  let answer = false;
  for (let el: Node | null = node; el; el = el.parentNode ?? (el instanceof ShadowRoot ? el.host : null)) {
    const seen = known.get(el);
    if (seen !== undefined) {
      answer = seen;
      break;
    }
    path.push(el);
    if (isOurElement(el)) {
      answer = true;
      break;
    }
  }
  for (const el of path) known.set(el, answer);
  return answer;
}

function isOurElement(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName.startsWith(XIAOER_TAG_PREFIX);
}
