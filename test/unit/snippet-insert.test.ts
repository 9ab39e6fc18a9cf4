// happy-dom has no document.execCommand, so these tests exercise the fallback path
// (native value setter / DOM insertion + input event) and the offset model. The
// execCommand path and React-style registration are verified in real Chromium
// against the demo console (see the report of the snippets work).
import { afterEach, describe, expect, it } from 'vitest';
import {
  getSelectionOffsets,
  insertIntoReplyBox,
  offsetOfPoint,
  rangeForOffsets,
  readReplyBox,
  textBeforeCaret,
} from '@/utils/snippets/insert-text';

afterEach(() => {
  document.body.replaceChildren();
});

function editable(html: string): HTMLDivElement {
  const div = document.createElement('div');
  div.setAttribute('contenteditable', 'true');
  div.innerHTML = html;
  document.body.append(div);
  return div;
}

/** A textarea whose draft lives in "framework state", like a React controlled input with its value tracker. */
function controlledTextarea(initial = '') {
  const box = document.createElement('textarea');
  document.body.append(box);
  const native = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
  let tracked = initial;
  const state = { draft: initial, events: [] as { inputType: string; data: string | null }[] };
  native.set!.call(box, initial);
  // Like React's tracker: an own `value` property records what scripts set, so a change
  // made through `box.value = …` looks like "no change" to the input handler.
  Object.defineProperty(box, 'value', {
    configurable: true,
    get() {
      return native.get!.call(this);
    },
    set(v: string) {
      tracked = v;
      native.set!.call(this, v);
    },
  });
  box.addEventListener('input', (e) => {
    const ev = e as InputEvent;
    state.events.push({ inputType: ev.inputType, data: ev.data });
    const now = native.get!.call(box) as string;
    if (now !== tracked) {
      tracked = now;
      state.draft = now;
    }
  });
  return { box, state };
}

describe('readReplyBox (innerText model)', () => {
  const text = (html: string) => readReplyBox(editable(html)).text;
  it('turns <br> and blocks into line breaks like innerText', () => {
    expect(text('a<br>b')).toBe('a\nb');
    expect(text('a<br>')).toBe('a\n');
    expect(text('<div>a</div><div><br></div><div>b</div>')).toBe('a\n\n\nb');
    expect(text('<div>a<br></div><div>b</div>')).toBe('a\n\nb');
    expect(text('a<div>b</div>c')).toBe('a\nb\nc');
    expect(text('<p>a</p><p>b</p>')).toBe('a\n\nb');
    expect(text('<ul><li>1</li><li>2</li></ul>')).toBe('1\n2');
  });
  it('collapses white space outside pre, keeps no-break spaces, skips scripts and hidden parts', () => {
    expect(text('  a   b  <br>  c ')).toBe('a b\nc');
    expect(text('<div>\n  <span>x</span>\n</div>\n<div>y</div>')).toBe('x\ny');
    expect(text('a <b> b </b> c')).toBe('a b c');
    expect(text('a&nbsp;&nbsp;b')).toBe('a\u00a0\u00a0b');
    expect(text('x<script>alert(1)</script><style>p{}</style><span style="display:none">h</span>y')).toBe('xy');
    expect(text('<pre>a  \n b</pre>')).toBe('a  \n b');
  });
  it('maps every caret offset to a DOM position and back', () => {
    const box = editable('ab<b>cd</b><br>ef<div>gh</div>i');
    const model = readReplyBox(box);
    expect(model.text).toBe('abcd\nef\ngh\ni');
    const back = [...Array(model.text.length + 1).keys()].map((k) => {
      const r = rangeForOffsets(box, model, k, k);
      return offsetOfPoint(box, model, r.startContainer, r.startOffset);
    });
    expect(back).toEqual([...Array(model.text.length + 1).keys()]);
  });
  it('builds ranges over text split across nodes', () => {
    const box = editable('<span>hi /t</span>k<br>next');
    const model = readReplyBox(box);
    const range = rangeForOffsets(box, model, 3, 6);
    expect(range.toString()).toBe('/tk');
    expect(rangeForOffsets(box, model, -5, 99).toString()).toBe('hi /tknext');
  });
});

describe('textBeforeCaret / getSelectionOffsets', () => {
  it('reads a textarea up to the caret', () => {
    const box = document.createElement('textarea');
    document.body.append(box);
    box.value = '亲 /tk 后面';
    box.setSelectionRange(5, 5);
    expect(textBeforeCaret(box)).toBe('亲 /tk');
    expect(textBeforeCaret(box, 3)).toBe('/tk');
    box.value = 'x'.repeat(500) + '/tk';
    box.setSelectionRange(503, 503);
    expect(textBeforeCaret(box)).toHaveLength(503); // whole prefix by default: its length is the caret offset
    box.value = '亲 /tk 后面';
    box.setSelectionRange(5, 5);
    expect(getSelectionOffsets(box)).toEqual({ start: 5, end: 5 });
    box.setSelectionRange(2, 5);
    expect(textBeforeCaret(box)).toBeNull();
    expect(getSelectionOffsets(box)).toEqual({ start: 2, end: 5 });
  });
  it('reads a contenteditable up to the caret, in innerText offsets', () => {
    const box = editable('第一行<br><span>第二</span>/t<b>k</b>尾');
    const k = box.querySelector('b')!.firstChild!;
    const range = document.createRange();
    range.setStart(k, 1);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    expect(textBeforeCaret(box)).toBe('第一行\n第二/tk');
    expect(getSelectionOffsets(box)).toEqual({ start: 9, end: 9 });
    selection.removeAllRanges();
    expect(textBeforeCaret(box)).toBeNull();
  });
});

