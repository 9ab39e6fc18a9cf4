// Draft.js (React 18: Draft calls findDOMNode, which React 19 removed); 发送 sends the editorState's plain text.
import { Editor, EditorState } from 'draft-js';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { editorMount, mountSendBar } from './send-bar';

let current = EditorState.createEmpty();
function Composer() {
  const [state, setState] = useState(current);
  current = state;
  useEffect(() => document.querySelector('.public-DraftEditor-content')?.setAttribute('data-editor-box', ''), []);
  return <Editor editorState={state} onChange={setState} />;
}
createRoot(editorMount('Draft.js')).render(<Composer />);
mountSendBar('draft', () => current.getCurrentContent().getPlainText('\n'));
