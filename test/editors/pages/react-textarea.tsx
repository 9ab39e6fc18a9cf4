// A React controlled <textarea>: the draft lives in React state (`value` + `onChange`); 发送 sends the state.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { editorMount, mountSendBar } from './send-bar';

let current = '';
function Composer() {
  const [text, setText] = useState('');
  current = text;
  return <textarea data-editor-box="" rows={5} value={text} onChange={(e) => setText(e.target.value)} />;
}
createRoot(editorMount('React controlled textarea')).render(<Composer />);
mountSendBar('react-textarea', () => current);
