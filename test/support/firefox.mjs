// Finds Firefox (ESR) and starts it with the built Firefox extension installed as a temporary add-on, driven by
// puppeteer over WebDriver BiDi. The Firefox counterpart of chromium.mjs, used by the e2e harness when
// XIAOER_BROWSER=firefox.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { zipSync } from 'fflate';
import puppeteer from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** The Firefox build with the demo console (`XIAOER_DEMO_CONSOLE=1 wxt build -b firefox`). */
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output-demo/firefox-mv2');

/** The browser binary: $FIREFOX_PATH, else a Debian/Ubuntu install. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`Firefox not found at ${fromEnv} (from FIREFOX_PATH).`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'No Firefox found. Install one (Debian/Ubuntu: `sudo apt-get install -y firefox-esr firefox-esr-l10n-zh-cn fonts-noto-cjk`) ' +
      'or point FIREFOX_PATH at a Firefox binary.',
  );
}

/**
 * The add-on's internal UUID: the host of its moz-extension:// pages, random per profile. Firefox keeps the
 * id → UUID map in the pref `extensions.webextensions.uuids` and writes it to prefs.js shortly after the install.
 */
async function internalUuid(profile, addonId, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const prefs = existsSync(join(profile, 'prefs.js')) ? readFileSync(join(profile, 'prefs.js'), 'utf8') : '';
    const line = /^user_pref\("extensions\.webextensions\.uuids", (".*")\);$/m.exec(prefs);
    const uuid = line ? JSON.parse(JSON.parse(line[1]))[addonId] : undefined;
    if (uuid) return uuid;
    if (Date.now() > deadline) throw new Error(`No internal UUID for ${addonId} in ${profile}/prefs.js`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts Firefox in a fresh profile and installs the built extension as a temporary add-on.
 * Returns the browser, `extensionId` (the internal UUID, the host of moz-extension:// URLs), the add-on id, and a
 * `close()` that also removes the profile. `at` (a start at another instant) is refused: see below.
 * The UI language (and so the extension's i18n locale) comes from the pref `intl.locale.requested`; a language other
 * than en-US needs its language pack (Debian: firefox-esr-l10n-zh-cn).
 * `prefs` are added to the profile's (e.g. a proxy); `acceptInsecureCerts` lets https pages with the run's self-signed
 * certificate load (Chromium's --ignore-certificate-errors).
 * `downloadDir`: downloads are saved there without asking (Chromium's Browser.setDownloadBehavior).
 * `permanent`: installed as a regular add-on of the profile (unsigned: Firefox ESR lets the profile allow that), which
 * is still there when Firefox starts again on the same profile, as a signed install is; a temporary add-on is not.
 * @param {{ permanent?: boolean, headless?: boolean, extensionDir?: string, userDataDir?: string, args?: string[], lang?: string, at?: number, prefs?: Record<string, unknown>, acceptInsecureCerts?: boolean, downloadDir?: string }} [options]
 */
export async function launchFirefoxWithExtension({ headless = true, extensionDir = FIREFOX_EXTENSION_DIR, userDataDir, args = [], lang = 'zh-CN', at, prefs = {}, acceptInsecureCerts = false, downloadDir, permanent = false } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`XIAOER_DEMO_CONSOLE=1 npx wxt build -b firefox\` first.`);
  }
  const locale = lang === 'en' ? 'en-US' : lang;
  if (locale !== 'en-US' && !existsSync(`/usr/lib/firefox-esr/browser/extensions/langpack-${locale}@firefox-esr.mozilla.org.xpi`) && !process.env.FIREFOX_PATH) {
    throw new Error(`Firefox has no ${locale} language pack: install it (Debian/Ubuntu: \`sudo apt-get install -y firefox-esr-l10n-${locale.toLowerCase()}\`).`);
  }
  if (at != null || process.env.FAKETIME) {
    // libfaketime's first clock call looks up symbols, which allocates, inside Firefox's own allocator's start: the
    // process hangs before it prints anything (even `firefox-esr --version`).
    throw new Error('Firefox cannot run under faketime (it hangs at start): a test at a chosen instant runs in Chromium only.');
  }
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'xiaoer-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless,
    userDataDir: profile,
    defaultViewport: { width: 1366, height: 800 },
    acceptInsecureCerts,
    // WebDriver BiDi refuses to navigate a tab to a moz-extension:// page unless system access is allowed.
    args: ['--remote-allow-system-access', ...args],
    extraPrefsFirefox: {
      'intl.locale.requested': locale,
      // The language pack sits in the application's extensions folder: let it load without a prompt.
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      'intl.accept_languages': locale === 'en-US' ? 'en-US, en' : `${locale}, en`,
      // A test reads back what Xiaoer copied (navigator.clipboard.readText) without Firefox's paste prompt, as
      // Chromium's granted clipboard-read permission lets it (harness allowClipboard).
      'dom.events.testing.asyncClipboard': true,
      ...(downloadDir ? downloadPrefs(downloadDir) : {}),
      ...(permanent ? { 'xpinstall.signatures.required': false } : {}),
      ...prefs,
    },
  });
  let addonId;
  let extensionId;
  try {
    addonId = permanent ? await installPermanently(browser, profile, resolve(extensionDir)) : await browser.installExtension(resolve(extensionDir));
    extensionId = await internalUuid(profile, addonId);
  } catch (error) {
    await browser.close().catch(() => {});
    if (!userDataDir) rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    extensionId,
    addonId,
    stopBackground: () => stopBackground(browser, addonId),
    extensionOrigin: `moz-extension://${extensionId}`,
    profile,
    async close() {
      await browser.close().catch(() => {});
      if (!userDataDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Installs the build as a regular add-on (BiDi's `moz:permanent`, which takes a packed add-on), unless the profile
 * has it from an earlier start: then Firefox loaded it at start, as it does for an agent's installed add-on.
 */
async function installPermanently(browser, profile, extensionDir) {
  const { browser_specific_settings: { gecko: { id } } } = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  const registry = join(profile, 'extensions.json');
  if (existsSync(registry) && JSON.parse(readFileSync(registry, 'utf8')).addons?.some((addon) => addon.id === id && addon.location === 'app-profile')) return id;
  const xpi = join(mkdtempSync(join(tmpdir(), 'xiaoer-xpi-')), 'xiaoer.xpi');
  const files = readdirSync(extensionDir, { recursive: true }).filter((name) => statSync(join(extensionDir, name)).isFile());
  writeFileSync(xpi, zipSync(Object.fromEntries(files.map((name) => [name.split(sep).join('/'), readFileSync(join(extensionDir, name))]))));
  const { result } = await browser.connection.send('webExtension.install', { extensionData: { type: 'archivePath', path: xpi }, 'moz:permanent': true });
  rmSync(dirname(xpi), { recursive: true, force: true });
  return result.extension;
}

/** A download goes straight into `dir`, under its own name, with no dialog and no downloads panel. */
function downloadPrefs(dir) {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
    'browser.download.manager.showWhenStarting': false,
    'browser.helperApps.neverAsk.saveToDisk': 'text/csv,application/json,application/octet-stream',
  };
}

/**
 * Runs `expression` (an async function's body) in Firefox's privileged browser window, with `addonId` bound: what
 * about:debugging does for an add-on. Needs `--remote-allow-system-access`.
 */
async function inBrowserChrome(browser, addonId, body) {
  const { result: tree } = await browser.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml') ?? tree.contexts[0];
  const { result } = await browser.connection.send('script.evaluate', {
    expression: `(async (addonId) => { ${body} })(${JSON.stringify(addonId)})`,
    target: { context: window.context },
    awaitPromise: true,
  });
  if (result.type !== 'success') throw new Error(`privileged evaluate failed: ${JSON.stringify(result.exceptionDetails ?? result)}`);
  return result.result.value;
}

/**
 * Unloads the add-on's event page, as Firefox does when it has been idle (and about:debugging's "Terminate
 * background script"), and resolves once it is stopped; its next event starts it afresh.
 */
async function stopBackground(browser, addonId) {
  const state = await inBrowserChrome(
    browser,
    addonId,
    `const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
     const extension = ExtensionParent.GlobalManager.getExtension(addonId);
     if (!extension) throw new Error('no add-on ' + addonId);
     if (extension.persistentBackground) throw new Error('the background page is persistent: only event pages are unloaded');
     // A page still starting is left to finish first (terminateBackground ignores all but a running one).
     for (const deadline = Date.now() + 10000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
       if (extension.backgroundState !== 'running') continue;
       await extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
       if (extension.backgroundState === 'stopped') return 'stopped';
     }
     return extension.backgroundState;`,
  );
  if (state !== 'stopped') throw new Error(`the event page did not stop (state: ${state})`);
}
