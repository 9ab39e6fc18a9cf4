// Putting snippet text into a page's reply box so that the page's framework sees it.
//
// Seller consoles keep the draft in framework state (React/Vue controlled inputs,
// rich editors) that is updated only from input events: setting `.value` is lost on
// the next render and the page's own 发送 button would send the old draft. So text
// goes in like typing: focus, select the caret/replace range, then
// `document.execCommand('insertText')`, which fires real `beforeinput`/`input`
// events and keeps the browser's undo (Ctrl+Z). Only when that fails do we write the
// value ourselves (native setter, so React's value tracker notices) and dispatch an
// `input` event. Nothing is ever submitted.
//
// Offsets in a contenteditable box are offsets in its text as `innerText` reports it
// (`<br>` and block boundaries are "\n"). `readReplyBox` computes that text from the
// DOM (following the innerText rules Chromium implements: required line breaks around
// blocks, two around <p>, white-space collapsing, hidden elements skipped), keeping
// for every character the DOM position it comes from, so an offset range can be
// turned into a DOM Range over the right text nodes.

export type ReplyBox = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

type TextField = HTMLTextAreaElement | HTMLInputElement;

export function isTextField(box: ReplyBox): box is TextField {
  return box.tagName === 'TEXTAREA' || box.tagName === 'INPUT';
}

/** Newlines as one "\n"; single-line inputs get spaces instead (the browser would drop them). */
export function normalizeNewlines(text: string, singleLine: boolean): string {
  const unix = text.replace(/\r\n?/g, '\n');
  return singleLine ? unix.replace(/\n/g, ' ') : unix;
}

// ---------------------------------------------------------------------------
// The innerText model of a contenteditable box.

interface Point {
  node: Node;
  offset: number;
}

export interface BoxTextModel {
  /** The box's text as innerText reports it ("\n" for <br> and block boundaries). */
  text: string;
  /** For each UTF-16 unit of `text`, the DOM position just before and just after it. */
  before: Point[];
  after: Point[];
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TR', 'UL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE']);
const BLOCK_DISPLAYS = new Set(['block', 'flex', 'grid', 'list-item', 'table', 'flow-root', 'table-row', 'table-caption']);

function styleOf(el: Element): CSSStyleDeclaration | null {
  const view = el.ownerDocument.defaultView;
  try {
    return view ? view.getComputedStyle(el) : null;
  } catch {
    return null;
  }
}

type Space = 'collapse-all' | 'collapse-spaces' | 'preserve';

function spaceMode(el: Element | null, cache: Map<Element, Space>): Space {
  if (!el) return 'collapse-all';
  const cached = cache.get(el);
  if (cached) return cached;
  const ws = styleOf(el)?.whiteSpace || '';
  let mode: Space;
  if (ws.startsWith('pre-line')) mode = 'collapse-spaces';
  else if (ws.startsWith('pre') || ws === 'break-spaces') mode = 'preserve';
  else if (ws) mode = 'collapse-all';
  // No computed style (e.g. a DOM without layout): inherit, <pre>/<textarea> preserve.
  else if (el.tagName === 'PRE' || el.tagName === 'TEXTAREA') mode = 'preserve';
  else mode = el.parentElement ? spaceMode(el.parentElement, cache) : 'collapse-all';
  cache.set(el, mode);
  return mode;
}

/**
 * The text of a contenteditable box as innerText reports it, with the DOM position of
 * every character. Pure DOM walking: works the same in a page and in happy-dom (there,
 * without layout, block-ness comes from the tag name when no computed style is known).
 */
export function readReplyBox(box: HTMLElement): BoxTextModel {
  const chars: string[] = [];
  const before: Point[] = [];
  const after: Point[] = [];
  const spaceCache = new Map<Element, Space>();
  let pendingBreaks = 0; // required line breaks waiting for the next content
  let pendingSpace: Point | null = null; // a collapsed space waiting for the next non-space content
  let lastAfter: Point = { node: box, offset: 0 };

  const atLineStart = () => chars.length === 0 || chars[chars.length - 1] === '\n' || pendingBreaks > 0;
  const put = (ch: string, b: Point, a: Point) => {
    chars.push(ch);
    before.push(b);
    after.push(a);
    lastAfter = a;
  };
  /** Called right before any content: the required breaks and a kept space come first. */
  const flush = (next: Point, isNewline: boolean) => {
    if (pendingBreaks > 0) {
      pendingSpace = null;
      const from = lastAfter;
      if (chars.length > 0) for (let k = 0; k < pendingBreaks; k++) put('\n', from, next);
      pendingBreaks = 0;
    }
    if (pendingSpace) {
      if (!isNewline) put(' ', pendingSpace, next);
      pendingSpace = null;
    }
  };
  const requireBreaks = (n: number) => {
    pendingBreaks = Math.max(pendingBreaks, n);
  };

  const text = (node: Text) => {
    const data = node.data;
    const mode = spaceMode(node.parentElement, spaceCache);
    for (let i = 0; i < data.length; i++) {
      const ch = data.charAt(i);
      const here = { node, offset: i };
      const isSegmentBreak = ch === '\n' || ch === '\r';
      const collapsible =
        mode !== 'preserve' && (ch === ' ' || ch === '\t' || ch === '\f' || (mode === 'collapse-all' && isSegmentBreak));
      if (collapsible) {
        if (!pendingSpace && !atLineStart() && chars[chars.length - 1] !== ' ') pendingSpace = here;
        continue;
      }
      if (ch === '\r') continue; // "\r\n" → "\n"
      flush(here, ch === '\n');
      put(ch, here, { node, offset: i + 1 });
    }
  };

  const walk = (node: Node) => {
    if (node.nodeType === 3) return text(node as Text);
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIPPED_TAGS.has(el.tagName)) return;
    const style = styleOf(el);
    const display = style?.display || '';
    if (display === 'none' || (!display && el.hasAttribute('hidden'))) return;
    if (el.tagName === 'BR') {
      const parent = el.parentNode ?? box;
      const index = Array.prototype.indexOf.call(parent.childNodes, el) as number;
      const b = { node: parent, offset: index };
      flush(b, true);
      put('\n', b, { node: parent, offset: index + 1 });
      return;
    }
    const breaks = el.tagName === 'P' ? 2 : (display ? BLOCK_DISPLAYS.has(display) : BLOCK_TAGS.has(el.tagName)) ? 1 : 0;
    if (breaks && el !== box) requireBreaks(breaks);
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (breaks && el !== box) requireBreaks(breaks);
  };

