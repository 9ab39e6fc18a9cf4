// The ProseMirror editor on a page served with a strict CSP (no inline script or style, no eval) and
// `require-trusted-types-for 'script'`: the content script and its insertion must work without either.
import { editorMount, mountSendBar } from './send-bar';
import { mountProseMirror, proseMirrorText } from './prosemirror-editor';

const view = mountProseMirror(editorMount('Strict CSP + Trusted Types (ProseMirror)'));
mountSendBar('csp', () => proseMirrorText(view));
