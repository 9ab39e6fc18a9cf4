import type { PageSpec, PartSpec } from './adapter-schema';
import type { PageKind, PartName } from './vocabulary';

export interface PartHealth {
  name: string;
  count: number;
  optional: boolean;
}

/**
 * Reads one page through its adapter: features ask for semantic parts by name and never see a selector.
 * Stateless over the live DOM, so it stays right when the page re-renders.
 */
export class PageParts<K extends PageKind = PageKind> {
  private readonly patterns = new Map<string, RegExp>();

  constructor(
    readonly spec: PageSpec,
    private readonly root: Document | Element = document,
  ) {}

  get kind(): K {
    return this.spec.kind as K;
  }

  has(name: PartName<K>): boolean {
    return name in this.spec.parts;
  }

  /** All elements of a part; inside `scope` when given, else inside every instance of its container. */
  all(name: PartName<K>, scope?: Element): Element[] {
    const part = this.spec.parts[name];
    if (!part) return [];
    if (scope) return [...scope.querySelectorAll(part.selector)];
    if (!part.within) return [...this.root.querySelectorAll(part.selector)];
    return this.all(part.within as PartName<K>).flatMap((container) => [...container.querySelectorAll(part.selector)]);
  }

  /**
   * The part's elements (inside their containers) that are `subtree` itself or inside it, in document order: what a
   * change added, found without querying the whole document.
   */
  inSubtree(name: PartName<K>, subtree: Element): Element[] {
    const part = this.spec.parts[name];
    if (!part) return [];
    const selector = part.within ? this.scopedSelector(name) : part.selector;
    return subtree.matches(selector) ? [subtree] : [...subtree.querySelectorAll(selector)];
  }

  first(name: PartName<K>, scope?: Element): Element | null {
    const part = this.spec.parts[name];
    if (!part) return null;
    if (scope || !part.within) return (scope ?? this.root).querySelector(part.selector);
    return this.all(name)[0] ?? null;
  }

  /** Whether an element is an instance of a part (e.g. a message from the buyer). */
  is(name: PartName<K>, element: Element): boolean {
    const part = this.spec.parts[name];
    return !!part && element.matches(part.selector);
  }

  /** The part's value inside `scope`: attribute or text, passed through the part's pattern. */
  value(name: PartName<K>, scope?: Element): string | null {
    const part = this.spec.parts[name];
    const element = part && this.first(name, scope);
    return element ? this.read(name, part, element) : null;
  }

  /** The value of a part read from the element itself (when the element is the part). */
  valueOf(name: PartName<K>, element: Element): string | null {
    const part = this.spec.parts[name];
    return part ? this.read(name, part, element) : null;
  }

  /**
   * Match counts of every part on the page, for the health report: one native query per part (a field inside
   * 2,000 rows is counted without visiting each row).
   */
  health(): PartHealth[] {
    return Object.entries(this.spec.parts).map(([name, part]) => ({
      name,
      // A top-level part is counted with its own selector: same result, and simpler engines (happy-dom in the
      // unit tests) mis-handle complex selectors inside :is().
      count: this.root.querySelectorAll(part.within ? this.scopedSelector(name) : part.selector).length,
      optional: part.optional ?? false,
    }));
  }

  /** The part's selector inside its containers' selectors, e.g. `:is(tr.row) :is(.stock-num)`. */
  private scopedSelector(name: string, depth = 0): string {
    const part = this.spec.parts[name]!;
    const own = `:is(${part.selector})`;
    return part.within && depth < 8 ? `${this.scopedSelector(part.within, depth + 1)} ${own}` : own;
  }

  private read(name: string, part: PartSpec, element: Element): string | null {
    const raw = part.attribute ? element.getAttribute(part.attribute) : element.textContent;
    if (raw == null) return null;
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!part.pattern) return text || null;
    let regex = this.patterns.get(name);
    if (!regex) this.patterns.set(name, (regex = new RegExp(part.pattern, 'u')));
    const match = regex.exec(text);
    if (!match) return null;
    return (match[1] ?? match[0]).trim() || null;
  }
}
