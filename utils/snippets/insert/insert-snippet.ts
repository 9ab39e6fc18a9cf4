import {
  clamp,
  execInsertLines,
  execInsertText,
  getSelectionOffsets,
  hasFocus,
  insertIntoReplyBox,
  isTextField,
  normalizeNewlines,
  rangeForOffsets,
  readReplyBox,
  selectionInBox,
  type ReplyBox,
} from '../insert-text';
import { copyToClipboard } from './clipboard';
import { afterRender, announceSelection, boxChanges, landing, type Landing } from './confirm';
import { dispatchBeforeInputPaste, dispatchPaste } from './rich-editor';

// A snippet into whatever editor the agent is typing in, confirmed. Each method is tried only while the box is
// untouched, and its result is read back after the editor re-rendered: the first one whose text is there wins.
// When none lands the text goes on the clipboard and the caller says so; text that did not land is never reported
// as inserted.
//
// Text fields (textarea, input): `execCommand('insertText')` (real input events, browser undo), else the native
// value setter + `input` (React's and Vue's listeners see it). Contenteditable: `beforeinput` insertFromPaste with
// the target range, then a `paste` event once the editor has seen the selection, then `execCommand('insertText')`
// (line breaks as `insertLineBreak`) — the first two reach editors that keep their own model (Slate; Lexical,
// ProseMirror/TipTap, Draft.js, Quill, CKEditor 5), the last plain contenteditables, iframes and shadow-root boxes,
// and never an editor that cancelled the `beforeinput` (it owns its model; see below).
//
// The read-back sees the screen, not the model: an editor that keeps neither event nor `beforeinput` yet ignores
// DOM changes without redrawing would fool it. None of the editors tested does (test/editors).

export type InsertMethod = 'execCommand' | 'native-setter' | 'beforeinput' | 'paste';

export type InsertOutcome =
  | { ok: true; method: InsertMethod }
  /** Nothing landed (`changed`: the box changed otherwise, so no other method was tried); `copied`: on the clipboard. */
  | { ok: false; copied: boolean; changed: boolean };

type Missed = Exclude<Landing, 'landed'>;

/** How long an editor that cancelled our `beforeinput` may take to draw what it took. */
const LATE_DRAW_MS = 500;
const verdict = (result: Landing, method: InsertMethod): InsertMethod | Missed => (result === 'landed' ? method : result);

export async function insertSnippet(box: ReplyBox, text: string, replace?: { start: number; end: number }): Promise<InsertOutcome> {
  const result = isTextField(box) ? await intoField(box, text, replace) : await intoEditable(box, text, replace);
  if (result !== 'untouched' && result !== 'changed') return { ok: true, method: result };
  return { ok: false, copied: await copyToClipboard(text, box.ownerDocument), changed: result === 'changed' };
}

/**
 * What an attempt did, read once the editor re-rendered. If the agent typed on meanwhile (the next `/`, say), the
 * box no longer holds only our text: then the reading taken right after the attempt decides.
 */
async function confirmed(doc: Document, read: (typed: boolean) => Landing): Promise<Landing> {
  const immediate = read(false);
  let typed = false;
  const onKey = () => (typed = true);
  doc.addEventListener('keydown', onKey, true);
  await afterRender(doc.defaultView);
  doc.removeEventListener('keydown', onKey, true);
  // Typed on: the snippet counts as in when it is still there with the typing after it (Slate draws it a frame late,
  // so the immediate reading misses it, and trying the next method would put it in twice).
  const later = read(typed);
  return later !== 'landed' && typed ? immediate : later;
}

/** The box's text once `insert` replaced `start`–`end`, and its two sides for a reading while the agent typed on. */
function replaced(before: string, start: number, end: number, insert: string) {
  const around = { head: before.slice(0, start) + insert, tail: before.slice(end) };
  return { expected: around.head + around.tail, around };
}

async function intoField(box: HTMLTextAreaElement | HTMLInputElement, text: string, replace?: { start: number; end: number }): Promise<InsertMethod | Missed> {
  if (!box.isConnected || box.disabled || box.readOnly) return 'untouched';
  const insert = normalizeNewlines(text, box.tagName === 'INPUT');
  const before = box.value;
  const range = replace ?? getSelectionOffsets(box) ?? { start: before.length, end: before.length };
  const start = clamp(range.start, 0, before.length);
  const end = clamp(range.end, start, before.length);
  const { expected, around } = replaced(before, start, end, insert);
  insertIntoReplyBox(box, insert, { start, end });
  // Which way it went: execCommand keeps the browser's undo; the setter fallback is told apart by it not having.
  const method: InsertMethod = box.value === expected && hasFocus(box) ? 'execCommand' : 'native-setter';
  return verdict(await confirmed(box.ownerDocument, (typed) => landing(before, expected, box.value, typed ? around : undefined)), method);
}

async function intoEditable(box: HTMLElement, text: string, replace?: { start: number; end: number }): Promise<InsertMethod | Missed> {
  if (!box.isConnected || !box.isContentEditable) return 'untouched';
  const doc = box.ownerDocument;
  const insert = normalizeNewlines(text, false);
  const model = readReplyBox(box);
  const before = model.text;
  const caret = selectionInBox(box) ? getSelectionOffsets(box) : null;
  const wanted = replace ?? caret ?? { start: before.length, end: before.length };
  const start = clamp(wanted.start, 0, before.length);
  const end = clamp(wanted.end, start, before.length);
  const { expected, around } = replaced(before, start, end, insert);
  const select = () => {
    const range = rangeForOffsets(box, readReplyBox(box), start, end);
    box.focus({ preventScroll: true });
    const selection = doc.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return range;
  };
  const check = () => confirmed(doc, (typed) => landing(before, expected, readReplyBox(box).text, typed ? around : undefined));

  const range = select();
  // An editor that cancels the `beforeinput` handles input itself, into its own model. execCommand, which fires no
  // `beforeinput`, would change only its screen (the text shown, the model without it: what Slate does with it), so
  // for such an editor only the events it handles count.
  const ownsInput = dispatchBeforeInputPaste(box, insert, range);
  if (ownsInput) {
    let result = await check();
    // It took the event into its model but may draw it later than the next frame (Slate in Firefox on a busy
    // machine): trying the paste then would put the text in twice. Its drawing, if it comes, is the sign.
    if (result === 'untouched' && (await boxChanges(box, LATE_DRAW_MS))) result = await check();
    if (result !== 'untouched') return verdict(result, 'beforeinput');
  }
  select();
  announceSelection(doc);
  if (dispatchPaste(box, insert)) {
    const result = await check();
    if (result !== 'untouched') return verdict(result, 'paste');
  }
  if (ownsInput) return 'untouched';
  select();
  if (hasFocus(box)) {
    if (insert.includes('\n')) execInsertLines(doc, insert);
    else execInsertText(doc, insert);
    return verdict(await check(), 'execCommand');
  }
  return 'untouched';
}
