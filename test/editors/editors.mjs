// The editor matrix: one test page per editor, bundled from the npm packages pinned in package-lock.json.
// `name` is the page (/editors/<name>) and the bench row (snippets.insert.<name>.ms); `entry` is in pages/.
// `box`: the editable element (default `[data-editor-box]`, which the page sets; CKEditor's view renderer removes
// attributes it did not set, so there its own class). `undoGroupMs`: the editor folds edits made within that time
// of each other into one undo step, so an agent who pauses that long after the draft gets a step of its own.
export const EDITORS = [
  { name: 'textarea', entry: 'textarea.ts', title: 'plain textarea', undo: true },
  { name: 'react-textarea', entry: 'react-textarea.tsx', title: 'React 18 controlled textarea', undo: true },
  { name: 'vue-textarea', entry: 'vue-textarea.ts', title: 'Vue 3 v-model textarea', undo: true },
  { name: 'contenteditable', entry: 'contenteditable.ts', title: 'plain contenteditable', undo: true },
  { name: 'lexical', entry: 'lexical.ts', title: 'Lexical 0.52 (plain text)', undo: true },
  { name: 'prosemirror', entry: 'prosemirror.ts', title: 'ProseMirror', undo: true, undoGroupMs: 500 },
  { name: 'tiptap', entry: 'tiptap.ts', title: 'TipTap 3', undo: true, undoGroupMs: 500 },
  { name: 'draft', entry: 'draft.tsx', title: 'Draft.js 0.11', undo: true },
  { name: 'slate', entry: 'slate.tsx', title: 'Slate 0.146', undo: true },
  { name: 'quill', entry: 'quill.ts', title: 'Quill 2', undo: true, undoGroupMs: 1000 },
  { name: 'ckeditor', entry: 'ckeditor.ts', title: 'CKEditor 5 (48)', undo: true, box: '.ck-editor__editable' },
  { name: 'iframe', entry: 'iframe.ts', title: 'contenteditable in a same-origin iframe', undo: true, frame: true },
  { name: 'shadow', entry: 'shadow.ts', title: 'contenteditable in an open shadow root', undo: true, shadow: true },
  { name: 'csp', entry: 'csp.ts', title: 'ProseMirror under a strict CSP + Trusted Types', undo: true, csp: true, undoGroupMs: 500 },
];

/** Not part of the matrix: an editor no insertion method reaches (the clipboard fallback's fixture). */
export const KEYS_ONLY = { name: 'keys-only', entry: 'keys-only.ts', title: 'keys-only editor' };
