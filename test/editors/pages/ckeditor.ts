// CKEditor 5 (classic build from the `ckeditor5` package, GPL licence key); 发送 sends the model's text:
// paragraphs and soft breaks as "\n".
import { ClassicEditor, Essentials, Paragraph, type Element as ModelElement, type Node as ModelNode } from 'ckeditor5';
import 'ckeditor5/ckeditor5.css';
import { editorMount, mountSendBar } from './send-bar';

function textOf(node: ModelNode): string {
  if (node.is('$text')) return node.data;
  if (node.is('element', 'softBreak')) return '\n';
  if (node.is('element')) return [...(node as ModelElement).getChildren()].map(textOf).join('');
  return '';
}

const place = document.createElement('div');
editorMount('CKEditor 5').appendChild(place);
ClassicEditor.create(place, { licenseKey: 'GPL', plugins: [Essentials, Paragraph], toolbar: [] }).then((editor) => {
  (editor.ui.getEditableElement() as HTMLElement).setAttribute('data-editor-box', '');
  mountSendBar('ckeditor', () => [...editor.model.document.getRoot()!.getChildren()].map(textOf).join('\n'));
});
