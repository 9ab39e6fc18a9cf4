// An editor inside a same-origin iframe, as older consoles (CKEditor 4, TinyMCE) build it: the frame's <body> is
// contenteditable; 发送 reads the frame's text.
import { editorMount, mountSendBar } from './send-bar';

const frame = document.createElement('iframe');
frame.src = '/editors/iframe-inner';
frame.className = 'editor-frame';
editorMount('Editor in a same-origin iframe').appendChild(frame);
frame.addEventListener('load', () => {
  const body = frame.contentDocument!.body;
  body.contentEditable = 'true';
  body.dataset.editorBox = '';
  mountSendBar('iframe', () => body.innerText.replace(/\n$/, ''));
});
