// Slate with slate-react and history; 发送 sends the model's text (one line per block, `Node.string`).
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, Node, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, withReact } from 'slate-react';
import { editorMount, mountSendBar } from './send-bar';

const editor = withHistory(withReact(createEditor()));
const initial: Descendant[] = [{ type: 'paragraph', children: [{ text: '' }] } as Descendant];
function Composer() {
  const [value] = useState(initial);
  return (
    <Slate editor={editor} initialValue={value}>
      <Editable data-editor-box="" placeholder="" />
    </Slate>
  );
}
createRoot(editorMount('Slate')).render(<Composer />);
mountSendBar('slate', () => editor.children.map((block) => Node.string(block)).join('\n'));
