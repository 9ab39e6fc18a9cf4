// Quill 2 (snow theme, history); 发送 sends `quill.getText()` (without Quill's closing newline).
import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import { editorMount, mountSendBar } from './send-bar';

const quill = new Quill(editorMount('Quill 2'), { theme: 'snow', modules: { toolbar: false } });
quill.root.setAttribute('data-editor-box', '');
mountSendBar('quill', () => quill.getText().replace(/\n$/, ''));
