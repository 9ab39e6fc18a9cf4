// An editor inside an open shadow root (a web-component console): <chat-composer> keeps its `value` from the
// input events of the contenteditable in its shadow root, as Lit-style components do; 发送 sends that value.
import { editorMount, mountSendBar } from './send-bar';

class ChatComposer extends HTMLElement {
  value = '';
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    const style = new CSSStyleSheet();
    style.replaceSync('.box { min-height: 80px; border: 1px solid #999; padding: 6px; white-space: pre-wrap; }');
    root.adoptedStyleSheets = [style];
    const box = document.createElement('div');
    box.className = 'box';
    box.contentEditable = 'true';
    box.dataset.editorBox = '';
    box.addEventListener('input', () => (this.value = box.innerText.replace(/\n$/, '')));
    root.appendChild(box);
  }
}
customElements.define('chat-composer', ChatComposer);
const composer = document.createElement('chat-composer') as ChatComposer;
editorMount('Editor in an open shadow root').appendChild(composer);
mountSendBar('shadow', () => composer.value);
