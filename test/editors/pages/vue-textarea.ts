// A Vue 3 `v-model` <textarea> (the render function the template `<textarea v-model="text">` compiles to);
// 发送 sends the ref.
import { createApp, h, ref, vModelText, withDirectives } from 'vue';
import { editorMount, mountSendBar } from './send-bar';

const text = ref('');
createApp({
  setup: () => () =>
    withDirectives(h('textarea', { 'data-editor-box': '', rows: 5, 'onUpdate:modelValue': (value: string) => (text.value = value) }), [
      [vModelText, text.value],
    ]),
}).mount(editorMount('Vue 3 v-model textarea'));
mountSendBar('vue-textarea', () => text.value);
