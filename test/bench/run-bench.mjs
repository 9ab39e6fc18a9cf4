// `npm run bench [-- --json FILE] [--runs N] [--profile DIR]`: performance figures of the real-stock pipeline in
// real Chromium.
//
// Builds the extension with the bench-only page (bench.html, see build-bench.mjs) into .output/bench/chrome-mv3,
// starts headless Chromium with it, and measures, each `runs` times (default 5) after one untimed warm-up, reporting
// the MEDIAN:
//   stock.import100k.ms            100k-row GBK CSV, bytes → committed in IndexedDB (decode, parse, read, stock.import)
//   stock.import100k.baseline.ms   same bytes, decode + parse, then one put per row in one transaction (separate DB);
//                                  ~20 s a run, so min(runs, 3) runs and no warm-up (decode/parse are warm by then)
//   stock.lookup2k.warm.ms         2,000 codes through stock.lookup, worker warm
//   stock.lookup2k.cold.ms         the same right after the service worker was stopped
//   stock.overlay2k.ms             demo items page, 2,000 rows arriving 300 ms after its script runs (as from a
//                                  console's API), drawn in blocks the browser skips while off screen (the demo's
//                                  default) → badges painted on every row in view (rows further down get theirs as
//                                  they come near the view)
//   stock.overlay2k.baseline.ms    the same page with Xiaoer switched off for the host: rows → rows painted
//   stock.overlay2k.preloaded.ms   as stock.overlay2k.ms, rows rendered by the page's first script (racing Xiaoer's start-up)
//   stock.overlay.longtask.max.ms  the main thread's longest busy stretch (long task) from the rows existing to 1 s
//                                  after the page painted them (max over the runs); .page.max.ms: the same with Xiaoer
//                                  off (long-animation-frame entries do not attribute content scripts)
//   stock.overlay2k.unseen.*       as stock.overlay2k.ms, with the host's recent codes forgotten before each load: a
//                                  list never seen, whose codes are looked up after the rows arrive
//   stock.overlay2k.table.*        the same list as one plain 2,000-row table (`&layout=table`), with and without Xiaoer
// and, for the reply snippets (sample counts fixed, not `runs`):
//   snippets.search20k.p50.ms / .p95.ms  per-keystroke searchSnippets over the synthetic 20,000-snippet corpus (keys
//                                  from computeSearchKeys, index from buildSnippetIndex) in the bench page: every prefix
//                                  of SNIPPET_TYPED, 1 untimed round + SEARCH_ROUNDS timed rounds
//   snippets.search20k.fuse.p50.ms / .p95.ms  Fuse.js on the same corpus, FUSE_QUERIES of those queries, one round
//   snippets.palette.open.ms       demo chat, '/' keydown in the reply box → palette painted with results (next
//                                  frame), median of PALETTE_OPENINGS after one untimed opening; default library
//   snippets.palette.open.20k.ms   the same with the 20,000-snippet library stored
//   stock.overlay.churn.cpu        the re-rendering React table (test/rerender, 200 rows keyed by index, re-rendered
//                                  every second, each row rewritten to the next product): the renderer main thread's
//                                  CPU time per second (CDP Performance ThreadTime) with Xiaoer minus the page alone,
//                                  as a ratio of the page alone (median over CHURN_RUNS rounds of windows alternating in one load);
//                                  .churn.ms / .churn.page.ms: the CPU ms per second themselves; .busy.*: the same by
//                                  TaskDuration (wall-clock time in tasks, which grows with other processes' load)
//   stock.overlay.churn.floor.cpu  the same table with Xiaoer off and as many badges as Xiaoer showed, put back by a
//                                  plain page script at every re-render (test/bench/plain-badges.mjs, Xiaoer's own badge
//                                  sheet): what badges of this form cost there before any of Xiaoer's work, as the same
//                                  ratio to the page alone (a third window in each round); .floor.ms the CPU ms per second
//   stock.overlay.churn.keyed.cpu  the same table keyed by product (React moves one row a tick, rewrites the countdowns
//                                  only: the badges stand still), the same rounds; .keyed.ms / .keyed.page.ms
//   stock.overlay.churn.taobao.cpu the index-keyed table with Taobao's stock cells (the number in a span of its own,
//                                  as 出售中的宝贝 draws it: the badge goes beside it and is never taken out), the
//                                  same rounds; .taobao.ms / .taobao.page.ms
//   stock.overlay.virtual100k.*    the 100,000-row virtual list (40 recycled row elements) scrolled top to bottom in
//                                  FLING_FRAMES frames (a new screen every frame), traced: .longtask.ms Xiaoer's
//                                  longest task (CPU time in content-script functions within one main-thread task, max
//                                  over the runs; .longtask.wall.ms the same by the clock), .dropped / .page.dropped frames dropped with Xiaoer / page alone
//                                  (medians); then VIRTUAL_STOPS screens spread end to end: .screens.wrong screens not
//                                  all right within 3 s, .wrong.frames frames that showed a wrong badge or a row
//                                  losing its badge, .settle.ms the longest wait for a screen to be right
//   snippets.insert.<editor>.ms    each page of the editor matrix (test/editors): the Enter that chooses a snippet in
//                                  the palette → the text in the editor's own state, median of INSERTIONS; baseline
//                                  snippets.insert.baseline.setter.ms: the plain textarea's native value setter + input
//                                  event, in the page, to the same state
//   snippets.content.bundle.gz.kb  gzip -9 size of content-scripts/console.js (KiB), of the bench build (its content
//                                  script is built like the demo build; compared with .output-demo/chrome-mv3 when present)
// Figures only: targets are printed, never enforced. Exit code 0 unless the run itself breaks.
// --only GROUPS: only these groups of rows, comma-separated (import, load, lookup, overlay, search, palette, insert, churn,
// virtual; e.g. `--only churn,virtual`), for working on one figure; the bundle size is always printed.
// --profile DIR: build unminified, and after the measured runs take V8 CPU profiles of one import (bench page and
// service worker) and one overlay page load (with import and overlay), and of the churning table with Xiaoer (with
// churn: a CPU profile and a trace of CHURN_SECONDS), write them to DIR and print the top self-time functions.
// --profile-table index|code|taobao: which churning table --profile profiles (default index: the bare cells keyed by
// index; code: keyed by product; taobao: Taobao's stock cells).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchWithExtension } from '../support/chromium.mjs';
import { startDemoServer } from '../demo/server.mjs';
import { overlayProbe } from './overlay-probe.mjs';
import { paletteProbe } from './palette-probe.mjs';
import { insertProbe } from './insert-probe.mjs';
import { EDITORS } from '../editors/editors.mjs';
import { startEditorServer } from '../editors/server.mjs';
import { mainThreadByEvent, saveAndSummarise, startProfile, summariseTrace } from './profile.mjs';
import { lookupCodes, makeStockCsv } from './stock-data.mjs';
import { importThroughOptions } from './import-ui.mjs';
import { flingEndToEnd, screensRight, windowsInOneLoad } from './rerender-probe.mjs';
import { installPlainBadges, xiaoerBadgeCss } from './plain-badges.mjs';
import { startRerenderServer } from '../rerender/server.mjs';
import { stockCsv as rerenderStockCsv } from '../rerender/catalog.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const BENCH_EXTENSION = join(ROOT, '.output/bench/chrome-mv3');
const OVERLAY_ROWS = 2000;
/** Rows arrive this long after the page's script runs, as from a console's API (the demo's `?delay=`). */
const OVERLAY_DELAY = 300;
/** Long tasks this long after the page painted its rows count as Xiaoer's follow-up work (full scan, lookups). */
const AFTER_PAINT_MS = 1000;
const SNIPPET_COUNT = 20_000;
/** The big library of issue 18: search and palette rows `.100k.`. */
const SNIPPET_COUNT_BIG = 100_000;
/** The load rows of issue 18: a 1,000,000-row export through the options page, and 100,000 rows for the ratio. */
const LOAD_ROWS = [100_000, 1_000_000];
/** The corpus's clock (lastUsedAt) and the searches' `now`: fixed, as in test/unit/snippet-search-speed.test.ts. */
const SNIPPET_NOW = Date.UTC(2025, 5, 1);
/**
 * What agents type, keystroke by keystroke (each prefix is one query): Chinese, full pinyin, initials, typos
 * (tuikaun, fahou), multi-word and mixed (退款 sm, fahuo 大促), a shortcut (k100), no match (xyz). The unit speed
 * test's list plus three.
 */
const SNIPPET_TYPED = ['退款', '发货时间', '核对地址', 'tuikuan', 'fahuo', 'hddz', 'tk', 'cxfh', '退款 sm', 'yunfeixian', 'tuikaun', 'fahou',
  'youhuiquan', 'hp', 'chima tuijian', '运费', 'qitian', 'xyz', 'k100', 'English', 'fahuo 大促', 'hddz laoke', 'kuaidi chaxun'];
