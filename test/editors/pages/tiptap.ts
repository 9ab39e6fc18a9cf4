// TipTap 3 with the starter kit; 发送 sends `editor.getText()`.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { editorMount, mountSendBar } from './send-bar';

const editor = new Editor({ element: editorMount('TipTap'), extensions: [StarterKit] });
editor.view.dom.setAttribute('data-editor-box', '');
mountSendBar('tiptap', () => editor.getText({ blockSeparator: '\n' }));
