// Finds a Chromium and starts it with the built extension loaded. Used by the e2e tests, the demo and the bench.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { executableAt } from './fake-time.mjs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The build with the demo console (`npm run build:demo`): the one the tests, the demo and the bench load. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output-demo/chrome-mv3');

/** The browser binary: $PUPPETEER_EXECUTABLE_PATH, $CHROME_PATH, else a Debian/Ubuntu install. */
export function findChromium() {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH || process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`Chromium not found at ${fromEnv} (from PUPPETEER_EXECUTABLE_PATH/CHROME_PATH).`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium chromium-l10n fonts-noto-cjk`) ' +
      'or point PUPPETEER_EXECUTABLE_PATH (or CHROME_PATH) at a Chrome/Chromium binary.',
  );
}

/**
 * Starts Chromium with the built extension in a fresh profile.
 * Returns the browser, the extension id and a `close()` that also removes the profile.
 * `at` (ms) starts the browser's clock at that instant (through faketime), for tests about a time of day.
 * @param {{ headless?: boolean, extensionDir?: string, userDataDir?: string, args?: string[], lang?: string, at?: number }} [options]
 */
export async function launchWithExtension({ headless = true, extensionDir = EXTENSION_DIR, userDataDir, args = [], lang = 'zh-CN', at } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'xiaoer-profile-'));
  const browser = await puppeteer.launch({
    executablePath: at == null ? findChromium() : executableAt(findChromium(), at),
    headless,
    pipe: true,
    enableExtensions: [extensionDir],
    userDataDir: profile,
    defaultViewport: { width: 1366, height: 800 },
    // On Linux Chromium takes its UI language (and so the extension's i18n locale) from the environment.
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${lang}`,
      ...args,
    ],
  });
  const workerTarget = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'));
  const extensionId = new URL(workerTarget.url()).host;
  return {
    browser,
    extensionId,
    profile,
    async close() {
      await browser.close().catch(() => {});
      if (!userDataDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}
