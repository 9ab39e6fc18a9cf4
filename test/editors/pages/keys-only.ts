// An editor that takes typed keys only, as canvas-like editors do: it owns its model, lets the browser change
// nothing (every `beforeinput` is refused), and applies only characters typed on the keyboard. No insertion method
// reaches it, so Xiaoer must say so and put the snippet on the clipboard. The fallback's fixture.
import { editorMount, mountSendBar } from './send-bar';

let model = '';
let typing = false;
const box = document.createElement('div');
box.contentEditable = 'true';
box.dataset.editorBox = '';
editorMount('Keys-only editor').appendChild(box);
const render = () => {
  box.textContent = model;
  const caret = document.createRange();
  caret.selectNodeContents(box);
  caret.collapse(false);
  document.getSelection()?.removeAllRanges();
  document.getSelection()?.addRange(caret);
};
box.addEventListener('keydown', (event) => {
  typing = event.key.length === 1 || event.key === 'Backspace';
  setTimeout(() => (typing = false), 0);
});
box.addEventListener('beforeinput', (event) => {
  event.preventDefault();
  if (!typing) return;
  if (event.inputType === 'insertText' && event.data) model += event.data;
  if (event.inputType === 'deleteContentBackward') model = model.slice(0, -1);
  render();
});
mountSendBar('keys-only', () => model);