  walk(box);
  return { text: chars.join(''), before, after };
}

/** -1, 0 or 1 as point `a` is before, equal to or after point `b` in document order. */
function comparePoints(doc: Document, a: Point, b: Point): number {
  const range = doc.createRange();
  range.setStart(b.node, b.offset);
  range.collapse(true);
  return range.comparePoint(a.node, a.offset);
}

/** The text offset of a DOM position inside the box: the number of characters that start before it. */
export function offsetOfPoint(box: HTMLElement, model: BoxTextModel, node: Node, offset: number): number {
  const doc = box.ownerDocument;
  const point = { node, offset };
  let lo = 0;
  let hi = model.before.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePoints(doc, model.before[mid]!, point) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A DOM Range over text offsets [start, end) of the box (clamped). */
export function rangeForOffsets(box: HTMLElement, model: BoxTextModel, start: number, end: number): Range {
  const len = model.text.length;
  const s = clamp(start, 0, len);
  const e = clamp(end, s, len);
  const range = box.ownerDocument.createRange();
  const endPoint: Point =
    len > 0 ? model.after[len - 1]! : { node: box, offset: box.childNodes.length };
  let startPoint: Point;
  if (s === e) {
    // A caret: stay on the line of the text before it, unless that ends in a line break.
    if (s > 0 && model.text.charAt(s - 1) !== '\n') startPoint = model.after[s - 1]!;
    else if (s < len) startPoint = model.before[s]!;
    else startPoint = endPoint;
    range.setStart(startPoint.node, startPoint.offset);
    range.collapse(true);
    return range;
  }
  startPoint = model.before[s]!;
  const last = model.after[e - 1]!;
  range.setStart(startPoint.node, startPoint.offset);
  range.setEnd(last.node, last.offset);
  return range;
}

export function clamp(n: number, lo: number, hi: number): number {
  if (!Number.isFinite(n)) return n > 0 ? hi : lo;
  return Math.min(hi, Math.max(lo, Math.floor(n)));
}

/**
 * The current selection if it lies inside the box. A box inside a shadow root: the document's selection names the
 * shadow host there, so the range is asked for with `getComposedRanges` (or Chromium's `ShadowRoot.getSelection`).
 */
export function selectionInBox(box: HTMLElement): Range | null {
  const selection = box.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  let range = selection.getRangeAt(0);
  const root = box.getRootNode();
  if (root !== box.ownerDocument && !box.contains(range.startContainer)) range = rangeInShadow(selection, root as ShadowRoot) ?? range;
  if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
  return range;
}

function rangeInShadow(selection: Selection, root: ShadowRoot): Range | null {
  const composed = (selection as Selection & { getComposedRanges?: (options: { shadowRoots: ShadowRoot[] }) => StaticRange[] })
    .getComposedRanges?.({ shadowRoots: [root] })[0];
  if (composed) {
    const range = root.ownerDocument.createRange();
    range.setStart(composed.startContainer, composed.startOffset);
    range.setEnd(composed.endContainer, composed.endOffset);
    return range;
  }
  const own = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
  return own && own.rangeCount ? own.getRangeAt(0) : null;
}

// ---------------------------------------------------------------------------
// Caret.

/**
 * The selection as text offsets ({start, end}; equal for a caret), or null when the box
 * does not hold the selection (contenteditable) or the field has no selection API.
 */
export function getSelectionOffsets(box: ReplyBox): { start: number; end: number } | null {
  if (isTextField(box)) {
    try {
      const start = box.selectionStart;
      const end = box.selectionEnd;
      return start === null || end === null ? null : { start, end };
    } catch {
      return null;
    }
  }
  const range = selectionInBox(box);
  if (!range) return null;
  const model = readReplyBox(box);
  const start = offsetOfPoint(box, model, range.startContainer, range.startOffset);
  const end = range.collapsed ? start : offsetOfPoint(box, model, range.endContainer, range.endOffset);
  return { start, end };
}

/**
 * The text before the caret (for spotting a typed "/query"), or null when there is no
 * collapsed caret in the box. Without `max` it is everything from the start of the box,
 * so its length is the caret offset that `insertIntoReplyBox`'s `replace` expects; with
 * `max`, only the last `max` characters (the caret is then `getSelectionOffsets(box).start`).
 */
export function textBeforeCaret(box: ReplyBox, max = Infinity): string | null {
  if (isTextField(box)) {
    const sel = getSelectionOffsets(box);
    if (!sel || sel.start !== sel.end) return null;
    return box.value.slice(Math.max(0, sel.start - Math.max(0, max)), sel.start);
  }
  const range = selectionInBox(box);
  if (!range || !range.collapsed) return null;
  const model = readReplyBox(box);
  const at = offsetOfPoint(box, model, range.startContainer, range.startOffset);
  return model.text.slice(Math.max(0, at - Math.max(0, max)), at);
}

// ---------------------------------------------------------------------------
// Insertion.

function inputEvent(box: ReplyBox, data: string): Event {
  const view = box.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const Ctor = view?.InputEvent ?? (typeof InputEvent === 'function' ? InputEvent : undefined);
  const init = { bubbles: true, cancelable: false, composed: true, inputType: 'insertText', data };
  if (Ctor) return new Ctor('input', init);
  const Plain = view?.Event ?? Event;
  return new Plain('input', { bubbles: true, composed: true });
}

function nativeValueSetter(box: TextField): ((value: string) => void) | undefined {
  const view = box.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const proto =
    box.tagName === 'TEXTAREA'
      ? (view?.HTMLTextAreaElement ?? HTMLTextAreaElement).prototype
      : (view?.HTMLInputElement ?? HTMLInputElement).prototype;
  return Object.getOwnPropertyDescriptor(proto, 'value')?.set;
}

/** Whether the box (or the editing host around it) has focus, looking through shadow roots. */
export function hasFocus(box: HTMLElement): boolean {
  const root = box.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  if (!active) return false;
  return active === box || box.contains(active) || ((active as HTMLElement).isContentEditable && active.contains(box));
}

export function execInsertText(doc: Document, text: string): boolean {
  try {
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

function insertIntoField(box: TextField, text: string, replace?: { start: number; end: number }): boolean {
  const doc = box.ownerDocument;
  const singleLine = box.tagName === 'INPUT';
  const insert = normalizeNewlines(text, singleLine);
  const before = box.value;
  const current = getSelectionOffsets(box) ?? { start: before.length, end: before.length };
  const range = replace ?? current;
  const start = clamp(range.start, 0, before.length);
  const end = clamp(range.end, start, before.length);
  const expected = before.slice(0, start) + insert + before.slice(end);
  if (expected === before) return true;

  box.focus({ preventScroll: true });
  let selected = false;
  try {
    box.setSelectionRange(start, end);
    selected = box.selectionStart === start && box.selectionEnd === end;
  } catch {
    selected = false; // e.g. <input type=email>: no selection API
  }
  // execCommand edits whatever has focus: only use it when that is the box.
  const ok = selected && hasFocus(box) && execInsertText(doc, insert);
  if (ok && box.value !== before) return true;

  // Fallback: the native setter (a framework's own `value` property would swallow the change) + an input event.
  const setter = nativeValueSetter(box);
  if (setter) setter.call(box, expected);
  else box.value = expected;
  try {
    box.setSelectionRange(start + insert.length, start + insert.length);
  } catch {
    /* no selection API */
  }
  box.dispatchEvent(inputEvent(box, insert));
  return box.value === expected;
}

/** Lines via insertText, line breaks via insertLineBreak (a <br>, like Shift+Enter). Stops at the first refusal. */
export function execInsertLines(doc: Document, text: string): boolean {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line && !execInsertText(doc, line)) return false;
    if (i < lines.length - 1) {
      let ok: boolean;
      try {
        ok = doc.execCommand('insertLineBreak', false);
      } catch {
        ok = false;
      }
      if (!ok) return false;
    }
  }
  return true;
}

function insertIntoEditable(box: HTMLElement, text: string, replace?: { start: number; end: number }): boolean {
  const doc = box.ownerDocument;
  const insert = normalizeNewlines(text, false);
  const model = readReplyBox(box);
  const selection = doc.getSelection();
  if (!selection) return false;

  // Where to insert is decided before focusing: focusing a contenteditable that does not
  // hold the selection puts the caret at its start. Without a replace range or a caret
  // in the box, the text goes at the end.
  const range = replace
    ? rangeForOffsets(box, model, replace.start, replace.end)
    : (selectionInBox(box)?.cloneRange() ?? rangeForOffsets(box, model, model.text.length, model.text.length));
  box.focus({ preventScroll: true });
  if (!insert && range.collapsed) return true;
  selection.removeAllRanges();
  selection.addRange(range);

  const beforeText = model.text;
  if (!hasFocus(box)) return fallbackEditable(box, range, insert, beforeText);
  // "\n" through insertText would make paragraphs (<div>s), whose innerText has one more
  // "\n" per blank line than was inserted; <br>s keep the text exactly.
  const ok = insert.includes('\n') ? execInsertLines(doc, insert) : insert ? execInsertText(doc, insert) : execDelete(doc);
  if (readReplyBox(box).text !== beforeText) return true;
  if (ok && !insert) return true;
  return fallbackEditable(box, selectionInBox(box) ?? range, insert, beforeText);
}

/** Fallback: put text nodes (and <br>s) in ourselves and tell the page. */
function fallbackEditable(box: HTMLElement, target: Range, insert: string, beforeText: string): boolean {
  const doc = box.ownerDocument;
  const selection = doc.getSelection();
  target.deleteContents();
  const fragment = doc.createDocumentFragment();
  const lines = insert.split('\n');
  let lastNode: Node | null = null;
  lines.forEach((line, i) => {
    if (i > 0) fragment.appendChild((lastNode = doc.createElement('br')));
    if (line) fragment.appendChild((lastNode = doc.createTextNode(line)));
  });
  target.insertNode(fragment);
  if (lastNode) {
    const caret = doc.createRange();
    caret.setStartAfter(lastNode);
    caret.collapse(true);
    selection?.removeAllRanges();
    selection?.addRange(caret);
  }
  box.dispatchEvent(inputEvent(box, insert));
  return readReplyBox(box).text !== beforeText;
}

function execDelete(doc: Document): boolean {
  try {
    return doc.execCommand('delete', false);
  } catch {
    return false;
  }
}

/**
 * Insert `text` at the caret of a reply box (or over `replace`, a character range such as
 * a typed "/tk" trigger; for contenteditable, offsets in the box's innerText, as from
 * `textBeforeCaret`/`getSelectionOffsets`), the way typing would, so the page's framework
 * registers it and Ctrl+Z undoes it. Returns whether the box's text changed as asked.
 * Never submits.
 */
export function insertIntoReplyBox(box: ReplyBox, text: string, replace?: { start: number; end: number }): boolean {
  if (!box?.isConnected) return false;
  if (isTextField(box)) {
    if (box.disabled || box.readOnly) return false;
    return insertIntoField(box, String(text ?? ''), replace);
  }
  if (!box.isContentEditable && box.getAttribute('contenteditable') === null) return false;
  return insertIntoEditable(box, String(text ?? ''), replace);
}

/**
 * Puts the focus back into the reply box with the caret at text offset `at` (as getSelectionOffsets counts it), e.g.
 * after the palette's form is closed with Esc: the agent goes on typing where they were.
 */
export function restoreCaret(box: ReplyBox, at: number): void {
  box.focus({ preventScroll: true });
  if (isTextField(box)) {
    const caret = clamp(at, 0, box.value.length);
    box.setSelectionRange(caret, caret);
    return;
  }
  const model = readReplyBox(box);
  const range = rangeForOffsets(box, model, at, at);
  const selection = box.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}
