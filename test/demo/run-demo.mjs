// `npm run demo`: build the extension, serve the demo seller console, and open it in Chromium with Xiaoer loaded.
// With a display: a visible window to try things by hand (Ctrl+C ends it).
// Without one (or with --headless): screenshots of every demo page with the overlay, written to ./demo-screenshots.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../support/chromium.mjs';
import { startDemoServer } from './server.mjs';

const argv = process.argv.slice(2);
const args = new Set(argv);
// --at 2027-01-10T09:50:00+08:00: the shop and the browser's clock start at that instant (needs faketime); by
// default both live in the present.
const atArg = argv.includes('--at') ? argv[argv.indexOf('--at') + 1] : null;
const at = atArg == null ? undefined : Date.parse(atArg);
if (at !== undefined && !Number.isFinite(at)) {
  console.error(`--at ${atArg}: not a date (try 2027-01-10T09:50:00+08:00)`);
  process.exit(2);
}
const headless = args.has('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const outDir = resolve(process.cwd(), 'demo-screenshots');
const PAGES = [
  ['items', '/console/items'],
  ['orders', '/console/orders'],
  ['chat', '/console/chat'],
];

if (!args.has('--no-build')) {
  console.log('Building the extension…');
  // The build with the demo console (its adapter and 127.0.0.1 host), into .output-demo/: never the release build.
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, XIAOER_DEMO_CONSOLE: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const now = at ?? Date.now();
const demo = await startDemoServer({ port: Number(process.env.DEMO_PORT ?? 5317), now }).catch(() => startDemoServer({ now }));
console.log(`Demo seller console: ${demo.origin}/console/items`);
// The demo console shows Beijing time (as the real consoles do): the browser's clock must agree, or the response
// clock would read the page's times eight hours off on a machine set to UTC.
process.env.TZ ??= 'Asia/Shanghai';
const launched = await launchWithExtension({ headless, at, userDataDir: headless ? undefined : resolve('.output/demo-profile') });
const { browser, extensionId } = launched;

/** Loads the demo's ERP stock export through Xiaoer's own options page, as an agent would. */
async function importDemoStock() {
  const options = await browser.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#stock`);
  const input = await options.waitForSelector('input[name="stock-file"]');
  await input.uploadFile(resolve(import.meta.dirname, 'data/erp-stock.csv'));
  await options.waitForSelector('[data-testid="import-preview"]');
  await options.click('button[name="import"]');
  await options.waitForSelector('[data-testid="import-done"]', { timeout: 20_000 });
  console.log(`  ${await options.$eval('[data-testid="import-done"]', (el) => el.textContent)}`);
  return options;
}

/** Brings in the team's snippet pack through the options page: preview, then apply, as a new agent would. */
async function importTeamPack() {
  const options = await browser.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#packs`);
  const input = await options.waitForSelector('input[name="pack-file"]');
  await input.uploadFile(resolve(import.meta.dirname, 'data/team-pack.json'));
  await options.waitForSelector('[data-testid="pack-preview"]', { timeout: 20_000 });
  await options.click('button[name="apply-pack"]');
  await options.waitForSelector('[data-testid="pack-done"]', { timeout: 20_000 });
  console.log(`  ${await options.$eval('[data-testid="pack-done"]', (el) => el.textContent)}`);
  await options.close();
}

async function openConsolePage(path) {
  const page = await browser.newPage();
  await page.goto(demo.origin + path, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('xiaoer-dock'), { timeout: 10_000 }).catch(() => {
    console.warn(`  Xiaoer did not appear on ${path} within 10 s`);
  });
  return page;
}

console.log('Importing the demo ERP stock export (test/demo/data/erp-stock.csv) through the options page…');
const optionsPage = await importDemoStock();
console.log('Importing the team snippet pack (test/demo/data/team-pack.json) through the options page…');
await importTeamPack();

if (!headless) {
  for (const [, path] of PAGES) await openConsolePage(path);
  console.log('Chromium is open with Xiaoer loaded. Press Ctrl+C to stop.');
  process.on('SIGINT', async () => {
    await launched.close();
    await demo.close();
    process.exit(0);
  });
} else {
  mkdirSync(outDir, { recursive: true });
  await optionsPage.setViewport({ width: 1366, height: 900 });
  await optionsPage.goto(`chrome-extension://${extensionId}/options.html#stock`);
  await new Promise((r) => setTimeout(r, 400));
  await optionsPage.screenshot({ path: `${outDir}/options-stock.png` });
  await optionsPage.goto(`chrome-extension://${extensionId}/options.html#packs`);
  await optionsPage.waitForSelector('[data-testid="pack-list"]');
  await optionsPage.screenshot({ path: `${outDir}/options-packs.png` });
  for (const [name, path] of PAGES) {
    const page = await openConsolePage(path);
    // Let timed content (chat messages) arrive and the overlay settle.
    await page.waitForFunction(() => document.querySelector('xiaoer-stock'), { timeout: 10_000 }).catch(() => {
      console.warn(`  no stock badges on ${path}`);
    });
    await new Promise((r) => setTimeout(r, name === 'chat' ? 3000 : 800));
    await page.screenshot({ path: `${outDir}/${name}.png` });
    if (name === 'items') {
      // The per-warehouse detail, opened from the first badge: it sits under the badge's button.
      const button = await page.evaluateHandle(() => document.querySelector('xiaoer-stock')?.shadowRoot?.querySelector('button'));
      if (button.asElement()) {
        await button.asElement().click();
        await page.waitForSelector('xiaoer-stock-detail', { timeout: 5000 }).catch(() => console.warn('  the stock detail did not open'));
        await new Promise((r) => setTimeout(r, 300));
        await page.screenshot({ path: `${outDir}/items-detail.png` });
        await page.keyboard.press('Escape');
      }
      const worker = await (await browser.waitForTarget((t) => t.type() === 'service_worker')).worker();
      const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
      const popup = await browser.newPage();
      await popup.setViewport({ width: 340, height: 640 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      await popup.waitForSelector('[data-testid="page-status"]');
      await popup.screenshot({ path: `${outDir}/popup.png` });
      await popup.close();
    }
  }
  const options = await browser.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#adapters`);
  await new Promise((r) => setTimeout(r, 300));
  await options.screenshot({ path: `${outDir}/options.png` });
  console.log(`Screenshots written to ${outDir}: ${[...PAGES.map(([n]) => n), 'items-detail', 'popup', 'options', 'options-stock', 'options-packs'].map((n) => `${n}.png`).join(', ')}`);
  await launched.close();
  await demo.close();
}