const SEARCH_ROUNDS = 10;
const FUSE_QUERIES = 40;
const PALETTE_OPENINGS = 10;
/** Insertions timed per editor page (after one untimed). */
const INSERTIONS = 5;
const INSERT_SNIPPET = { title: '矩阵短句', body: '您好，已为您登记', category: '咨询/沟通', tags: [] };
const CONTENT_SCRIPT = 'content-scripts/console.js';
const CHURN_SECONDS = 5;
const FLING_FRAMES = 600;
const FLING_RUNS = 3;
const VIRTUAL_STOPS = 50;

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const jsonFile = option('--json');
const RUNS = Math.max(1, Number(option('--runs') ?? 5) || 5);
const BASELINE_RUNS = Math.min(RUNS, 3);
/** Rounds of windows (page alone, with Xiaoer, and on the index-keyed table the plain badges) on the churning table: as many as runs, at least 3. */
const CHURN_RUNS = Math.max(RUNS, 3);
const profileDir = option('--profile') && resolve(option('--profile'));
const PROFILE_TABLES = { index: '', code: '', taobao: '&cells=taobao' };
const profileTable = option('--profile-table') ?? 'index';
if (!(profileTable in PROFILE_TABLES)) throw new Error(`--profile-table: one of ${Object.keys(PROFILE_TABLES).join(', ')}`);
const BENCH_GROUPS = ['import', 'load', 'lookup', 'overlay', 'search', 'palette', 'insert', 'churn', 'virtual'];
const only = option('--only')?.split(',').map((name) => name.trim());
const unknownGroups = (only ?? []).filter((name) => !BENCH_GROUPS.includes(name));
if (unknownGroups.length) throw new Error(`--only: no group ${unknownGroups.join(', ')} (groups: ${BENCH_GROUPS.join(', ')})`);
/** Whether this run measures the group of rows (all of them without --only). */
const wants = (group) => !only || only.includes(group);
if (profileDir && only && !(only.includes('import') && only.includes('overlay')) && !only.includes('churn')) {
  throw new Error('--profile profiles the import and the overlay, or the churning table: --only must include import and overlay, or churn.');
}
const started = performance.now();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
/** Nearest rank (as the unit speed test): the smallest sample with at least p % of the samples at or below it. */
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
};
const log = (message) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}`);

// ---------------------------------------------------------------------------------------------------------------
// 1. Build with the bench page, in its own output directory (.output-demo/chrome-mv3 is left alone).
log(`building the extension with the bench page (test/bench/page${profileDir ? ', unminified' : ''}) → .output/bench/chrome-mv3`);
const built = spawnSync(process.execPath, [join(import.meta.dirname, 'build-bench.mjs'), ...(profileDir ? ['--no-minify'] : [])], {
  cwd: ROOT,
  env: { ...process.env, XIAOER_DEMO_CONSOLE: '1' },
  encoding: 'utf8',
});
if (built.status !== 0) {
  console.error(built.stdout, built.stderr);
  throw new Error('The bench build failed.');
}
// The bench build regenerated .wxt/ (types list bench.html): put back what a normal build sees.
spawnSync('npx', ['wxt', 'prepare'], { cwd: ROOT, env: withoutBenchEnv(), encoding: 'utf8' });

// The content script's size, as shipped: gzip level 9 of the release build's (the bench build carries the demo
// console's adapter and host besides, ≈ 1 KiB gz, since the release build left them out). Built after the bench build:
// a release build replaces only .output/chrome-mv3.
log('building the release extension (npx wxt build) → .output/chrome-mv3, for the content script\'s size');
const release = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, env: withoutBenchEnv(), encoding: 'utf8' });
if (release.status !== 0) {
  console.error(release.stdout, release.stderr);
  throw new Error('The release build failed.');
}
const bundle = { file: join(ROOT, '.output/chrome-mv3', CONTENT_SCRIPT), normal: join(BENCH_EXTENSION, CONTENT_SCRIPT) };
{
  const bytes = readFileSync(bundle.file);
  bundle.bytes = bytes.length;
  bundle.gzBytes = gzipSync(bytes, { level: 9 }).length;
  bundle.benchGzBytes = gzipSync(readFileSync(bundle.normal), { level: 9 }).length;
}

function withoutBenchEnv() {
  const env = { ...process.env };
  delete env.XIAOER_DEMO_CONSOLE;
  return env;
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Data and servers.
log('generating the 100,000-row GBK stock export');
const data = makeStockCsv(100_000);
const codes2k = lookupCodes(data, 2000);
if (codes2k.length !== 2000) throw new Error(`Expected 2000 distinct lookup codes, got ${codes2k.length}`);

const csvServer = http.createServer((req, res) => {
  if (req.url?.startsWith('/stock-100k.csv')) {
    res.writeHead(200, { 'Content-Type': 'text/csv; charset=gbk', 'Content-Length': data.bytes.length, 'Cache-Control': 'no-store' });
    res.end(data.bytes);
  } else if (req.url?.startsWith('/rerender-stock.csv')) {
    res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Length': rerenderCsv.length, 'Cache-Control': 'no-store' });
    res.end(rerenderCsv);
  } else {
    res.writeHead(404).end();
  }
});
const rerenderCsv = Buffer.from(rerenderStockCsv());
await new Promise((done) => csvServer.listen(0, '127.0.0.1', done));
const csvUrl = `http://127.0.0.1:${csvServer.address().port}/stock-100k.csv`;
const demo = await startDemoServer();
const rerender = await startRerenderServer();

