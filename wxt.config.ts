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

/**
 * The build the demo and the tests use (XIAOER_DEMO_CONSOLE=1, `npm run build:demo`): the release build plus the demo
 * console's adapter, host permission and content-script match (utils/adapters/builtin/demo-build.ts), in its own
 * folder so that .output/ only ever holds what ships.
 */
/**
 * Hosts asked for at runtime, one origin at a time: stock feeds, custom adapters' consoles. http only on loopback, the
 * hosts utils/stock/feed-url.ts accepts (LOOPBACK_HOSTS; a test compares them).
 */
export const OPTIONAL_HOSTS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*', 'http://[::1]/*'];

const DEMO_CONSOLE = process.env.XIAOER_DEMO_CONSOLE === '1';

/**
 * The oldest browsers with everything Xiaoer uses (README, install): Chrome 105 for the `:has()` selectors of the
 * built-in adapters (Pinduoduo's chat), after MV3's storage.session (102) and scripting.registerContentScripts (96);
 * Firefox 121 for `:has()`, after storage.session (115) and MV2 event pages (106).
 */
export const MINIMUM_CHROME_VERSION = '105';
export const MINIMUM_FIREFOX_VERSION = '121.0';
/** The add-on's id in Firefox: fixed, so storage and granted permissions carry over updates. */
export const GECKO_ID = 'xiaoer@xiaoer-extension';

export default defineConfig({
  outDir: process.env.XIAOER_E2E_PREGRANT ? '.output-pregrant' : DEMO_CONSOLE ? '.output-demo' : '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()], define: { __XIAOER_DEMO_CONSOLE__: JSON.stringify(DEMO_CONSOLE) } }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // storage: settings and state; scripting: re-inject the content script into open console tabs after an update.
    // alarms: poll stock feeds. Feed hosts are asked for at runtime (optional), one origin at a time.
    // activeTab: the popup's 指认页面部件 on a console Xiaoer does not know yet sees that tab's address (to ask for
    // its host) only after the agent clicked the toolbar button; nothing is read from other tabs.
    permissions: ['storage', 'scripting', 'alarms', 'activeTab'],
    // The built-in consoles' hosts (the same as the content script's matches): find their open tabs and re-inject
    // the content script after an update. Any other host is optional, asked for one origin at a time: stock feeds,
    // and the hosts of custom adapters (https, or a console served on localhost).
    host_permissions: [...BUILTIN_CONSOLE_MATCHES, ...PREGRANTED],
    optional_host_permissions: OPTIONAL_HOSTS,
    // MV2 (the Firefox build) has no optional_host_permissions (WXT drops the key): origins go in optional_permissions.
    // Firefox also refuses `permissions.request` for an origin not declared optional even when it is already granted
    // (Chromium resolves true), so the granted hosts are declared optional too: asking for them stays a no-op.
    ...(manifestVersion === 2 ? { optional_permissions: [...OPTIONAL_HOSTS, ...BUILTIN_CONSOLE_MATCHES, ...PREGRANTED] } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing leaves the agent's machine: Xiaoer collects no data (Firefox asks add-ons to declare it).
            gecko: { id: GECKO_ID, strict_min_version: MINIMUM_FIREFOX_VERSION, data_collection_permissions: { required: ['none'] } },
          },
        }
      : { minimum_chrome_version: MINIMUM_CHROME_VERSION }),
    action: { default_title: '__MSG_extName__' },
    commands: {
      'open-snippets': { suggested_key: { default: 'Alt+S' }, description: '__MSG_commandOpenSnippets__' },
      'jump-to-waiting': { suggested_key: { default: 'Alt+J' }, description: '__MSG_commandJumpToWaiting__' },
    },
  }),
});
