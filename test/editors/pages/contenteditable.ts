// A plain contenteditable <div>, as simple consoles have: its text is the draft.
import { editorMount, mountSendBar } from './send-bar';

const box = document.createElement('div');
box.contentEditable = 'true';
box.dataset.editorBox = '';
box.className = 'plain-editable';
editorMount('Plain contenteditable').appendChild(box);
mountSendBar('contenteditable', () => box.innerText.replace(/\n$/, ''));
