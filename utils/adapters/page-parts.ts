import type { PageSpec, PartSpec } from './adapter-schema';
import { SELF_SELECTOR } from './self-selector';
import { cellUnderHeader } from './table-columns';
import type { PageKind, PartName } from './vocabulary';

export interface PartHealth {
  name: string;
  count: number;
  optional: boolean;
  /** The kind of the page entry it belongs to, where a URL shows several (added by the tab's health report). */
  kind?: PageKind;
}

/** A part as the test-on-tab report shows it: how many elements, the first values read, and whether any was read. */
export interface PartSample extends PartHealth {
  values: string[];
  /** The selector matches but nothing could be read from what it matched (attribute absent, pattern not matching). */
  unread: boolean;
}

const SAMPLE_VALUES = 3;
/** How many rows before a container a `preceding` part is looked for in. */
const MAX_PRECEDING = 50;
/** How many matched elements are read before the report says "matches but reads nothing". */
const SAMPLE_READS = 20;

/**
 * Reads one page entry through its adapter: features ask for semantic parts by name and never see a selector.
 * Stateless over the live DOM, so it stays right when the page re-renders. A part's selector is looked for inside
 * its container (`within`); `:scope` is the container itself, and `column` narrows the container (a table row) to its
 * cell under that header first.
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
    if (scope) return this.inContainer(part, scope);
    if (!part.within) return [...this.root.querySelectorAll(part.selector)];
    return this.all(part.within as PartName<K>).flatMap((container) => this.inContainer(part, container));
  }

  /**
   * The part's elements (inside their containers) that are `subtree` itself or inside it, in document order: what a
   * change added, found without querying the whole document.
   */
  inSubtree(name: PartName<K>, subtree: Element): Element[] {
    const part = this.spec.parts[name];
    if (!part) return [];
    if (this.needsWalk(name)) {
      // A column cell depends on the header: through the containers the subtree holds or lies in.
      const within = part.within as PartName<K>;
      const outer = subtree.closest(this.scopedSelector(within));
      const containers = outer ? [outer] : this.inSubtree(within, subtree);
      return containers.flatMap((c) => this.inContainer(part, c)).filter((e) => e === subtree || subtree.contains(e));
    }
    const selector = part.within ? this.scopedSelector(name) : part.selector;
    return subtree.matches(selector) ? [subtree] : [...subtree.querySelectorAll(selector)];
  }

  first(name: PartName<K>, scope?: Element): Element | null {
    const part = this.spec.parts[name];
    if (!part) return null;
    if (scope) return isPlain(part) && !part.preceding ? scope.querySelector(part.selector) : (this.inContainer(part, scope)[0] ?? null);
    if (!part.within) return this.root.querySelector(part.selector);
    return this.all(name)[0] ?? null;
  }

  /** Whether an element is an instance of a part (e.g. a message from the buyer). */
  is(name: PartName<K>, element: Element): boolean {
    const part = this.spec.parts[name];
    if (!part) return false;
    if (isPlain(part) && !part.preceding) return element.matches(part.selector);
    return this.inSubtree(name, element).includes(element);
  }

  /**
   * The part's value inside `scope`: attribute or text, passed through the part's pattern. When the first element
   * reads nothing (a pattern for 货号 on the spec line), the next ones are tried: the first value read wins.
   */
  value(name: PartName<K>, scope?: Element): string | null {
    return this.firstRead(name, scope)?.value ?? null;
  }

  /** The element the part's value inside `scope` is read from (where a badge about that value belongs). */
  reading(name: PartName<K>, scope?: Element): Element | null {
    return this.firstRead(name, scope)?.element ?? null;
  }

  private firstRead(name: PartName<K>, scope?: Element): { element: Element; value: string | null } | null {
    const part = this.spec.parts[name];
    if (!part) return null;
    const first = this.first(name, scope);
    if (!first) return null;
    const value = this.read(name, part, first);
    if (value !== null || !part.pattern) return { element: first, value };
    for (const element of this.all(name, scope).slice(1)) {
      const next = this.read(name, part, element);
      if (next !== null) return { element, value: next };
    }
    return null;
  }

  /** The value of a part read from the element itself (when the element is the part). */
  valueOf(name: PartName<K>, element: Element): string | null {
    const part = this.spec.parts[name];
    return part ? this.read(name, part, element) : null;
  }

  /**
   * Match counts of every part on the page, for the health report: one native query per part (a field inside
   * 2,000 rows is counted without visiting each row); a part found by its column is counted row by row.
   */
  health(): PartHealth[] {
    return Object.entries(this.spec.parts).map(([name, part]) => ({
      name,
      count: this.count(name as PartName<K>),
      optional: part.optional ?? false,
    }));
  }

  /** Each part's count and first values, for the test-on-tab report. */
  samples(): PartSample[] {
    return this.health().map((health) => {
      const part = this.spec.parts[health.name]!;
      const read = this.all(health.name as PartName<K>)
        .slice(0, SAMPLE_READS)
        .map((element) => this.read(health.name, part, element));
      const values = read.filter((v): v is string => v !== null);
      return { ...health, values: values.slice(0, SAMPLE_VALUES), unread: health.count > 0 && values.length === 0 };
    });
  }

  private count(name: PartName<K>): number {
    const part = this.spec.parts[name]!;
    if (this.needsWalk(name)) return this.all(name).length;
    // A top-level part is counted with its own selector: same result, and simpler engines (happy-dom in the
    // unit tests) mis-handle complex selectors inside :is().
    return this.root.querySelectorAll(part.within ? this.scopedSelector(name) : part.selector).length;
  }

  /** The part's elements inside one container instance (with `preceding`: in the nearest row before it that has them). */
  private inContainer(part: PartSpec, container: Element): Element[] {
    if (!part.preceding) return this.inOne(part, container);
    for (let row = container.previousElementSibling, i = 0; row && i < MAX_PRECEDING; row = row.previousElementSibling, i++) {
      const found = row.matches(part.selector) ? [row] : this.inOne(part, row);
      if (found.length) return found;
    }
    return [];
  }

  private inOne(part: PartSpec, container: Element): Element[] {
    const base = part.column ? cellUnderHeader(container, part.column) : container;
    if (!base) return [];
    if (isSelf(part)) return [base];
    return [...base.querySelectorAll(part.selector)];
  }

  /** Whether the part (or a container it is in) is found by a column: no single selector describes it. */
  private needsWalk(name: string, depth = 0): boolean {
    const part = this.spec.parts[name];
    if (!part || depth > 8) return false;
    return part.column !== undefined || !!part.preceding || (!!part.within && this.needsWalk(part.within, depth + 1));
  }

  /** The part's selector inside its containers' selectors, e.g. `:is(tr.row) :is(.stock-num)`; `:scope` is the container's. */
  private scopedSelector(name: string, depth = 0): string {
    const part = this.spec.parts[name]!;
    // A selector without a list needs no :is() (simpler engines, happy-dom in the unit tests, mis-handle it).
    const own = part.selector.includes(',') ? `:is(${part.selector})` : part.selector;
    if (!part.within || depth >= 8) return own;
    const container = this.scopedSelector(part.within, depth + 1);
    return isSelf(part) ? container : `${container} ${own}`;
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

function isSelf(part: PartSpec): boolean {
  return part.selector.trim() === SELF_SELECTOR;
}

/** A part found by its selector alone, without the container's own element or a column. */
function isPlain(part: PartSpec): boolean {
  return !part.column && !isSelf(part);
}
