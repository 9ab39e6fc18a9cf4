import { isGeneratedClass, isGeneratedId, isNoiseAttribute } from './generated-names';

/**
 * Selectors for an element the agent pointed at, built to survive re-renders and new builds of the console: stable
 * attributes (a non-generated id, data-*, role, name, aria-label), element names and non-generated classes, and
 * where nothing stable is left, the structure (position among same-named siblings). Never a generated class.
 *
 * Our own generator rather than `@medv/finder`: finder looks for the shortest selector unique to one element in the
 * document, while a part needs the opposite too — a selector relative to its row that finds the same field in
 * every row, and a row selector that finds all rows like the picked one.
 */

type Scope = Document | Element;

/** Attributes that name what an element is rather than which instance it is. */
const HOOK_ATTRIBUTES = ['role', 'name', 'type', 'aria-label', 'placeholder', 'contenteditable'];

/** The stable simple selectors of one element, best first (each on its own matches the element). */
export function simpleSelectors(element: Element): string[] {
  const tag = element.localName;
  const out: string[] = [];
  if (element.id && !isGeneratedId(element.id)) out.push(`#${CSS.escape(element.id)}`);
  for (const { name, value } of [...element.attributes]) {
    if (!name.startsWith('data-') || isNoiseAttribute(name)) continue;
    // An instance value (an order number, a buyer id) would match one row only: keep the attribute's presence.
    out.push(isInstanceValue(value) ? `${tag}[${name}]` : `${tag}[${name}="${cssString(value)}"]`);
  }
  for (const name of HOOK_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value === null) continue;
    if (name === 'aria-label' && (value.length > 24 || /\d/.test(value))) continue;
    out.push(`${tag}[${name}="${cssString(value)}"]`);
  }
  const classes = stableClasses(element);
  if (classes.length) out.push(tag + classes.slice(0, 2).map((c) => `.${CSS.escape(c)}`).join(''));
  out.push(tag);
  return [...new Set(out)];
}

/** The element's classes a build did not generate. */
export function stableClasses(element: Element): string[] {
  return [...element.classList].filter((name) => !isGeneratedClass(name));
}

/**
 * A selector whose first match inside `scope` is `element`: one of its own stable selectors, else one anchored on a
 * stable ancestor (up to four levels), else its structural path from the scope. Preferred: one that matches only it.
 */
export function proposeSelector(element: Element, scope: Scope = element.ownerDocument): string {
  const own = simpleSelectors(element);
  const firstIs = (selector: string) => safeQuery(scope, selector)[0] === element;
  const uniqueIs = (selector: string) => {
    const found = safeQuery(scope, selector);
    return found.length === 1 && found[0] === element;
  };
  // Unique first (one per row, when the scope is a row), by hooks, then by a stable ancestor, then by structure; a
  // selector whose first match is the element only when nothing unique exists.
  for (const accept of [uniqueIs, firstIs]) {
    const direct = own.find(accept);
    if (direct) return direct;
    for (let ancestor = element.parentElement, depth = 0; ancestor && ancestor !== scope && depth < 4; ancestor = ancestor.parentElement, depth++) {
      if (scope instanceof Element && !scope.contains(ancestor)) break;
      for (const outer of simpleSelectors(ancestor).filter((s) => s !== ancestor.localName)) {
        const combined = own.map((inner) => `${outer} ${inner}`).find(accept);
        if (combined) return combined;
      }
    }
    const path = structuralPath(element, scope);
    if (accept(path)) return path;
  }
  return structuralPath(element, scope);
}

/**
 * "All rows like this": the selector of the picked element's kind among its siblings — what the same-named
 * siblings share (stable classes, hook attributes), under its parent's selector when that alone would reach
 * elsewhere on the page.
 */
export function generaliseToSiblings(element: Element): string {
  const parent = element.parentElement;
  if (!parent) return proposeSelector(element);
  const siblings = [...parent.children].filter((s) => s.localName === element.localName);
  const shared = simpleSelectors(element).filter((selector) => siblings.filter((s) => s.matches(selector)).length > 1);
  // The most specific shared selector that still covers the most siblings.
  const best = shared.sort((a, b) => covered(b, siblings) - covered(a, siblings) || b.length - a.length)[0] ?? element.localName;
  const all = safeQuery(element.ownerDocument, best);
  const likeThese = siblings.filter((s) => s.matches(best));
  if (all.length === likeThese.length) return best;
  return `${proposeSelector(parent)} > ${best}`;
}

/** The shortest path of `tag:nth-of-type(n)` steps, from the element up, that matches only it inside `scope`. */
export function structuralPath(element: Element, scope: Scope): string {
  const steps: string[] = [];
  for (let node: Element | null = element; node && node !== scope && node !== element.ownerDocument.documentElement; node = node.parentElement) {
    const same = node.parentElement ? [...node.parentElement.children].filter((c) => c.localName === node!.localName) : [node];
    steps.unshift(same.length > 1 ? `${node.localName}:nth-of-type(${same.indexOf(node) + 1})` : node.localName);
    const path = steps.join(' > ');
    const found = safeQuery(scope, path);
    if (found.length === 1 && found[0] === element) return path;
  }
  return steps.join(' > ');
}

function covered(selector: string, siblings: Element[]): number {
  return siblings.filter((s) => s.matches(selector)).length;
}

function safeQuery(scope: Scope, selector: string): Element[] {
  try {
    return [...scope.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/** A value that names one instance (order number, user id, long token), not a kind. */
function isInstanceValue(value: string): boolean {
  return value.length > 24 || /\d{3,}/.test(value) || /^[0-9a-f]{8,}$/i.test(value);
}

function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}
