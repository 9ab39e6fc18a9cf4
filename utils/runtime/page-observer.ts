import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { timeoutUnless } from './timeout-unless';

/**
 * `added`: the elements the page added. `changed`: the elements whose own content the page changed in place (text
 * rewritten, children replaced, one of our elements taken out of them), as frameworks and recycling lists do.
 * `reshaped`: the page added or removed elements or changed their classes — what selectors match may differ; a page
 * that only rewrote texts did not.
 */
export type DomChangeListener = (added: readonly Element[], changed: readonly Element[], reshaped: boolean) => void;

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
  private pendingReshaped = false;
  private scheduled = false;
  /** Elements added or removed, classes changed: always the whole document. */
  private readonly observer: MutationObserver;
  /**
   * Texts rewritten in place: the whole document's, or only those inside the elements handed to `watchTexts` (see
   * `setTextsEverywhere`). A table re-rendered every second rewrites a thousand texts a second, each a record read.
   */
  private readonly texts: MutationObserver;
  private textsEverywhere = true;
  private readonly watched = new Set<Element>();
  /** The watched count after the last sweep of the removed ones: the next sweep comes when it has doubled. */
  private sweptAt = 0;

  constructor(private readonly ctx: ContentScriptContext, private readonly onError: (error: unknown) => void) {
    // Each observer's callback takes the other's records too, in one collect: the listeners see a page change whole
    // (a re-render that replaced some cells and rewrote the texts of others), never in two halves.
    this.observer = new MutationObserver((records) => this.deliver(records, this.texts.takeRecords()));
    this.observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['class', 'data-flag', 'contenteditable'],
    });
    this.texts = new MutationObserver((records) => this.deliver(this.observer.takeRecords(), records));
    this.texts.observe(document.documentElement, TEXTS);
    ctx.onInvalidated(() => {
      this.observer.disconnect();
      this.texts.disconnect();
      this.watched.clear();
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
   * Whether every text of the document is followed (the default), or only those inside the elements handed to
   * `watchTexts`: on a page where every feature says that is all it needs (see Feature.texts).
   */
  setTextsEverywhere(everywhere: boolean): void {
    if (everywhere === this.textsEverywhere) return;
    this.textsEverywhere = everywhere;
    this.observeTexts();
  }

  /** The texts inside this element are followed even when not every text of the document is. */
  watchTexts(element: Element): void {
    if (this.watched.has(element) || this.ctx.isInvalid) return;
    this.watched.add(element);
    // An observer cannot let go of one element: the removed ones are let go of all at once, now and then (in
    // either mode: the set would otherwise keep every row ever watched).
    if (this.watched.size > Math.max(64, this.sweptAt * 2)) this.observeTexts();
    else if (!this.textsEverywhere) this.texts.observe(element, TEXTS);
  }

  /** Observes the texts anew: everywhere, or inside the watched elements still on the page. */
  private observeTexts(): void {
    // The records not delivered yet go to the next delivery, not to a collect inside the listener that asked.
    const pending = this.texts.takeRecords();
    this.texts.disconnect();
    if (pending.length) queueMicrotask(() => this.collect(pending));
    for (const element of this.watched) if (!element.isConnected) this.watched.delete(element);
    this.sweptAt = this.watched.size;
    if (this.textsEverywhere) this.texts.observe(document.documentElement, TEXTS);
    else for (const element of this.watched) this.texts.observe(element, TEXTS);
  }

  /**
   * Called once per batch after the page changed, with nothing about what changed (a navigation check, features
   * waiting for their parts): with only these listening — Xiaoer off for the host — the records are not read.
   */
  onAnyChange(listener: () => void): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  /** Both observers' records, structure first, in one collect; copied into one list only when both have some. */
  private deliver(structure: MutationRecord[], texts: MutationRecord[]): void {
    this.collect(structure.length === 0 ? texts : texts.length === 0 ? structure : structure.concat(texts));
  }

  private collect(records: MutationRecord[]): void {
    if (this.immediateListeners.size === 0 && this.listeners.size === 0) {
      if (!this.scheduled && records.some((record) => !onlyOurNodes(record))) this.schedule();
      return;
    }
    let relevant = false;
    const added: Element[] = [];
    const changed: Element[] = [];
    let reshaped = false;
    for (const record of records) {
      const node = record.target;
      // A text rewritten in place (a framework setting a text node's value, as React does) adds no nodes: its
      // records' node lists are not even made. Never ours: our elements hold no text of the page's DOM. Tested first,
      // as a table re-rendered every second brings a thousand of these a second.
      if (record.type === 'characterData') {
        relevant = true;
        const parent = node.parentElement;
        if (parent && changed[changed.length - 1] !== parent) changed.push(parent);
        continue;
      }
      if (isOurs(node)) continue;
      if (record.type === 'attributes') {
        relevant = reshaped = true;
        continue;
      }
      const { addedNodes, removedNodes } = record;
      let pageNodes = false;
      for (let i = 0; i < addedNodes.length; i++) {
        const child = addedNodes[i]!;
        if (isOurElement(child)) continue;
        pageNodes = true;
        if (child.nodeType === Node.ELEMENT_NODE) added.push(child as Element);
      }
      for (let i = 0; i < removedNodes.length; i++) {
        const child = removedNodes[i]!;
        if (isOurElement(child)) continue;
        pageNodes = true;
        if (child.nodeType === Node.ELEMENT_NODE) reshaped = true;
      }
      if (!(node instanceof Element)) {
        relevant ||= pageNodes;
        continue;
      }
      if (!pageNodes) {
        // Only our elements went in or out: ours going in is no change; one taken out means the page rewrote the
        // element's children (the element changed for us), or we took it out ourselves.
        if (addedNodes.length === 0) changed.push(node);
        continue;
      }
      relevant = true;
      // Consecutive records of one element (children added one by one) name it once.
      if (changed[changed.length - 1] !== node) changed.push(node);
    }
    if (added.length) reshaped = true;
    if (reshaped) this.pendingReshaped = true;
    if (added.length || changed.length) {
      for (const node of added) this.pending.push(node);
      for (const node of changed) this.pendingChanged.push(node);
      this.notify(this.immediateListeners, added, changed, reshaped);
    }
    if (relevant && !this.scheduled) this.schedule();
  }

  private schedule(): void {
    this.scheduled = true;
    // A timeout rather than requestAnimationFrame: rAF does not run in background tabs.
    timeoutUnless(this.ctx.signal, () => this.flush(), 16);
  }

  private flush(): void {
    this.scheduled = false;
    const added = this.pending.filter((el) => el.isConnected);
    const changed = [...new Set(this.pendingChanged)].filter((el) => el.isConnected);
    const reshaped = this.pendingReshaped;
    this.pending = [];
    this.pendingChanged = [];
    this.pendingReshaped = false;
    this.notify(this.listeners, added, changed, reshaped);
    for (const listener of this.anyListeners) {
      try {
        listener();
      } catch (error) {
        this.onError(error);
      }
    }
  }

  private notify(listeners: Set<DomChangeListener>, added: readonly Element[], changed: readonly Element[], reshaped: boolean): void {
    for (const listener of listeners) {
      try {
        listener(added, changed, reshaped);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}

const TEXTS: MutationObserverInit = { characterData: true, subtree: true };

/** Our own badge or strip put into (or taken out of) a page element: not a change of the page. */
function onlyOurNodes(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  const { addedNodes, removedNodes } = record;
  if (addedNodes.length + removedNodes.length === 0) return false;
  for (let i = 0; i < addedNodes.length; i++) if (!isOurElement(addedNodes[i]!)) return false;
  for (let i = 0; i < removedNodes.length; i++) if (!isOurElement(removedNodes[i]!)) return false;
  return true;
}

/**
 * A change to one of our elements. They hold nothing in the page's DOM (all their content is in their shadow roots,
 * which this observer does not see), so only a change to one of them, or to a node put right into one, is ours.
 */
function isOurs(node: Node): boolean {
  return isOurElement(node) || (node.parentNode !== null && isOurElement(node.parentNode));
}

function isOurElement(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName.startsWith(XIAOER_TAG_PREFIX);
}
