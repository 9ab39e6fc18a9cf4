// A ProseMirror editor (basic schema, history, base keymap), shared by the plain page and the CSP page.
import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { schema } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';

export function mountProseMirror(place: HTMLElement): EditorView {
  const hardBreak = chainCommands(exitCode, (state, dispatch) => {
    dispatch?.(state.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
    return true;
  });
  const view = new EditorView(place, {
    state: EditorState.create({
      schema,
      plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo, 'Shift-Enter': hardBreak }), keymap(baseKeymap)],
    }),
  });
  view.dom.setAttribute('data-editor-box', '');
  return view;
}

/** The document's text: paragraphs and hard breaks as "\n". */
export function proseMirrorText(view: EditorView): string {
  const doc = view.state.doc;
  return doc.textBetween(0, doc.content.size, '\n', '\n');
}
