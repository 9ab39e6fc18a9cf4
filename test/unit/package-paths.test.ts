import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { consoleScriptFiles, packagePaths } from '@/utils/runtime/inject-content-script';

// Firefox's getManifest() names the content script by its full moz-extension:// URL; scripting.registerContentScripts
// takes only paths inside the package (seen in Firefox ESR saving a custom adapter: "must be a relative URL").
describe('content script files as paths inside the package', () => {
  it('strips our own origin from full URLs and leaves paths as they are', () => {
    const root = fakeBrowser.runtime.getURL('/');
    expect(packagePaths([`${root}content-scripts/console.js`, 'chunks/a.js'])).toEqual(['content-scripts/console.js', 'chunks/a.js']);
  });

  it('reads the console script from a Firefox-style manifest as a path', () => {
    const url = fakeBrowser.runtime.getURL('/content-scripts/console.js');
    Object.assign(fakeBrowser.runtime, { getManifest: () => ({ manifest_version: 2, name: 'x', version: '0.1.0', content_scripts: [{ matches: [], js: [url] }] }) });
    expect(consoleScriptFiles()).toEqual(['content-scripts/console.js']);
  });
});
