import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { BUILTIN_CONSOLE_MATCHES } from './utils/adapters/builtin';

/**
 * Headless Chromium cannot answer the browser's permission prompt (see README, custom adapters). The custom adapter
 * e2e test therefore builds a separate copy (XIAOER_E2E_PREGRANT=1, in .output-pregrant) where the stand-in console
 * host is granted up front, so the options page's real `permissions.request` resolves without a prompt. Never set
 * for a release build.
 */
const PREGRANTED = process.env.XIAOER_E2E_PREGRANT ? ['http://localhost/*'] : [];

export default defineConfig({
  outDir: process.env.XIAOER_E2E_PREGRANT ? '.output-pregrant' : '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // storage: settings and state; scripting: re-inject the content script into open console tabs after an update.
    // alarms: poll stock feeds. Feed hosts are asked for at runtime (optional), one origin at a time.
    permissions: ['storage', 'scripting', 'alarms'],
    // The built-in consoles' hosts (the same as the content script's matches): find their open tabs and re-inject
    // the content script after an update. Any other host is optional, asked for one origin at a time: stock feeds,
    // and the hosts of custom adapters (https, or a console served on localhost).
    host_permissions: [...BUILTIN_CONSOLE_MATCHES, ...PREGRANTED],
    optional_host_permissions: ['https://*/*', 'http://localhost/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'open-snippets': { suggested_key: { default: 'Alt+S' }, description: '__MSG_commandOpenSnippets__' },
      'jump-to-waiting': { suggested_key: { default: 'Alt+J' }, description: '__MSG_commandJumpToWaiting__' },
    },
  },
  // entrypoints/bench (bench.html) is for `npm run bench` only: never in a normal build.
  hooks: {
    'entrypoints:resolved': (_wxt, entrypoints) => {
      if (!process.env.XIAOER_BENCH) {
        const i = entrypoints.findIndex((e) => e.name === 'bench');
        if (i >= 0) entrypoints.splice(i, 1);
      }
    },
  },
});
