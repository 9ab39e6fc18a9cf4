import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // storage: settings and state; scripting: re-inject the content script into open console tabs after an update.
    // Host access comes only from the content script's match patterns (built-in adapters' hosts).
    permissions: ['storage', 'scripting'],
    action: { default_title: '__MSG_extName__' },
  },
});