describe('insertIntoReplyBox (fallback path, as without execCommand)', () => {
  it('replaces a trigger in a controlled textarea so the framework state sees it', () => {
    const { box, state } = controlledTextarea('你好 /tk');
    box.setSelectionRange(6, 6);
    expect(insertIntoReplyBox(box, '亲，退款已提交', { start: 3, end: 6 })).toBe(true);
    expect(box.value).toBe('你好 亲，退款已提交');
    expect(state.draft).toBe('你好 亲，退款已提交');
    expect(state.events).toEqual([{ inputType: 'insertText', data: '亲，退款已提交' }]);
    expect([box.selectionStart, box.selectionEnd]).toEqual([10, 10]);
  });
  it('inserts at the caret, keeps newlines in a textarea and normalizes CRLF', () => {
    const { box, state } = controlledTextarea('abcdef');
    box.setSelectionRange(3, 3);
    expect(insertIntoReplyBox(box, 'L1\r\nL2\rL3')).toBe(true);
    expect(state.draft).toBe('abcL1\nL2\nL3def');
  });
  it('puts spaces for newlines in a single-line input', () => {
    const box = document.createElement('input');
    document.body.append(box);
    box.value = 'ab';
    box.setSelectionRange(1, 1);
    expect(insertIntoReplyBox(box, 'x\ny')).toBe(true);
    expect(box.value).toBe('ax yb');
  });
  it('clamps a replace range to the text', () => {
    const { box, state } = controlledTextarea('abc');
    expect(insertIntoReplyBox(box, 'Z', { start: 2, end: 99 })).toBe(true);
    expect(state.draft).toBe('abZ');
    expect(insertIntoReplyBox(box, 'Y', { start: -4, end: 0 })).toBe(true);
    expect(state.draft).toBe('YabZ');
  });
  it('inserts hostile text as text in a contenteditable, over a trigger split across nodes', () => {
    const box = editable('<span>hi /t</span>k');
    const events: string[] = [];
    box.addEventListener('input', (e) => events.push(`${(e as InputEvent).inputType}:${(e as InputEvent).data}`));
    const text = '<img src=x onerror=alert(1)>\u202e';
    expect(insertIntoReplyBox(box, text, { start: 3, end: 6 })).toBe(true);
    expect(readReplyBox(box).text).toBe('hi ' + text);
    expect(box.querySelector('img')).toBeNull();
    expect(events).toEqual([`insertText:${text}`]);
  });
  it('inserts multi-line text as <br> lines in a contenteditable', () => {
    const box = editable('第一行<br>第二/dz');
    expect(insertIntoReplyBox(box, '收货人：张三\n\n地址', { start: 6, end: 9 })).toBe(true);
    expect(readReplyBox(box).text).toBe('第一行\n第二收货人：张三\n\n地址');
    expect(box.querySelectorAll('br')).toHaveLength(3);
  });
  it('appends at the end when the box does not hold the caret', () => {
    const box = editable('<div>a</div><div>b</div>');
    document.getSelection()!.removeAllRanges();
    expect(insertIntoReplyBox(box, 'X')).toBe(true);
    expect(readReplyBox(box).text).toBe('a\nbX');
  });
  it('refuses boxes it must not touch', () => {
    const ta = document.createElement('textarea');
    expect(insertIntoReplyBox(ta, 'x')).toBe(false); // not in the document
    document.body.append(ta);
    ta.readOnly = true;
    expect(insertIntoReplyBox(ta, 'x')).toBe(false);
    ta.readOnly = false;
    ta.disabled = true;
    expect(insertIntoReplyBox(ta, 'x')).toBe(false);
    const plain = document.createElement('div');
    document.body.append(plain);
    expect(insertIntoReplyBox(plain, 'x')).toBe(false);
    expect(plain.textContent).toBe('');
  });
  it('treats an empty insertion without a range as done', () => {
    const { box, state } = controlledTextarea('abc');
    expect(insertIntoReplyBox(box, '')).toBe(true);
    expect(state.events).toEqual([]);
    expect(insertIntoReplyBox(box, '', { start: 1, end: 2 })).toBe(true);
    expect(state.draft).toBe('ac');
  });
});
