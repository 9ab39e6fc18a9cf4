// ProseMirror; 发送 sends `view.state.doc`'s text.
import { editorMount, mountSendBar } from './send-bar';
import { mountProseMirror, proseMirrorText } from './prosemirror-editor';

const view = mountProseMirror(editorMount('ProseMirror'));
mountSendBar('prosemirror', () => proseMirrorText(view));