const launched = await launchWithExtension({ extensionDir: BENCH_EXTENSION });
const { browser, extensionId } = launched;
const pageErrors = [];
const watch = (page) => {
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${String(error)}`));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(`${page.url()}: ${m.text()}`));
  return page;
};

const results = {};
const details = {};
if (!profileDir) results['snippets.content.bundle.gz.kb'] = bundle.gzBytes / 1024;
let exitCode = 0;
try {
  const bench = watch(await browser.newPage());
  await bench.goto(`chrome-extension://${extensionId}/bench.html`, { waitUntil: 'load' });
  await bench.waitForFunction(() => !!window.xiaoerBench);
  await bench.bringToFront();
  const call = (fn, ...params) => bench.evaluate((name, p) => window.xiaoerBench[name](...p), fn, params);
  /** The host of the demo console and the re-rendering pages (both on 127.0.0.1), switched off for the baselines. */
  const host = new URL(demo.origin).hostname;
  /** The overlay's page, kept for the profile. */
  let page;

  // -------------------------------------------------------------------------------------------------------------
  // 3. Import, ours and the baseline, alternating, after one untimed warm-up of each.
  // The lookups, the overlay and the palette's warm-up look up the 100k export's codes: imported once, untimed, when
  // the import itself is not measured.
  let sourceId;
  if (!wants('import') && ['lookup', 'overlay', 'palette'].some(wants)) sourceId = (await call('importFromUrl', csvUrl)).sourceId;
  if (wants('import')) {
    log(`import: ${data.rows.toLocaleString('en')} rows, ${(data.bytes.length / 1e6).toFixed(1)} MB GBK; ` +
      `ours 1 warm-up + ${RUNS} runs, baseline ${BASELINE_RUNS} runs (interleaved)`);
    const warm = await call('importFromUrl', csvUrl);
    sourceId = warm.sourceId; // every run replaces this one source: the database holds one copy
    const ours = [];
    const base = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await call('importFromUrl', csvUrl, sourceId));
      if (i < BASELINE_RUNS) base.push(await call('baselineFromUrl', csvUrl));
    }
    if (ours.some((r) => r.records !== warm.records || r.dataRows !== data.rows)) throw new Error('Import read an unexpected number of rows.');
    const baselineCount = await call('countBaseline');
    if (baselineCount !== data.rows) throw new Error(`Baseline store holds ${baselineCount} rows, expected ${data.rows}.`);
    results['stock.import100k.ms'] = median(ours.map((r) => r.totalMs));
    results['stock.import100k.baseline.ms'] = median(base.map((r) => r.totalMs));
    for (const stage of ['decode', 'parse', 'read', 'commit']) results[`stock.import100k.${stage}.ms`] = median(ours.map((r) => r[`${stage}Ms`]));
    results['stock.import100k.baseline.write.ms'] = median(base.map((r) => r.writeMs));
    details.import = { records: warm.records, ours: ours.map((r) => r.totalMs), baseline: base.map((r) => r.totalMs) };
  }

  // -------------------------------------------------------------------------------------------------------------
  // 4. Lookups of 2,000 codes: warm (a lookup done before), then cold (service worker stopped first).
  if (wants('lookup')) {
    log(`lookup: ${codes2k.length} codes (SKU and item codes alternately); warm ×${RUNS}, cold ×${RUNS}`);
    const first = await call('lookup', codes2k);
    if (first.hits !== codes2k.length) throw new Error(`stock.lookup found ${first.hits} of ${codes2k.length} codes.`);
    const warmRuns = [];
    for (let i = 0; i < RUNS; i++) warmRuns.push((await call('lookup', codes2k)).ms);
    const coldRuns = [];
    for (let i = 0; i < RUNS; i++) {
      await stopWorker();
      const cold = await call('lookup', codes2k);
      if (cold.hits !== codes2k.length) throw new Error(`cold stock.lookup found ${cold.hits} of ${codes2k.length} codes.`);
      coldRuns.push(cold.ms);
    }
    results['stock.lookup2k.warm.ms'] = median(warmRuns);
    results['stock.lookup2k.cold.ms'] = median(coldRuns);
    details.lookup = { warm: warmRuns, cold: coldRuns };
  }

  // -------------------------------------------------------------------------------------------------------------
  // 5. Overlay on the demo items page with 2,000 rows, stock imported (the 100k data holds the demo's codes).
  //    Rows arrive OVERLAY_DELAY ms after the page's script runs, as from a real console's API; the same page with
  //    Xiaoer switched off for the host is the baseline; and once more with the rows in the page's first script.
  //    The page draws its rows in blocks the browser skips while off screen (the demo's default); the same list as
  //    one plain table (`layout=table`), whose layout alone takes the browser 0.5–1 s, is measured too.
  if (wants('overlay')) {
    log(`overlay: ${demo.origin}/console/items?pageSize=${OVERLAY_ROWS}&delay=${OVERLAY_DELAY}; page alone (Xiaoer off for the host), ` +
      `then rows without delay, then both as one plain table (&layout=table), then a list never seen; each 1 warm-up + ${RUNS} page loads`);
    await call('lookup', codes2k); // worker warm, as when an agent opens the page during the day
    page = watch(await browser.newPage());
    await page.evaluateOnNewDocument(overlayProbe, OVERLAY_ROWS);
    await page.bringToFront();
    const itemsUrl = (delay, layout = '') =>
      `${demo.origin}/console/items?pageSize=${OVERLAY_ROWS}${delay ? `&delay=${delay}` : ''}${layout ? `&layout=${layout}` : ''}`;
    await setXiaoerOnHost(host, false);
    const alone = await loadOverlay(page, itemsUrl(OVERLAY_DELAY), { badges: false });
    const aloneFirstScript = await loadOverlay(page, itemsUrl(0), { badges: false });
    const aloneTable = await loadOverlay(page, itemsUrl(OVERLAY_DELAY, 'table'), { badges: false });
    await setXiaoerOnHost(host, true);
    const overlays = await loadOverlay(page, itemsUrl(OVERLAY_DELAY), { badges: true });
    const preloaded = await loadOverlay(page, itemsUrl(0), { badges: true });
    const overlaysTable = await loadOverlay(page, itemsUrl(OVERLAY_DELAY, 'table'), { badges: true });
    const unseen = await loadOverlay(page, itemsUrl(OVERLAY_DELAY), { badges: true, unseen: true });
    const rowsToPainted = (p) => p.paintedAt - p.rowsAt;
    const rowsToPagePainted = (p) => p.rowsPaintedAt - p.rowsAt;
    // From the page's own rows painted to Xiaoer's badges painted: 0 when they are painted in the same frame.
    const afterPage = (p) => Math.max(0, p.paintedAt - p.rowsPaintedAt);
    results['stock.overlay2k.ms'] = median(overlays.map(rowsToPainted));
    results['stock.overlay2k.baseline.ms'] = median(alone.map(rowsToPagePainted));
    results['stock.overlay2k.dom.ms'] = median(overlays.map((p) => p.badgesAt - p.rowsAt));
    results['stock.overlay2k.afterpage.ms'] = median(overlays.map(afterPage));
    results['stock.overlay2k.preloaded.ms'] = median(preloaded.map(rowsToPainted));
    results['stock.overlay2k.preloaded.baseline.ms'] = median(aloneFirstScript.map(rowsToPagePainted));
    results['stock.overlay2k.preloaded.afterpage.ms'] = median(preloaded.map(afterPage));
    results['stock.overlay2k.table.ms'] = median(overlaysTable.map(rowsToPainted));
    results['stock.overlay2k.table.baseline.ms'] = median(aloneTable.map(rowsToPagePainted));
    results['stock.overlay2k.table.afterpage.ms'] = median(overlaysTable.map(afterPage));
    // The main thread's longest stretch busy after the rows exist, up to AFTER_PAINT_MS after the page painted them:
    // Xiaoer's first-screen badges (in the observer callback that ends the page's own task), the rows' frame, its
    // full scan and the lookups of the other rows. The page's task that built the rows counts from the moment they exist.
    const blocking = (p) => blockingAfterRows(p).map((e) => e.blocking);
    const longest = (runs) => Math.max(0, ...runs.flatMap(blocking));
    results['stock.overlay.longtask.max.ms'] = longest(overlays);
    results['stock.overlay.longtask.page.max.ms'] = longest(alone);
    results['stock.overlay2k.preloaded.longtask.max.ms'] = longest(preloaded);
    results['stock.overlay2k.preloaded.longtask.page.max.ms'] = longest(aloneFirstScript);

    results['stock.overlay2k.unseen.ms'] = median(unseen.map(rowsToPainted));
    results['stock.overlay2k.unseen.afterpage.ms'] = median(unseen.map(afterPage));
    results['stock.overlay2k.unseen.longtask.max.ms'] = longest(unseen);
    // In how many of the runs the main thread was busy over 50 ms at a stretch, with Xiaoer and with the page alone.
    const runsOver50 = (runs) => runs.filter((p) => blocking(p).some((ms) => ms > 50)).length;
    results['stock.overlay.longtask.over50.runs'] = runsOver50(overlays);
    results['stock.overlay.longtask.page.over50.runs'] = runsOver50(alone);
    results['stock.overlay2k.unseen.longtask.over50.runs'] = runsOver50(unseen);
    results['stock.overlay2k.table.longtask.max.ms'] = longest(overlaysTable);
    results['stock.overlay2k.table.longtask.page.max.ms'] = longest(aloneTable);
    const describeRun = (p) => ({
      rowsAt: p.rowsAt,
      inView: p.inView,
      rowsPaintedAt: p.rowsPaintedAt,
      badgesAt: p.badgesAt,
      paintedAt: p.paintedAt,
      polls: p.polls,
      longTasks: blockingAfterRows(p),
      frames: p.frames.filter((f) => f.start + f.duration > p.rowsAt && f.start < p.paintedAt),
    });
    details.overlay = overlays.map(describeRun);
    details.overlayPreloaded = preloaded.map(describeRun);
    details.overlayTable = overlaysTable.map(describeRun);
    details.overlayUnseen = unseen.map(describeRun);
    details.overlayAlone = alone.map(describeRun);
    details.overlayAloneFirstScript = aloneFirstScript.map(describeRun);
    details.overlayAloneTable = aloneTable.map(describeRun);
  }

  // -------------------------------------------------------------------------------------------------------------
  // 5b. Load: 100,000 and 1,000,000-row exports through the options page (once each: the 1M one takes seconds).
  if (wants('load')) {
    details.load = {};
    const dir = mkdtempSync(join(tmpdir(), 'xiaoer-bench-load-'));
    try {
      for (const rows of LOAD_ROWS) {
        const file = join(dir, `stock-${rows}.csv`);
        const generated = makeStockCsv(rows);
        writeFileSync(file, generated.bytes);
        log(`import through the options page: ${rows.toLocaleString('en')} rows, ${(generated.bytes.length / 1e6).toFixed(1)} MB GBK`);
        const run = await importThroughOptions(browser, extensionId, file);
        const key = rows === 1_000_000 ? '1m' : `${rows / 1000}k`;
        // The 100k run through the page is `.ui.`: stock.import100k.ms is the bench page's timing of the same work.
        results[`stock.import${key}${rows === 1_000_000 ? '' : '.ui'}.ms`] = run.ms;
        results[`stock.import${key}.peakMiB`] = run.peakMiB;
        results[`stock.import${key}${rows === 1_000_000 ? '' : '.ui'}.cpu.ms`] = run.cpuMs;
        details.load[key] = { ...run, bytes: generated.bytes.length };
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // 6. Reply snippets: search over 20,000 snippets in the bench page, ours then Fuse.js.
  if (wants('search')) {
    const queries = SNIPPET_TYPED.flatMap((word) => Array.from(word, (_, n) => word.slice(0, n + 1)));
    const fuseQueries = Array.from({ length: Math.min(FUSE_QUERIES, queries.length) }, (_, k) => Math.floor((k * queries.length) / FUSE_QUERIES));
    log(`snippet search: ${SNIPPET_COUNT.toLocaleString('en')} snippets, ${queries.length} keystroke queries; ours 1 untimed + ` +
      `${SEARCH_ROUNDS} rounds, Fuse.js ${fuseQueries.length} of the queries once`);
    const search = await call('snippetSearch', { count: SNIPPET_COUNT, now: SNIPPET_NOW, queries, rounds: SEARCH_ROUNDS, fuseQueries });
    if (search.size !== SNIPPET_COUNT) throw new Error(`The snippet corpus holds ${search.size} snippets.`);
    if (!search.hits.some((n) => n > 0) || !search.fuseHits.some((n) => n > 0)) throw new Error('The snippet searches found nothing.');
    const oursAll = search.samples.flat();
    const oursOnFuseQueries = search.samples.flatMap((times) => fuseQueries.map((n) => times[n]));
    results['snippets.search20k.p50.ms'] = percentile(oursAll, 50);
    results['snippets.search20k.p95.ms'] = percentile(oursAll, 95);
    results['snippets.search20k.fuse.p50.ms'] = percentile(search.fuseSamples, 50);
    results['snippets.search20k.fuse.p95.ms'] = percentile(search.fuseSamples, 95);
    details.search = {
      ...search,
      queries,
      fuseQueries,
      max: Math.max(...oursAll),
      over2: oursAll.filter((ms) => ms > 2).length,
      subsetP50: percentile(oursOnFuseQueries, 50),
      subsetP95: percentile(oursOnFuseQueries, 95),
      slowest: queries
        .map((query, n) => ({ query, ms: median(search.samples.map((times) => times[n])) }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5),
      // Less sensitive to a busy machine (a preempted sample counts once per query, not in the tail): p95 over the
      // queries of each query's median over the rounds.
      queryMedianP95: percentile(queries.map((_, n) => median(search.samples.map((times) => times[n]))), 95),
    };

    // The same queries over 100,000 snippets (ours only: Fuse.js would take minutes).
    log(`snippet search: ${SNIPPET_COUNT_BIG.toLocaleString('en')} snippets, ${queries.length} queries × ${SEARCH_ROUNDS} rounds (ours only)`);
    const search100k = await call('snippetSearch', { count: SNIPPET_COUNT_BIG, now: SNIPPET_NOW, queries, rounds: SEARCH_ROUNDS, fuseQueries: [] });
    if (search100k.size !== SNIPPET_COUNT_BIG || !search100k.hits.some((n) => n > 0)) throw new Error('The 100k snippet search found nothing.');
    results['snippets.search100k.p50.ms'] = percentile(search100k.samples.flat(), 50);
    results['snippets.search100k.p95.ms'] = percentile(search100k.samples.flat(), 95);
    details.search100k = { keysMs: search100k.keysMs, buildMs: search100k.buildMs, max: Math.max(...search100k.samples.flat()) };
  }

  // -------------------------------------------------------------------------------------------------------------
  // 7. Palette opening in the demo chat: default library, then the 20k corpus stored.
  if (wants('palette')) {
    log(`palette: ${demo.origin}/console/chat?script=off; 1 untimed + ${PALETTE_OPENINGS} openings, default library, then ${SNIPPET_COUNT.toLocaleString('en')} and ${SNIPPET_COUNT_BIG.toLocaleString('en')} snippets`);
    await call('lookup', codes2k); // worker warm
    const chat = watch(await browser.newPage());
    await chat.evaluateOnNewDocument(paletteProbe);
    await chat.bringToFront();
    const paletteDefault = await measurePalette(chat);
    // 8. Insertion into every editor of the matrix (before the 20k corpus: the default library and one snippet).
    if (wants('insert')) await insertionBench(bench);
    const stored = await call('storeSnippetCorpus', SNIPPET_COUNT, SNIPPET_NOW);
    if (stored !== SNIPPET_COUNT) throw new Error(`The snippet store holds ${stored} snippets, expected ${SNIPPET_COUNT}.`);
    const palette20k = await measurePalette(chat);
    const stored100k = await call('storeSnippetCorpus', SNIPPET_COUNT_BIG, SNIPPET_NOW);
    if (stored100k !== SNIPPET_COUNT_BIG) throw new Error(`The snippet store holds ${stored100k} snippets, expected ${SNIPPET_COUNT_BIG}.`);
    const palette100k = await measurePalette(chat);
    await chat.close();
    results['snippets.palette.open.ms'] = median(paletteDefault.openings.map((o) => o.paintedAt - o.keyAt));
    results['snippets.palette.open.20k.ms'] = median(palette20k.openings.map((o) => o.paintedAt - o.keyAt));
    results['snippets.palette.open.100k.ms'] = median(palette100k.openings.map((o) => o.paintedAt - o.keyAt));
    details.palette = { default: paletteDefault, big: palette20k, huge: palette100k };
  } else if (wants('insert')) {
    await insertionBench(bench);
  }

  // -------------------------------------------------------------------------------------------------------------
  // 8. Pages that re-render: the churning React table and the 100k virtual list (their products as a second source).
  if (wants('churn') || wants('virtual')) {
    log(`re-rendering pages: ${rerender.origin}/console/items/react-countdown?rows=200&keys=index, ${CHURN_RUNS} rounds of ` +
      `${CHURN_SECONDS}-s windows in one load each (page alone, with Xiaoer, plain badges); virtual-list: ${FLING_RUNS} flings of ${FLING_FRAMES} frames each way, then ${VIRTUAL_STOPS} screens`);
    await call('importFromUrl', `http://127.0.0.1:${csvServer.address().port}/rerender-stock.csv`);
    const churn = watch(await browser.newPage());
    await churn.bringToFront();
    const churnUrl = `${rerender.origin}/console/items/react-countdown?rows=200&keys=index&first=1`;
    if (wants('churn')) {
      /**
       * Alternating windows in one load of the table: the page alone (Xiaoer off for the host), with Xiaoer, and with
       * `floor` a third: Xiaoer off and as many badges as Xiaoer showed, put back at every re-render by a plain page
       * script (plain-badges.mjs, Xiaoer's own badge sheet) — what badges of this form cost the table before any of
       * Xiaoer's work. Each ratio is the median over the rounds of (arm − page alone) ÷ page alone.
       */
      const churnWindows = async (url, { floor = false } = {}) => {
        const countBadges = async (page) => ({ badges: await page.$$eval('xiaoer-stock', (all) => all.length) });
        let plainInstalled = false;
        let badgesShown = 0;
        const arms = [
          { name: 'alone', enter: () => setXiaoerOnHost(host, false) },
          {
            name: 'ours',
            enter: () => setXiaoerOnHost(host, true),
            after: async (page) => {
              const counted = await countBadges(page);
              if (!counted.badges) throw new Error(`No badges on the churning table (${url}).`);
              badgesShown = counted.badges;
              return counted;
            },
          },
        ];
        if (floor) {
          arms.push({
            name: 'plain',
            enter: async (page) => {
              await setXiaoerOnHost(host, false);
              // Installed once Xiaoer's count is known (after the first window with Xiaoer); on only in these windows.
              if (!plainInstalled) await page.evaluate(installPlainBadges, 'put-back', badgesShown, badgeCss);
              plainInstalled = true;
              await page.evaluate(() => window.__toggle(true));
            },
            after: async (page) => {
              const counted = await countBadges(page);
              // Off until its next window: the page's next re-render takes the plain badges out, as it does Xiaoer's.
              await page.evaluate(() => window.__toggle(false));
              if (counted.badges !== badgesShown) throw new Error(`The plain badges were ${counted.badges}, Xiaoer's ${badgesShown} (${url}).`);
              return counted;
            },
          });
        }
        const { alone, ours, plain = [] } = await windowsInOneLoad(churn, url, arms, { rounds: CHURN_RUNS, seconds: CHURN_SECONDS });
        await setXiaoerOnHost(host, true);
        const ratioTo = (runs) => median(runs.map((r, k) => (r.cpu - alone[k].cpu) / alone[k].cpu));
        return { alone, ours, plain, ratio: ratioTo(ours), floorRatio: floor ? ratioTo(plain) : undefined };
      };
      const badgeCss = xiaoerBadgeCss();
      const byIndex = await churnWindows(churnUrl, { floor: true });
      const churnAlone = byIndex.alone;
      const churnOurs = byIndex.ours;
      // By the main thread's CPU time (see windowsInOneLoad); the busy (wall-clock) figures are printed too.
      results['stock.overlay.churn.cpu'] = byIndex.ratio;
      results['stock.overlay.churn.ms'] = median(churnOurs.map((r) => r.cpu));
      results['stock.overlay.churn.page.ms'] = median(churnAlone.map((r) => r.cpu));
      results['stock.overlay.churn.busy.ratio'] = median(churnOurs.map((ours, k) => (ours.busy - churnAlone[k].busy) / churnAlone[k].busy));
      results['stock.overlay.churn.busy.ms'] = median(churnOurs.map((r) => r.busy));
      results['stock.overlay.churn.page.busy.ms'] = median(churnAlone.map((r) => r.busy));
      results['stock.overlay.churn.floor.cpu'] = byIndex.floorRatio;
      results['stock.overlay.churn.floor.ms'] = median(byIndex.plain.map((r) => r.cpu));
      // The same table keyed by product: each tick React moves one row to the end and rewrites only the countdowns,
      // so the badges stand still — what the badges cost a page by being there while it re-renders.
      const keyed = await churnWindows(churnUrl.replace('keys=index', 'keys=code'));
      results['stock.overlay.churn.keyed.cpu'] = keyed.ratio;
      results['stock.overlay.churn.keyed.ms'] = median(keyed.ours.map((r) => r.cpu));
      results['stock.overlay.churn.keyed.page.ms'] = median(keyed.alone.map((r) => r.cpu));
      // The index-keyed table again with Taobao's stock cells (出售中的宝贝: the number in a span of its own beside an
      // edit icon): the badges go beside the number, so React's re-render changes their text only, none is put back.
      const taobao = await churnWindows(`${churnUrl}&cells=taobao`);
      results['stock.overlay.churn.taobao.cpu'] = taobao.ratio;
      results['stock.overlay.churn.taobao.ms'] = median(taobao.ours.map((r) => r.cpu));
      results['stock.overlay.churn.taobao.page.ms'] = median(taobao.alone.map((r) => r.cpu));
      details.churn = { alone: churnAlone, ours: churnOurs, plain: byIndex.plain, keyed, taobao };
      if (profileDir) {
        const url = `${profileTable === 'code' ? churnUrl.replace('keys=index', 'keys=code') : churnUrl}${PROFILE_TABLES[profileTable]}`;
        await profileChurn(churn, url, host);
      }
    }
    const virtualUrl = `${rerender.origin}/console/items/virtual-list`;
    if (wants('virtual')) {
      const fling = async (on) => {
        await setXiaoerOnHost(host, on);
        await churn.goto(virtualUrl, { waitUntil: 'load' });
        if (on) await churn.waitForSelector('xiaoer-stock', { timeout: 10_000 });
        await new Promise((r) => setTimeout(r, 500));
        return flingEndToEnd(churn, FLING_FRAMES);
      };
      const flingsAlone = [];
      const flingsOurs = [];
      for (let i = 0; i < FLING_RUNS; i++) {
        flingsAlone.push(await fling(false));
        flingsOurs.push(await fling(true));
      }
      results['stock.overlay.virtual100k.longtask.ms'] = Math.max(...flingsOurs.map((f) => f.longestOursMs));
      results['stock.overlay.virtual100k.longtask.wall.ms'] = Math.max(...flingsOurs.map((f) => f.longestOursWallMs));
      results['stock.overlay.virtual100k.dropped'] = median(flingsOurs.map((f) => f.dropped));
      results['stock.overlay.virtual100k.page.dropped'] = median(flingsAlone.map((f) => f.dropped));
      await churn.goto(`${virtualUrl}?watch`, { waitUntil: 'load' });
      await churn.waitForSelector('xiaoer-stock', { timeout: 10_000 });
      const screens = await screensRight(churn, VIRTUAL_STOPS);
      results['stock.overlay.virtual100k.screens.wrong'] = screens.screens - screens.right;
      results['stock.overlay.virtual100k.wrong.frames'] = screens.wrong + screens.flicker;
      results['stock.overlay.virtual100k.settle.ms'] = screens.maxMs;
      details.virtual = { alone: flingsAlone, ours: flingsOurs, screens };
    }
    await churn.close();
  }

  // -------------------------------------------------------------------------------------------------------------
  report();

  if (profileDir && wants('import') && wants('overlay')) {
    mkdirSync(profileDir, { recursive: true });
    console.log(`\nCPU profiles (unminified build; self time per function, top 12):`);
    await bench.bringToFront();
    const workerTarget = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`));
    const stopPage = await startProfile(await bench.createCDPSession());
    const stopWorker = await startProfile(await workerTarget.createCDPSession());
    const profiled = await call('importFromUrl', csvUrl, sourceId);
    console.log(`  import (profiled run): total ${fmt(profiled.totalMs)}, decode ${fmt(profiled.decodeMs)}, parse ${fmt(profiled.parseMs)}, ` +
      `read ${fmt(profiled.readMs)}, commit ${fmt(profiled.commitMs)}`);
    saveAndSummarise(profileDir, 'import-bench-page', await stopPage());
    saveAndSummarise(profileDir, 'import-service-worker', await stopWorker());
    await call('lookup', codes2k);
    await page.bringToFront();
    const stopOverlay = await startProfile(await page.createCDPSession());
    await page.goto(`${demo.origin}/console/items?pageSize=${OVERLAY_ROWS}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__xiaoerOverlayProbe?.paintedAt != null, { timeout: 20_000, polling: 50 });
    const probe = await page.evaluate(() => window.__xiaoerOverlayProbe);
    console.log(`  overlay (profiled load): rows at ${fmt(probe.rowsAt)}, painted +${fmt(probe.paintedAt - probe.rowsAt)} ` +
      `(the profile covers the whole load: page render, content script start, badges)`);
    saveAndSummarise(profileDir, 'overlay-items-page', await stopOverlay());
    // The overlay's time is mostly not JavaScript: a trace splits the renderer's main thread by event.
    await page.tracing.start({ path: join(profileDir, 'overlay-items-page.trace.json'), categories: ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8'] });
    await page.goto(`${demo.origin}/console/items?pageSize=${OVERLAY_ROWS}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__xiaoerOverlayProbe?.paintedAt != null, { timeout: 20_000, polling: 50 });
    const trace = summariseTrace(await page.tracing.stop());
    if (trace) {
      const list = (sums) => Object.entries(sums).sort((a, b) => b[1] - a[1]).map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(' · ');
      console.log(`  overlay trace (${join(profileDir, 'overlay-items-page.trace.json')}), renderer main thread, ms by event (nested events count in each):`);
      console.log(`      rows → painted (${trace.windowMs.toFixed(0)} ms): ${list(trace.window)}`);
      console.log(`      navigation → rows (the page's own render): ${list(trace.before)}`);
    }
  }
  await page?.close();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await launched.close();
  await demo.close();
  await rerender.close();
  csvServer.closeAllConnections?.();
  await new Promise((done) => csvServer.close(done));
}
process.exit(exitCode);

/**
 * Loads the demo chat (the content script starts and loads the library), then types '/' in the reply box
 * 1 + PALETTE_OPENINGS times; between openings Escape closes the palette and Backspace empties the box.
 */
async function measurePalette(chat) {
  await chat.goto(`${demo.origin}/console/chat?script=off`, { waitUntil: 'load' });
  await chat.waitForSelector('xiaoer-snippet-button');
  await chat.click('textarea.reply-input');
  const openings = [];
  for (let i = 0; i <= PALETTE_OPENINGS; i++) {
    await chat.keyboard.press('/');
    await chat.waitForFunction(() => window.__xiaoerPaletteProbe.openings.at(-1)?.paintedAt != null, { timeout: 30_000, polling: 50 });
    const opening = await chat.evaluate(() => window.__xiaoerPaletteProbe.openings.at(-1));
    if (!opening.options) throw new Error('The palette opened without results.');
    if (i > 0) openings.push(opening);
    await chat.keyboard.press('Escape');
    await chat.waitForFunction(() => !document.querySelector('xiaoer-palette'), { polling: 50 });
    await chat.keyboard.press('Backspace');
    await chat.waitForFunction(() => document.querySelector('textarea.reply-input').value === '', { polling: 50 });
    await new Promise((r) => setTimeout(r, 100));
  }
  const left = await chat.evaluate(() => document.querySelectorAll('xiaoer-palette').length);
  if (left) throw new Error('The palette stayed open.');
  return { openings };
}

/**
 * Every editor page: the agent's draft, then `/jzdj` and Enter, 1 + INSERTIONS times (the box emptied between), the
 * probe timing Enter → the text in the editor's state. The baseline: the same page kind's simplest insertion, the
 * plain textarea's native setter + input event, timed the same way in the page.
 */
async function insertionBench(extensionPage) {
  const saved = await extensionPage.evaluate((draft) => chrome.runtime.sendMessage({ type: 'snippets.save', draft }), INSERT_SNIPPET);
  if (!saved?.ok) throw new Error(`Could not save the bench snippet: ${JSON.stringify(saved)}`);
  const served = await startEditorServer();
  log(`insertion: ${EDITORS.length} editor pages on ${served.origin}, 1 untimed + ${INSERTIONS} insertions each`);
  details.insert = {};
  for (const editor of EDITORS) {
    const page = watch(await browser.newPage());
    await page.evaluateOnNewDocument(insertProbe);
    await page.goto(served.url(editor.name), { waitUntil: 'load' });
    await page.bringToFront();
    await page.waitForFunction(() => window.__ready === true, { polling: 50 });
    const frame = editor.frame ? page.frames().find((f) => f.url().endsWith('/editors/iframe-inner')) : page.mainFrame();
    const box = await frame.waitForSelector(editor.shadow ? 'chat-composer >>> [data-editor-box]' : (editor.box ?? '[data-editor-box]'));
    await box.click();
    const times = [];
    for (let i = 0; i <= INSERTIONS; i++) {
      await page.keyboard.type('草稿：');
      await page.evaluate((text) => (window.__xiaoerInsertProbe.expect = text), '草稿：' + INSERT_SNIPPET.body);
      await page.keyboard.type('/jzdj');
      await page.waitForFunction((t) => document.querySelector('xiaoer-palette')?.shadowRoot?.querySelector('li[role="option"] .title')?.textContent === t, { polling: 50, timeout: 10_000 }, INSERT_SNIPPET.title);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.__xiaoerInsertProbe.runs.at(-1)?.landedAt != null, { polling: 50, timeout: 10_000 }).catch(async (error) => {
        throw new Error(`${editor.name}: the snippet never reached the state (${JSON.stringify(await page.evaluate(() => window.__state()))}): ${error}`);
      });
      const run = await page.evaluate(() => window.__xiaoerInsertProbe.runs.at(-1));
      if (i > 0) times.push(run.landedAt - run.chosenAt);
      await page.evaluate(() => (window.__xiaoerInsertProbe.expect = null));
      await page.waitForFunction(() => !document.querySelector('xiaoer-palette'), { polling: 50 });
      // Emptied as the agent would; a rich editor may take two goes (Slate now and then keeps a block).
      for (let tries = 0; tries < 3 && (await page.evaluate(() => window.__state())) !== ''; tries++) {
        await page.keyboard.down('Control');
        await page.keyboard.press('a');
        await page.keyboard.up('Control');
        await page.keyboard.press('Backspace');
        await page.waitForFunction(() => window.__state() === '', { polling: 50, timeout: 2_000 }).catch(() => {});
      }
      if ((await page.evaluate(() => window.__state())) !== '') throw new Error(`${editor.name}: the box could not be emptied`);
      await new Promise((r) => setTimeout(r, 100));
    }
    if (editor.name === 'textarea') {
      const setter = await page.evaluate((body) => {
        const samples = [];
        const area = document.querySelector('[data-editor-box]');
        const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
        for (let i = 0; i < 20; i++) {
          const t0 = performance.now();
          set.call(area, '草稿：' + body);
          area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: body }));
          if (!window.__state().includes(body)) throw new Error('the setter baseline did not reach the state');
          samples.push(performance.now() - t0);
          set.call(area, '');
        }
        return samples;
      }, INSERT_SNIPPET.body);
      results['snippets.insert.baseline.setter.ms'] = median(setter);
    }
    results[`snippets.insert.${editor.name}.ms`] = median(times);
    details.insert[editor.name] = times;
    await page.close();
  }
  await served.close();
}

/** Stops the extension's service worker (as Chromium does after ~30 s idle) and waits until it is gone. */
/** 1 warm-up + RUNS loads of the items page; each probe once the rows (and, with badges, the badges) are painted. */
async function loadOverlay(page, url, { badges, unseen = false }) {
  const probes = [];
  for (let i = 0; i <= RUNS; i++) {
    if (unseen) await forgetRecentCodes(new URL(url).host);
    await page.goto(url, { waitUntil: 'load' });
    const done = badges ? 'paintedAt' : 'rowsPaintedAt';
    await page.waitForFunction((key) => window.__xiaoerOverlayProbe?.[key] != null, { timeout: 20_000, polling: 50 }, done);
    // Let buffered long-task / long-frame entries arrive, and Xiaoer finish its work after the first paint.
    await new Promise((r) => setTimeout(r, AFTER_PAINT_MS + 200));
    const probe = await page.evaluate(() => window.__xiaoerOverlayProbe);
    if (badges) {
      const unpainted = await page.evaluate(
        () => [...document.querySelectorAll('xiaoer-stock')].filter((b) => !b.shadowRoot?.querySelector('button')?.textContent).length,
      );
      if (unpainted) throw new Error(`${unpainted} badges without text`);
    } else if (await page.$('xiaoer-stock')) {
      throw new Error('Badges on a page where Xiaoer is switched off.');
    }
    if (i > 0) probes.push(probe);
  }
  return probes;
}

/**
 * Long tasks that end after the rows exist and start before AFTER_PAINT_MS after the page painted them, each with
 * `blocking`: its length from the moment the rows exist (a task that began earlier, building them, counts from there).
 */
function blockingAfterRows(p) {
  const until = p.rowsPaintedAt + AFTER_PAINT_MS;
  return p.longTasks
    .filter((e) => e.start + e.duration > p.rowsAt && e.start < until)
    .map((e) => ({ ...e, blocking: e.start + e.duration - Math.max(e.start, p.rowsAt) }));
}

/** Forgets which product codes the host showed lately (what lets badges come with the rows): a list never seen. */
async function forgetRecentCodes(host) {
  await (await benchPage()).evaluate((h) => window.xiaoerBench.forgetRecentCodes(h), host);
}

/** The bench extension page, for the helpers below that change the extension's storage. */
async function benchPage() {
  return (await browser.pages()).find((p) => p.url().endsWith('/bench.html'));
}

/** Switches Xiaoer off (or on again) for one host, as the popup's site switch does. */
/**
 * The churning table with Xiaoer, profiled (self time per function) and traced (the page's main thread by event),
 * over CHURN_SECONDS after the same settling as the measured runs.
 */
async function profileChurn(page, url, host) {
  mkdirSync(profileDir, { recursive: true });
  console.log(`\nChurning table with Xiaoer (unminified build; self time per function, top 20):`);
  await page.goto(url, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 2500));
  const stop = await startProfile(await page.createCDPSession());
  await new Promise((r) => setTimeout(r, CHURN_SECONDS * 1000));
  saveAndSummarise(profileDir, 'churn-table', await stop(), 20);
  console.log('  traces, renderer main thread, CPU ms per second by event (nested events count in each):');
  for (const on of [true, false]) {
    const name = on ? 'churn-table' : 'churn-table-alone';
    if (!on) {
      await setXiaoerOnHost(host, false);
      await page.goto(url, { waitUntil: 'load' });
      await new Promise((r) => setTimeout(r, 2500));
    }
    await page.tracing.start({ path: join(profileDir, `${name}.trace.json`), categories: ['toplevel', 'devtools.timeline', 'v8'] });
    await new Promise((r) => setTimeout(r, CHURN_SECONDS * 1000));
    const sums = mainThreadByEvent(await page.tracing.stop());
    const list = Object.entries(sums).sort((a, b) => b[1] - a[1]).map(([event, ms]) => `${event} ${(ms / CHURN_SECONDS).toFixed(1)}`).join(' · ');
    console.log(`    ${on ? 'with Xiaoer' : 'page alone'} (${join(profileDir, `${name}.trace.json`)}):\n      ${list}`);
  }
  await setXiaoerOnHost(host, true);
}

