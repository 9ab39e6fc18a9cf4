import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, WebWorker } from 'puppeteer-core';
import { EXTENSION_DIR, launchWithExtension } from '../support/chromium.mjs';
import { FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension } from '../support/firefox.mjs';
import { startHostMapProxy } from '../support/host-map-proxy.mjs';
import { startDemoServer } from '../demo/server.mjs';
import { within } from '../../utils/runtime/within';

/** The browser the suite runs in: $XIAOER_BROWSER, `chromium` (the default) or `firefox`. */
export type BrowserName = 'chromium' | 'firefox';
export const BROWSER: BrowserName = (() => {
  const name = process.env.XIAOER_BROWSER ?? 'chromium';
  if (name !== 'chromium' && name !== 'firefox') throw new Error(`XIAOER_BROWSER=${name}: expected chromium or firefox`);
  return name;
})();

/**
 * For `describe.skipIf(…)` / `it.skipIf(…)`: true when the suite runs in `browser` and the test cannot run there,
 * for `reason` (each such case is listed in the README, "Firefox"). Said on the console, so a skip never goes unsaid.
 */
export function cannotRunIn(browser: BrowserName, reason: string): boolean {
  if (BROWSER !== browser) return false;
  console.warn(`[${browser}] not run in this browser: ${reason}`);
  return true;
}

/** What a harness function throws when the browser cannot do what it asks; its message names the reason. */
export class NotSupportedInBrowser extends Error {}

/**
 * Where code runs as the extension's background does: the service worker in Chromium; in Firefox (MV2, whose
 * background page WebDriver BiDi does not expose) an extension page of Xiaoer's own, where `chrome` is the
 * promise-based `browser` namespace, as Chromium's `chrome` is in a worker.
 */
export type ExtensionContext = Pick<WebWorker, 'evaluate'>;

