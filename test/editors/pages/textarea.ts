// A plain <textarea>: no framework, the page reads its value when 发送 is pressed.
import { editorMount, mountSendBar } from './send-bar';

const box = document.createElement('textarea');
box.dataset.editorBox = '';
box.rows = 5;
editorMount('Plain textarea').appendChild(box);
mountSendBar('textarea', () => box.value);
