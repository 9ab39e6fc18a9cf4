// Lexical with the plain-text plugin and history; 发送 sends the editor state's text.
import { $getRoot, createEditor } from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { editorMount, mountSendBar } from './send-bar';

const box = document.createElement('div');
box.contentEditable = 'true';
box.dataset.editorBox = '';
box.className = 'lexical-editable';
editorMount('Lexical (plain text)').appendChild(box);
const editor = createEditor({ namespace: 'chat', onError: (error) => console.error(error) });
editor.setRootElement(box);
registerPlainText(editor);
registerHistory(editor, createEmptyHistoryState(), 300);
mountSendBar('lexical', () => editor.getEditorState().read(() => $getRoot().getTextContent()));