export interface Harness {
  browser: Browser;
  browserName: BrowserName;
  /** The host of the extension's pages: Chromium's extension id, Firefox's internal UUID. */
  extensionId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  extensionOrigin: string;
  /** The URL of an extension page, e.g. `options.html#log`. */
  extensionUrl(path: string): string;
  origin: string;
  /** The demo shop's "now": its orders and chats lead up to it. */
  demoNow: number;
  /** Errors the pages printed or threw, by page URL; a healthy run has none from Xiaoer. */
  pageErrors: string[];
  openConsole(path: string): Promise<Page>;
  /** Opens any address (e.g. a real console host mapped by `hosts`), its errors collected, once it has loaded. */
  openUrl(url: string): Promise<Page>;
  openExtensionPage(path: string): Promise<Page>;
  /** Reloads an extension page (options, popup) and resolves once the new document has loaded. */
  reloadExtensionPage(page: Page): Promise<void>;
  worker(): Promise<ExtensionContext>;
  /**
   * Stops the extension's service worker and waits until that worker is gone (a console tab may wake a new one at
   * once): a message sent while the old one is still stopping is not what a worker-restart test is about.
   * Firefox: unloads the event page, as Firefox does when it is idle, and waits until it is stopped.
   */
  stopWorker(): Promise<void>;
  /**
   * Installs the same build again, as an update of the running extension (same id), and resolves once the new
   * background has started: Chromium replaces the unpacked extension in place, Firefox the temporary add-on.
   */
  updateExtension(): Promise<void>;
  tabIdOf(page: Page): Promise<number>;
  /**
   * Call before the action that opens a tab: resolves with the URL the next new tab opens with. Chromium knows it
   * when the target is created; Firefox's BiDi reports moz-extension:// tabs as about:blank, so there the tab's own
   * document is asked.
   */
  nextOpenedUrl(): Promise<string>;
  /** Lets pages of `origin` read the clipboard (`navigator.clipboard.readText()`) without asking, to check a copy. */
  allowClipboard(origin: string): Promise<void>;
  /**
   * Runs `click` (what makes a page download a file) and resolves with the path of the file it saved, once whole.
   * Downloads go to a folder of this harness: Chromium is told over CDP, Firefox by its profile's prefs at launch.
   */
  download(click: () => Promise<unknown>): Promise<string>;
  /** The popup for a console tab, as the toolbar button opens it, once it shows the page's status. */
  popupFor(page: Page): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The copy of the demo build where the stand-in console host (localhost) is granted up front, for this browser:
 * headless browsers cannot answer the permission prompt (wxt.config.ts, XIAOER_E2E_PREGRANT). Built from the sources.
 */
export function buildPregranted(): void {
  execFileSync('npx', ['wxt', 'build', ...(BROWSER === 'firefox' ? ['-b', 'firefox'] : [])], { env: { ...process.env, XIAOER_E2E_PREGRANT: '1', XIAOER_DEMO_CONSOLE: '1' }, stdio: 'ignore' });
}
const PREGRANT_DIR = BROWSER === 'firefox' ? '.output-pregrant/firefox-mv2' : '.output-pregrant/chrome-mv3';
/** The demo build for this browser (`npm run build:demo`, `build:demo:firefox`). */
export const DEMO_DIR = BROWSER === 'firefox' ? FIREFOX_EXTENSION_DIR : EXTENSION_DIR;

export interface HarnessOptions {
  lang?: string;
  /** Runs the browser from this instant (faketime), and the demo shop as of it. Chromium only. */
  at?: number;
  /** `pregrant`: the build of `buildPregranted()` instead of the demo build; `{ dir }`: a package made from one. */
  build?: 'demo' | 'pregrant' | { dir: string };
  /**
   * Real console hosts whose https pages a local server on `port` serves (a self-signed certificate accepted); every
   * other name outside loopback fails, so nothing leaves the machine.
   */
  hosts?: { names: string[]; port: number };
  /**
   * A profile the caller keeps (and removes), e.g. to start the browser again on it. Firefox: the add-on is installed
   * in it as a regular (unsigned) add-on, which a restart keeps, and not again when the browser starts on it again.
   */
  userDataDir?: string;
}

/** How the browser is pointed at the local https server for `hosts`: Chromium's resolver rules, Firefox's proxy. */
async function hostMapping(hosts: HarnessOptions['hosts']) {
  if (!hosts) return { chromiumArgs: [], firefox: {}, close: async () => {} };
  if (BROWSER === 'firefox') {
    const proxy = await startHostMapProxy(hosts.names, hosts.port);
    return { chromiumArgs: [], firefox: { prefs: proxy.prefs, acceptInsecureCerts: true }, close: proxy.close };
  }
  const rules = [...hosts.names.map((name) => `MAP ${name} 127.0.0.1:${hosts.port}`), 'MAP * ~NOTFOUND'].join(', ');
  return { chromiumArgs: [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'], firefox: {}, close: async () => {} };
}

/**
 * The built extension in real Chromium or Firefox, with the demo seller console served on 127.0.0.1. `at` (ms) runs
 * the browser from that instant (faketime) and builds the demo shop as of it, for tests about a time of day; by
 * default both live in the present.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const demo = await startDemoServer({ now: options.at ?? Date.now() });
  const mapping = await hostMapping(options.hosts);
  const extensionDir = typeof options.build === 'object' ? options.build.dir : options.build === 'pregrant' ? PREGRANT_DIR : DEMO_DIR;
  const common = { lang: options.lang, at: options.at, extensionDir, userDataDir: options.userDataDir };
  const downloadDir = mkdtempSync(join(tmpdir(), 'xiaoer-downloads-'));
  const launched = BROWSER === 'firefox' ? await launchFirefoxWithExtension({ ...common, ...mapping.firefox, downloadDir, permanent: !!options.userDataDir }) : await launchWithExtension({ ...common, args: mapping.chromiumArgs });
  const { browser, extensionId } = launched;
  if (BROWSER === 'chromium') await (await browser.target().createCDPSession()).send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloadDir });
  const extensionOrigin = BROWSER === 'firefox' ? `moz-extension://${extensionId}` : `chrome-extension://${extensionId}`;
  const extensionUrl = (path: string) => `${extensionOrigin}/${path.replace(/^\//, '')}`;
  const pageErrors: string[] = [];

  const watch = (page: Page) => {
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${String(error)}${error instanceof Error && error.stack ? ` @ ${error.stack.split('\n').slice(1, 4).join(' / ')}` : ''}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${page.url()}: ${message.text()} (${message.location().url ?? ''})`);
    });
    return page;
  };

  /** Workers an update replaced: Chromium may keep listing one (same URL) after a test has talked to it. */
  const replacedWorkers = new WeakSet<import('puppeteer-core').Target>();
  const workerTarget = () =>
    browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`) && !replacedWorkers.has(t));

  /**
   * Firefox: BiDi sends no navigation events for a tab that goes to a moz-extension:// page (it moves to the
   * extension process), so `goto` never settles; the page is ready once its document says so.
   */
  const gotoExtensionPage = async (page: Page, url: string) => {
    if (BROWSER !== 'firefox') {
      await page.goto(url, { waitUntil: 'load' });
      return;
    }
    page.goto(url).catch(() => {});
    await untilDocument(page, (u) => location.href === u && document.readyState === 'complete', url);
  };

  let firefoxProbe: Promise<Page> | null = null;
  const firefoxContext = (): ExtensionContext => ({
    async evaluate(fn: any, ...args: unknown[]) {
      firefoxProbe ??= (async () => {
        // In the background: the console tab a test works in stays in front (a hidden tab runs no animation
        // frames, which a locator's click waits for).
        const page = await browser.newPage({ background: true });
        await gotoExtensionPage(page, extensionUrl('options.html#about'));
        return page;
      })();
      const probe = await firefoxProbe;
      // `chrome` inside the function is Firefox's promise-based `browser` (its `chrome` takes callbacks only).
      const source = typeof fn === 'string' ? `() => (${fn})` : String(fn);
      return probe.evaluate(`((chrome) => (${source}))(browser)(...${JSON.stringify(args)})`);
    },
  }) as ExtensionContext;

  const harness: Harness = {
    browser,
    browserName: BROWSER,
    extensionId,
    extensionOrigin,
    extensionUrl,
    origin: demo.origin,
    demoNow: demo.now,
    pageErrors,
    openConsole(path) {
      return harness.openUrl(demo.origin + path);
    },
    async openUrl(url) {
      const page = watch(await browser.newPage());
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async openExtensionPage(path) {
      const page = watch(await browser.newPage());
      await gotoExtensionPage(page, extensionUrl(path));
      return page;
    },
    async reloadExtensionPage(page) {
      if (BROWSER !== 'firefox') {
        await page.reload({ waitUntil: 'load' });
        return;
      }
      // No navigation events for moz-extension:// documents (see gotoExtensionPage): the old document is marked,
      // and the new one is the loaded document without the mark.
      await page.evaluate(() => {
        (window as unknown as { __xiaoerBeforeReload: boolean }).__xiaoerBeforeReload = true;
        setTimeout(() => location.reload(), 0);
      });
      await untilDocument(page, () => !(window as unknown as { __xiaoerBeforeReload?: boolean }).__xiaoerBeforeReload && document.readyState === 'complete', '');
    },
    async worker() {
      if (BROWSER === 'firefox') return firefoxContext();
      const worker = (await (await workerTarget()).worker())!;
      // A worker just started may run before its extension bindings are in place (`chrome is not defined`).
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
        if (await worker.evaluate(() => typeof chrome !== 'undefined' && !!chrome.runtime?.id).catch(() => false)) break;
      }
      return worker;
    },
    async stopWorker() {
      if ('stopBackground' in launched) return launched.stopBackground();
      const target = await workerTarget();
      const gone = new Promise<void>((resolve) => {
        const onDestroyed = (destroyed: unknown) => {
          if (destroyed !== target) return;
          browser.off('targetdestroyed', onDestroyed);
          resolve();
        };
        browser.on('targetdestroyed', onDestroyed);
      });
      const stopped = async () => {
        await (await target.worker())!.close();
        for (;;) {
          const pause = new Promise<boolean>((resolve) => setTimeout(() => resolve(!browser.targets().includes(target)), 2500));
          if (await Promise.race([gone.then(() => true), pause])) return;
          // Seen under load (the whole suite on two cores): the close went unanswered and the worker ran on. Asked again;
          // a worker already on its way out has no session left to ask ("No session with given id"): the wait goes on.
          await target.worker().then((worker) => worker?.close()).catch(() => {});
        }
      };
      // Bounded with a message: an unbounded wait here once hung a test for its whole 60 s with no clue where.
      await within(stopped(), 10_000, `stopping the service worker ${target.url()} (closed, never reported destroyed)`);
    },
    async updateExtension() {
      if (BROWSER === 'firefox') {
        // Firefox closes the add-on's pages on an update: the next background call opens a new probe page.
        firefoxProbe = null;
        const id = await browser.installExtension(extensionDir);
        if (!('addonId' in launched) || id !== launched.addonId) throw new Error(`the update installed ${id}, not ${'addonId' in launched ? launched.addonId : '?'}`);
        await (await harness.worker()).evaluate(() => chrome.runtime.id);
        return;
      }
      const oldWorker = await workerTarget();
      const restarted = browser.waitForTarget((t) => t.type() === 'service_worker' && t.url() === oldWorker.url() && t !== oldWorker);
      const id = await browser.installExtension(extensionDir);
      if (id !== extensionId) throw new Error(`the update installed ${id}, not ${extensionId}`);
      await restarted;
      replacedWorkers.add(oldWorker);
    },
    async tabIdOf(page) {
      // Several tabs may show the same URL (a failed test leaves its tab open): the page's title is made unique for
      // a moment, and the tab that reports it is the one.
      const mark = `xiaoer-tab-${Math.random().toString(36).slice(2)}`;
      const title = await page.evaluate((m) => {
        const before = document.title;
        document.title = m;
        return before;
      }, mark);
      try {
        const worker = await harness.worker();
        const id = await worker.evaluate(async (m) => {
          for (let i = 0; i < 100; i++) {
            const tab = (await chrome.tabs.query({})).find((t) => t.title === m);
            if (tab?.id != null) return tab.id;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          return null;
        }, mark);
        if (id == null) throw new Error(`No tab found for ${page.url()}`);
        return id;
      } finally {
        await page.evaluate((t) => (document.title = t), title);
      }
    },
    nextOpenedUrl() {
      return new Promise<string>((resolve, reject) => {
        browser.once('targetcreated', (target: import('puppeteer-core').Target) => {
          if (BROWSER !== 'firefox') return resolve(target.url());
          void (async () => {
            const page = await target.page();
            if (!page) throw new Error(`new target ${target.type()} is no page`);
            const deadline = Date.now() + 10_000;
            for (;;) {
              const href = await page.evaluate(() => location.href).catch(() => 'about:blank');
              if (href !== 'about:blank') return resolve(href);
              if (Date.now() > deadline) return resolve(href);
              await new Promise((r) => setTimeout(r, 100));
            }
          })().catch(reject);
        });
      });
    },
    async allowClipboard(origin) {
      // Firefox has no clipboard permission to grant over BiDi: its test profile lets pages read it (firefox.mjs).
      if (BROWSER === 'firefox') return;
      await browser.defaultBrowserContext().overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    },
    async download(click) {
      const before = new Set(readdirSync(downloadDir));
      await click();
      // In progress: Chromium writes `<name>.crdownload`, Firefox `<name>.part` beside an empty `<name>`.
      const partial = (name: string) => name.endsWith('.crdownload') || name.endsWith('.part');
      for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
        const names = readdirSync(downloadDir).filter((name) => !before.has(name));
        const done = names.find((name) => !partial(name) && !names.includes(`${name}.part`) && statSync(join(downloadDir, name)).size > 0);
        if (done) return join(downloadDir, done);
      }
      throw new Error(`no download arrived in ${downloadDir}`);
    },
    async popupFor(page) {
      const popup = await harness.openExtensionPage(`popup.html?tabId=${await harness.tabIdOf(page)}`);
      await popup.waitForSelector('[data-testid="page-status"]');
      return popup;
    },
    async close() {
      await launched.close();
      await mapping.close();
      await demo.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/**
 * Firefox: asks the tab's document until `test` holds. A document that is being replaced (about:blank by the
 * extension page, or a reload) can fail the question itself (BiDi: "right-hand side of 'in' should be an object"),
 * which only means: not yet.
 */
async function untilDocument(page: Page, test: (arg: string) => boolean, arg: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(test, arg).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${page.url()}: the document never became ready (${String(test)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * What the pages threw or printed as errors, leaving out resources that failed to load (Chromium prints each 404 as
 * an error: a fixture's favicon, a vendor file a fixture server does not serve): errors of scripts.
 */
export function scriptErrors(h: Harness): string[] {
  return h.pageErrors.filter((line) => !line.includes('Failed to load resource'));
}

/** Text of Xiaoer's dock inside its shadow root, or null when it is not on the page. */
export function dockText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('xiaoer-dock')?.shadowRoot?.textContent ?? null);
}

export function countDocks(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('xiaoer-dock').length);
}

/** Waits until the page shows exactly one dock whose text contains `text`. */
export async function waitForDock(page: Page, text: string, timeout = 5000): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const docks = document.querySelectorAll('xiaoer-dock');
      return docks.length === 1 && (docks[0]!.shadowRoot?.textContent ?? '').includes(expected);
    },
    // Interval polling: a console tab behind the popup is hidden, and rAF polling would never run there.
    { timeout, polling: 100 },
    text,
  );
}

export async function waitForNoDock(page: Page, timeout = 5000): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('xiaoer-dock').length === 0, { timeout, polling: 100 });
}

/** What `storage.local` holds under `key`, read in an extension page. */
export async function storedLocal<T = unknown>(page: Page, key: string): Promise<T | undefined> {
  // Firefox's `chrome` takes callbacks only; its `browser` returns promises, as Chromium's `chrome` does.
  const stored = await page.evaluate((k) => ((globalThis as any).browser ?? chrome).storage.local.get(k), key);
  return (stored as Record<string, T>)[key];
}

/** Sends a raw message to the worker from an extension page, as the popup or options would. */
export function sendFromPage(page: Page, message: unknown): Promise<{ ok: boolean; data?: any; error?: string }> {
  // Firefox's `chrome` takes callbacks only; its `browser` returns promises, as Chromium's `chrome` does.
  return page.evaluate((m) => ((globalThis as any).browser ?? chrome).runtime.sendMessage(m), message as never);
}

/** Opens the options page and puts a file into the stock import; resolves when the preview shows. */
export async function importFile(h: Harness, path: string): Promise<Page> {
  const options = await h.openExtensionPage('options.html#stock');
  const input = await options.waitForSelector('input[name="stock-file"]');
  await input!.uploadFile(path);
  await options.waitForSelector('[data-testid="import-preview"], [data-testid="import-error"]');
  return options;
}

/** Imports the demo's GBK ERP export through the options page, as an agent would. */
export async function importDemoStock(h: Harness): Promise<void> {
  const options = await importFile(h, 'test/demo/data/erp-stock.csv');
  await options.click('button[name="import"]');
  await options.waitForSelector('[data-testid="import-done"]');
  await options.close();
}

/** The text of the stock badge in the item-list row whose 商家编码 is `code`. */
export function rowBadgeText(page: Page, code: string): Promise<string | null> {
  return page.evaluate((c) => {
    const row = [...document.querySelectorAll('tr.next-table-row')].find((r) => r.querySelector('.outer-code')?.textContent?.endsWith(c));
    return row?.querySelector('xiaoer-stock')?.shadowRoot?.querySelector('button')?.textContent ?? null;
  }, code);
}

/**
 * Brings every element matching `selector` into view once (the page may scroll inside its own panes): stock badges
 * are painted as rows come into view, so a test that checks all rows looks at all of them, as an agent would.
 */
export async function revealAll(page: Page, selector: string): Promise<void> {
  await page.evaluate(async (sel) => {
    const elements = [...document.querySelectorAll(sel)];
    for (const element of elements) {
      element.scrollIntoView({ block: 'center' });
      await new Promise((r) => setTimeout(r, 40));
    }
  }, selector);
}

/**
 * The instant to start a browser from for a test about one day's figures, which must not straddle a midnight: none
 * (the present) when the next `withinMs` stay on one local day (this process's zone, which the browser inherits),
 * else a few seconds after the coming midnight.
 */
export function withinOneDay(withinMs: number): number | undefined {
  const now = Date.now();
  const today = new Date(now);
  const midnight = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1).getTime();
  return now + withinMs < midnight ? undefined : midnight + 5_000;
}

/** What the worker got back from a console tab: the content script's answer, or the error when nothing answered. */
export type TabAnswer = { ok: true; data: any } | { ok: false; error: string };

/**
 * Chromium's error when a tab has no listener at all: no Xiaoer content script is running in it. Asked after the
 * page's load event, this is a positive answer: the content script runs at document_start (document_end on custom
 * adapters' hosts), both before load, and it listens for messages before anything else it does.
 */
export const NO_CONTENT_SCRIPT = 'Receiving end does not exist';

/** Sends a message to a tab's content script from the worker, as the popup does (`chrome.tabs.sendMessage`). */
export function askTab(worker: ExtensionContext, tabId: number, message: unknown): Promise<TabAnswer> {
  return worker.evaluate(
    async (id, m) => {
      try {
        return { ok: true as const, data: await chrome.tabs.sendMessage(id, m) };
      } catch (error) {
        return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
      }
    },
    tabId,
    message as never,
  );
}

/**
 * Asks the page's content script for its health (the popup's question) until `accept` holds for the answer, and
 * returns it: the positive sign that the tab has picked its page and that the features listed as running have
 * finished starting. Throws with the last answer when it never does.
 */
export async function waitForTabHealth(h: Harness, page: Page, accept: (health: import('@/utils/runtime/tab-messages').TabHealth) => boolean, timeout = 10_000): Promise<import('@/utils/runtime/tab-messages').TabHealth> {
  const tabId = await h.tabIdOf(page);
  const deadline = Date.now() + timeout;
  let last: TabAnswer | null = null;
  for (;;) {
    last = await askTab(await h.worker(), tabId, { type: 'tab.health' });
    if (last.ok && last.data && accept(last.data)) return last.data;
    if (Date.now() > deadline) throw new Error(`tab health never fit: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
