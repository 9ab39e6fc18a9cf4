import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * WXT's fake browser as a fresh profile meets a restore: a manifest, no host granted yet, no runtime content script
 * registered (the registration after a grant is tested end to end in custom-adapters.e2e.test.ts). Call in beforeEach.
 */
export function asFreshProfile(): void {
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ manifest_version: 3, name: 'x', version: '0.1.0', content_scripts: [{ matches: [], js: ['content-scripts/console.js'] }] }) });
  Object.assign(fakeBrowser.permissions, { contains: async () => false });
  Object.assign(fakeBrowser, { scripting: { getRegisteredContentScripts: async () => [] } });
}
