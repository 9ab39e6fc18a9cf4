// The reply box, "framework-controlled" like a React component: the draft
// lives in `state`, is updated ONLY from `input` events, and every render()
// writes state back into the DOM. A value set from outside without an input
// event is not registered and is lost on the next render (e.g. when a
// message arrives). Send always uses state.draft, never the DOM.
// Variants: <textarea class="reply-input"> (default) or, with ?editor=rich,
// <div class="reply-editor" contenteditable> whose model is its innerText.
import { h } from './dom.js';

export function createReplyBox({ rich = false, onSend }) {
  const state = { draft: '' };
  const el = rich
    ? h('div', { class: 'reply-editor', contenteditable: 'true', 'data-placeholder': '输入消息，Enter 发送' })
    : h('textarea', { class: 'reply-input', placeholder: '输入消息，Enter 发送' });

  // innerText of an editor ends with "\n" when it holds a trailing <br>.
  const domText = () => (rich ? el.innerText.replace(/\n$/, '') : el.value);

  el.addEventListener('input', () => { state.draft = domText(); render(); });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  });

  function render() {
    if (domText() === state.draft) return; // like React: untouched when equal
    if (rich) {
      el.textContent = state.draft;
      if (document.activeElement === el) caretToEnd(el);
    } else {
      el.value = state.draft;
    }
  }

  function send() {
    const text = state.draft;
    if (!text.trim()) return;
    state.draft = '';
    onSend(text);
    render();
  }

  function setDraft(text) {
    state.draft = text;
    render();
  }

  return { el, state, render, send, setDraft };
}

function caretToEnd(el) {
  const range = document.createRange();
  range.selectNodeContents(el);
  range.collapse(false);
  const sel = getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
}