async function setXiaoerOnHost(host, on) {
  await (await benchPage()).evaluate(async (h, enable) => {
    const { settings = {} } = await chrome.storage.local.get('settings');
    const disabled = new Set(settings.disabledHosts ?? []);
    if (enable) disabled.delete(h);
    else disabled.add(h);
    await chrome.storage.local.set({ settings: { ...settings, disabledHosts: [...disabled] } });
  }, host, on);
}

async function stopWorker() {
  const isOurs = (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`);
  const target = await browser.waitForTarget(isOurs, { timeout: 10_000 });
  await (await target.worker()).close();
  const deadline = Date.now() + 10_000;
  while (browser.targets().some(isOurs)) {
    if (Date.now() > deadline) throw new Error('The service worker did not stop.');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function report() {
  const rows = [
    ['stock.import100k.ms', '≤ 1500', 'stock.import100k.baseline.ms'],
    ['stock.import100k.baseline.ms', '', null],
    ['stock.import1m.ms', '≤ 8000', 'stock.import100k.ui.ms'],
    ['stock.import1m.peakMiB', '≤ 600', 'stock.import100k.peakMiB'],
    ['stock.import1m.cpu.ms', '', 'stock.import100k.ui.cpu.ms'],
    ['stock.import100k.ui.ms', '', null],
    ['stock.import100k.ui.cpu.ms', '', null],
    ['stock.import100k.peakMiB', '', null],
    ['stock.lookup2k.warm.ms', '≤ 10', null],
    ['stock.lookup2k.cold.ms', '≤ 300', null],
    ['stock.overlay2k.ms', '≤ 100', 'stock.overlay2k.baseline.ms'],
    ['stock.overlay2k.baseline.ms', '', null],
    ['stock.overlay2k.afterpage.ms', '', null],
    ['stock.overlay2k.preloaded.ms', '', 'stock.overlay2k.preloaded.baseline.ms'],
    ['stock.overlay2k.preloaded.baseline.ms', '', null],
    ['stock.overlay2k.preloaded.afterpage.ms', '', null],
    ['stock.overlay.longtask.max.ms', '≤ 50', 'stock.overlay.longtask.page.max.ms'],
    ['stock.overlay.longtask.page.max.ms', '', null],
    ['stock.overlay.longtask.over50.runs', `0 of ${RUNS}`, 'stock.overlay.longtask.page.over50.runs'],
    ['stock.overlay.longtask.page.over50.runs', '', null],
    ['stock.overlay2k.preloaded.longtask.max.ms', '≤ 50', 'stock.overlay2k.preloaded.longtask.page.max.ms'],
    ['stock.overlay2k.preloaded.longtask.page.max.ms', '', null],
    ['stock.overlay2k.unseen.ms', '≤ 100', 'stock.overlay2k.baseline.ms'],
    ['stock.overlay2k.unseen.afterpage.ms', '', null],
    ['stock.overlay2k.unseen.longtask.max.ms', '≤ 50', 'stock.overlay.longtask.page.max.ms'],
    ['stock.overlay2k.unseen.longtask.over50.runs', `0 of ${RUNS}`, 'stock.overlay.longtask.page.over50.runs'],
    ['stock.overlay2k.table.ms', '', 'stock.overlay2k.table.baseline.ms'],
    ['stock.overlay2k.table.baseline.ms', '', null],
    ['stock.overlay2k.table.afterpage.ms', '', null],
    ['stock.overlay2k.table.longtask.max.ms', '', 'stock.overlay2k.table.longtask.page.max.ms'],
    ['stock.overlay2k.table.longtask.page.max.ms', '', null],
    ['stock.overlay.churn.cpu', '≤ 0.10', null],
    ['stock.overlay.churn.ms', '', 'stock.overlay.churn.page.ms'],
    ['stock.overlay.churn.page.ms', '', null],
    ['stock.overlay.churn.busy.ratio', '', null],
    ['stock.overlay.churn.busy.ms', '', 'stock.overlay.churn.page.busy.ms'],
    ['stock.overlay.churn.page.busy.ms', '', null],
    ['stock.overlay.churn.floor.cpu', '', null],
    ['stock.overlay.churn.floor.ms', '', 'stock.overlay.churn.page.ms'],
    ['stock.overlay.churn.keyed.cpu', '', null],
    ['stock.overlay.churn.keyed.ms', '', 'stock.overlay.churn.keyed.page.ms'],
    ['stock.overlay.churn.keyed.page.ms', '', null],
    ['stock.overlay.churn.taobao.cpu', '≤ 0.10', null],
    ['stock.overlay.churn.taobao.ms', '', 'stock.overlay.churn.taobao.page.ms'],
    ['stock.overlay.churn.taobao.page.ms', '', null],
    ['stock.overlay.virtual100k.longtask.ms', '≤ 16', null],
    ['stock.overlay.virtual100k.longtask.wall.ms', '', null],
    ['stock.overlay.virtual100k.dropped', '', 'stock.overlay.virtual100k.page.dropped'],
    ['stock.overlay.virtual100k.page.dropped', '', null],
    ['stock.overlay.virtual100k.screens.wrong', `0 of ${VIRTUAL_STOPS}`, null],
    ['stock.overlay.virtual100k.wrong.frames', '0', null],
    ['stock.overlay.virtual100k.settle.ms', '', null],
    ['snippets.search20k.p95.ms', '≤ 2', 'snippets.search20k.fuse.p95.ms'],
    ['snippets.search20k.p50.ms', '', 'snippets.search20k.fuse.p50.ms'],
    ['snippets.search20k.fuse.p95.ms', '', null],
    ['snippets.palette.open.ms', '≤ 50', null],
    ['snippets.palette.open.20k.ms', '≤ 50', null],
    ['snippets.search100k.p95.ms', '≤ 5', 'snippets.search20k.p95.ms'],
    ['snippets.search100k.p50.ms', '', 'snippets.search20k.p50.ms'],
    ['snippets.palette.open.100k.ms', '≤ 50', 'snippets.palette.open.20k.ms'],
    ...EDITORS.map((editor) => [`snippets.insert.${editor.name}.ms`, '≤ 16', 'snippets.insert.baseline.setter.ms']),
    ['snippets.insert.baseline.setter.ms', '', null],
    ['snippets.content.bundle.gz.kb', '≤ 60', null],
  ];
  // Two significant digits below 0.01 (an insertion against a bare setter is ~0.005×, not 0.00×).
  const ratioText = (r) => (r >= 100 ? r.toFixed(0) : r >= 0.01 ? r.toFixed(2) : r.toPrecision(2));
  // With --only, the rows of the groups measured.
  const table = rows.filter(([metric]) => !only || results[metric] !== undefined).map(([metric, target, baselineKey]) => {
    const value = results[metric];
    const baseline = baselineKey ? results[baselineKey] : undefined;
    if (metric.endsWith('.runs')) return [metric, `${value} of ${RUNS}`, target || '—', baseline === undefined ? '—' : `${baseline} of ${RUNS}`, '—'];
    return [metric, fmt(value), target || '—', baseline === undefined ? '—' : fmt(baseline), baseline === undefined || !value || !baseline ? '—' : `${ratioText(baseline / value)}×`];
  });
  const head = ['metric', 'value', 'target', 'baseline', 'ratio'];
  const widths = head.map((h, c) => Math.max(h.length, ...table.map((r) => r[c].length)));
  const line = (cells) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const cpu = cpus();
  console.log(`\nXiaoer bench — ${new Date().toISOString().slice(0, 10)}, ${cpu.length} cores (${cpu[0]?.model.trim()}), ` +
    `Chromium headless.\nms; median of ${RUNS} runs after 1 warm-up (import baseline: median of ${BASELINE_RUNS} runs); ` +
    `ratio = baseline ÷ value (> 1: faster than the baseline); longtask = the longest over all overlay runs;\n` +
    (details.search ? `snippets: search p50/p95 over ${details.search.samples.flat().length} keystroke searches (Fuse.js: ${details.search.fuseSamples.length}), ` : '') +
    `palette median of ${PALETTE_OPENINGS} openings; bundle in KiB` + (only ? `; only ${only.join(', ')} (--only)` : ''));
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));

  const spread = (list) => `${fmt(Math.min(...list))}–${fmt(Math.max(...list))}`;
  console.log('\nStages (medians, ms):');
  if (details.import) console.log(`  import ours:     decode ${fmt(results['stock.import100k.decode.ms'])} · parse ${fmt(results['stock.import100k.parse.ms'])} · ` +
    `checkStockTable ${fmt(results['stock.import100k.read.ms'])} · stock.import round trip (worker commit) ${fmt(results['stock.import100k.commit.ms'])}` +
    `   [${details.import.records.toLocaleString('en')} records; runs ${spread(details.import.ours)}]`);
  if (details.import) console.log(`  import baseline: put per row ${fmt(results['stock.import100k.baseline.write.ms'])} (decode + parse as above)   [runs ${spread(details.import.baseline)}]`);
  if (details.lookup) console.log(`  lookup:          warm runs ${spread(details.lookup.warm)} · cold runs ${spread(details.lookup.cold)}`);
  for (const [name, runs, alone] of [
    [`rows after ${OVERLAY_DELAY} ms`, details.overlay, details.overlayAlone],
    ['rows in the first script', details.overlayPreloaded, details.overlayAloneFirstScript],
    [`a list never seen (no recent codes), rows after ${OVERLAY_DELAY} ms`, details.overlayUnseen, details.overlayAlone],
    [`one plain table, rows after ${OVERLAY_DELAY} ms`, details.overlayTable, details.overlayAloneTable],
  ].filter(([, runs]) => runs)) {
    console.log(`  overlay (${name}): page alone rows → painted ${spread(alone.map((p) => p.rowsPaintedAt - p.rowsAt))}; with Xiaoer rows → badges ` +
      `on the ${runs[0]?.inView ?? '?'} rows in view in the DOM ${fmt(median(runs.map((p) => p.badgesAt - p.rowsAt)))}, → painted ` +
      `${fmt(median(runs.map((p) => p.paintedAt - p.rowsAt)))}   [runs ${spread(runs.map((p) => p.paintedAt - p.rowsAt))}]`);
    runs.forEach((p, k) => {
      const tasks = p.longTasks.map((e) => `${fmt(e.blocking)}${e.blocking < e.duration ? ` (of ${fmt(e.duration)})` : ''}@+${fmt(e.start - p.rowsAt)}`).join(', ') || 'none';
      const frames = p.frames
        .map((f) => {
          const scripts = f.scripts.filter((x) => x.duration >= 5).map((x) => `${x.invoker.slice(0, 60)} ${fmt(x.duration)}`).join('; ');
          return `${fmt(f.duration)}@+${fmt(f.start - p.rowsAt)} (script ${fmt(f.scripts.reduce((a, x) => a + x.duration, 0))}, ` +
            `style+layout ${fmt(f.start + f.duration - (f.styleAndLayoutStart || f.renderStart || f.start + f.duration))}${scripts ? `: ${scripts}` : ''})`;
        })
        .join(' | ') || 'none';
      console.log(`    run ${k + 1}: rows at ${fmt(p.rowsAt)}, page painted +${fmt(p.rowsPaintedAt - p.rowsAt)}, badges +${fmt(p.badgesAt - p.rowsAt)}, ` +
        `painted +${fmt(p.paintedAt - p.rowsAt)}; long tasks ${tasks}; long frames ${frames}`);
    });
  }
  if (details.churn) {
    const pairs = (key) => `page alone ${details.churn.alone.map((r) => fmt(r[key])).join(' / ')}, with Xiaoer ${details.churn.ours.map((r) => fmt(r[key])).join(' / ')}`;
    console.log(`  churn (200 rows re-rendered every second), per second: main-thread CPU ms ${pairs('cpu')}; busy (wall-clock) ms ${pairs('busy')}; ` +
      `badges on the page at the end ${details.churn.ours.map((r) => r.badges).join(' / ')}`);
    const keyed = details.churn.keyed;
    // Where the time goes (CDP's split of the main thread's time, medians): what to work on next.
    const split = (runs) => ['script', 'layout', 'style'].map((key) => `${key} ${fmt(median(runs.map((r) => r[key])))}`).join(', ');
    console.log(`  churn floor (Xiaoer off, the same number of badges put back by a plain page script), per second: main-thread CPU ms ` +
      `${details.churn.plain.map((r) => fmt(r.cpu)).join(' / ')}; split (medians) ${split(details.churn.plain)}`);
    console.log(`  churn, split per second (medians): page alone ${split(details.churn.alone)}; with Xiaoer ${split(details.churn.ours)}; ` +
      `keyed: page alone ${split(keyed.alone)}; with Xiaoer ${split(keyed.ours)}`);
    console.log(`  churn keyed by product, per second: main-thread CPU ms page alone ${keyed.alone.map((r) => fmt(r.cpu)).join(' / ')}, ` +
      `with Xiaoer ${keyed.ours.map((r) => fmt(r.cpu)).join(' / ')}; badges at the end ${keyed.ours.map((r) => r.badges).join(' / ')}`);
    const taobao = details.churn.taobao;
    console.log(`  churn keyed by index, Taobao's stock cells, per second: main-thread CPU ms page alone ${taobao.alone.map((r) => fmt(r.cpu)).join(' / ')}, ` +
      `with Xiaoer ${taobao.ours.map((r) => fmt(r.cpu)).join(' / ')}; split (medians) page alone ${split(taobao.alone)}, with Xiaoer ${split(taobao.ours)}; ` +
      `badges at the end ${taobao.ours.map((r) => r.badges).join(' / ')}`);
  }
  if (details.virtual) console.log(`  virtual 100k: fling of ${FLING_FRAMES} frames, dropped alone ${details.virtual.alone.map((f) => f.dropped).join(' / ')}, with Xiaoer ` +
    `${details.virtual.ours.map((f) => f.dropped).join(' / ')}; Xiaoer's longest task per fling ${details.virtual.ours.map((f) => fmt(f.longestOursMs)).join(' / ')} CPU ms ` +
    `(by the clock ${details.virtual.ours.map((f) => fmt(f.longestOursWallMs)).join(' / ')}); ` +
    `${details.virtual.screens.right} of ${details.virtual.screens.screens} screens right, the slowest after ${fmt(details.virtual.screens.maxMs)}`);
  const s = details.search;
  if (s) console.log(`  snippet search:  ${s.size.toLocaleString('en')} snippets, keys (computeSearchKeys) ${fmt(s.keysMs)} · buildSnippetIndex ${fmt(s.buildMs)} · ` +
    `Fuse.js index ${fmt(s.fuseIndexMs)}; ${s.queries.length} queries × ${s.samples.length} rounds: max ${fmt(s.max)}, ${s.over2} over 2 ms, ` +
    `p95 of the per-query medians ${fmt(s.queryMedianP95)}`);
  if (s) console.log(`                   on Fuse's ${s.fuseQueries.length} queries: ours p50 ${fmt(s.subsetP50)} p95 ${fmt(s.subsetP95)} vs Fuse.js p50 ` +
    `${fmt(results['snippets.search20k.fuse.p50.ms'])} p95 ${fmt(results['snippets.search20k.fuse.p95.ms'])} → Fuse ÷ ours (p95) ` +
    `${(results['snippets.search20k.fuse.p95.ms'] / s.subsetP95).toFixed(0)}×; slowest (median) ${s.slowest.map((q) => `"${q.query}" ${fmt(q.ms)}`).join(', ')}`);
  const load = details.load;
  const cpuOf = (run) => `page main-thread CPU ${fmt(run.cpuMs)}: read ${fmt(run.readCpuMs)}, commit ${fmt(run.cpuMs - run.readCpuMs)}`;
  if (load) console.log(`  load (options page): 100k rows ${fmt(load['100k'].ms)} ms (read ${fmt(load['100k'].readMs)}, commit ${fmt(load['100k'].commitMs)}; ${cpuOf(load['100k'])}), peak ${fmt(load['100k'].peakMiB)} MiB; ` +
    `1M rows ${fmt(load['1m'].ms)} ms (read ${fmt(load['1m'].readMs)}, commit ${fmt(load['1m'].commitMs)}; ${cpuOf(load['1m'])}), peak ${fmt(load['1m'].peakMiB)} MiB ` +
    `(page ${fmt(load['1m'].pagePeakMiB)}, worker ${fmt(load['1m'].workerPeakMiB)}); 1M ÷ 100k: time ${(load['1m'].ms / load['100k'].ms).toFixed(1)}×, ` +
    `peak ${(load['1m'].peakMiB / load['100k'].peakMiB).toFixed(1)}× for 10× the rows; "${load['1m'].done}"`);
  if (details.search100k) console.log(`  snippet search 100k: keys ${fmt(details.search100k.keysMs)} · buildSnippetIndex ${fmt(details.search100k.buildMs)} · max ${fmt(details.search100k.max)}`);
  const palettes = details.palette ? [['default library', details.palette.default], [`${SNIPPET_COUNT.toLocaleString('en')} snippets`, details.palette.big], [`${SNIPPET_COUNT_BIG.toLocaleString('en')} snippets`, details.palette.huge]] : [];
  for (const [name, run] of palettes) {
    const open = run.openings.map((o) => o.paintedAt - o.keyAt);
    console.log(`  palette (${name}): '/' → results in the DOM ${fmt(median(run.openings.map((o) => o.shownAt - o.keyAt)))}, → next frame ` +
      `${fmt(median(open))}   [openings ${spread(open)}; ${run.openings[0]?.options} results shown]`);
  }
  if (details.insert) {
    console.log(`  insertion (Enter → the editor's state, ms per run): ` +
      Object.entries(details.insert).map(([name, times]) => `${name} ${times.map(fmt).join('/')}`).join(' · '));
  }
  console.log(`  content script:  ${bundle.file.slice(ROOT.length + 1)} ${(bundle.bytes / 1024).toFixed(1)} KiB, gzip -9 ${(bundle.gzBytes / 1024).toFixed(1)} KiB` +
    (profileDir ? ' (unminified --profile build: not reported)' : '') +
    `; the bench build's (with the demo console) ${(bundle.benchGzBytes / 1024).toFixed(1)} KiB gz`);
  if (pageErrors.length) console.log(`\nPage errors (${pageErrors.length}):\n  ${pageErrors.slice(0, 10).join('\n  ')}`);
  console.log(`\nTotal bench time ${((performance.now() - started) / 1000).toFixed(0)} s.`);

  if (jsonFile) {
    const flat = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, round(v, v < 10 ? 2 : 1)]));
    mkdirSync(dirname(resolve(jsonFile)), { recursive: true });
    writeFileSync(resolve(jsonFile), JSON.stringify(flat, null, 2) + '\n');
    console.log(`Wrote ${resolve(jsonFile)}`);
  }
}

function fmt(value) {
  return value === undefined ? '—' : value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2);
}
