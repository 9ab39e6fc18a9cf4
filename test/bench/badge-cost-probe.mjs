// What badges themselves cost a page that re-renders every second, without Xiaoer: a plain page script adds badges
// built like Xiaoer's (a shadow root, the shared sheet, a button) to the re-rendering React table of test/rerender, and
// windows with the script's work off and on alternate in one page load (the page alone varies more between loads
// than within one). Prints, per way of placing the badges, the main thread's CPU ms per second added (CDP
// Performance ThreadTime, its split) and the ratio to the page's own, medians of the pairs. A floor for
// `stock.overlay.churn*` in `npm run bench`: what any badge of this form costs there, before any of Xiaoer's own work.
//
//   node test/bench/badge-cost-probe.mjs [--keys index|code] [--badges 28] [--pairs 8] [--seconds 4]
//        [--ways put-back,row-end,standing,overlay] [--position absolute|static] [--shots DIR]
//
// Ways: put-back   the badge in the row's stock cell, put back after the page took it out (React sets a changed
//                  cell's text by replacing its children when it holds more than its text), its text set
//       row-end    the badge at the row's end, where React leaves it; only its text changes
//       standing   badges put into the stock cells once and left there (on: present; off: taken out)
//       anchored   badges beside the stock cells (the rows' last children), each placed over its cell by CSS anchor
//                  positioning (the cell given an inline `anchor-name`), after a hidden copy of the cell's text; their
//                  texts set, no box read in script
//       overlay    badges in one layer of their own over the table, each moved to its row's stock cell (its
//                  bounding box read after each change of the page) and its text set; none inside the page's rows
//       observe-only       no badges: only a MutationObserver of the page's changes (childList, characterData)
//                          whose callback does nothing — what the records alone cost
//       observe-childlist  the same, childList only
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startRerenderServer } from '../rerender/server.mjs';
import { installPlainBadges } from './plain-badges.mjs';
import { windowsInOneLoad } from './rerender-probe.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const KEYS = option('keys', 'index');
const BADGES = Number(option('badges', 28));
const PAIRS = Number(option('pairs', 8));
const SECONDS = Number(option('seconds', 4));
const WAYS = option('ways', 'put-back,row-end,standing').split(',');
const POSITION = option('position', 'absolute');
/** --contain: each badge's host is a 0×0 box with size and layout containment (its button overflows it, drawn as ever). */
const CONTAIN = args.includes('--contain') ? 'contain:size layout style;width:0;height:0;' : '';
/** A folder for a screenshot of each way's badges at the end of its last window (to see where they sit). */
const SHOTS = option('shots', null);

/** The badge as Xiaoer draws it (components/stock/stock-badge.css, its layout part). */
const BADGE_CSS = `:host{all:initial;position:${POSITION};display:inline-block;margin-left:6px;margin-top:-1px;${CONTAIN}}
.badge{display:inline-flex;align-items:center;padding:0 6px;height:18px;border-radius:9px;border:1px solid #b2f2bb;
background:#ebfbee;color:#2b8a3e;font:600 11px/16px system-ui,sans-serif;white-space:nowrap;box-sizing:border-box}
:host([data-anchored]){position:absolute;left:anchor(left);top:anchor(center);translate:0 -50%;width:anchor-size(width);
margin:0;padding:0 8px;box-sizing:border-box;contain:layout style;height:auto;pointer-events:none;white-space:nowrap;font:13px/1.5 system-ui,'Noto Sans CJK SC',sans-serif}
:host([data-anchored]) .ghost{visibility:hidden}
:host([data-anchored]) .badge{position:absolute;margin-left:6px;margin-top:-1px;pointer-events:auto}`;

/** The split printed, as windowsInOneLoad names it: CDP's Script, Layout, RecalcStyle and TaskOther durations. */
const SPLIT = ['script', 'layout', 'style', 'other'];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const rerender = await startRerenderServer();
const browser = await puppeteer.launch({
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  pipe: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  console.log(`react-countdown?rows=200&keys=${KEYS}, ${BADGES} badges (${POSITION}${CONTAIN ? ', contained' : ''}), ${PAIRS} pairs of ${SECONDS} s`);
  for (const way of WAYS) {
    let installed = false;
    const switchTo = (on) => async (page) => {
      if (!installed) await page.evaluate(installPlainBadges, way, BADGES, BADGE_CSS);
      installed = true;
      await page.evaluate((value) => window.__toggle(value), on);
    };
    // A tick or so for the change to take hold before each window starts.
    const { off, on } = await windowsInOneLoad(
      page,
      `${rerender.origin}/console/items/react-countdown?rows=200&keys=${KEYS}&first=1`,
      [{ name: 'off', enter: switchTo(false) }, { name: 'on', enter: switchTo(true) }],
      { rounds: PAIRS, seconds: SECONDS, settleMs: 1200 },
    );
    const pairs = off.map((o, k) => ({ off: o, on: on[k] }));
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `${way}-${KEYS}.png`) });
    }
    const added = (name) => median(pairs.map((p) => p.on[name] - p.off[name]));
    const split = SPLIT.map((name) => `${name} ${added(name).toFixed(2)}`).join(', ');
    const ratio = median(pairs.map((p) => (p.on.cpu - p.off.cpu) / p.off.cpu));
    console.log(`${way.padEnd(9)} +${added('cpu').toFixed(2)} CPU ms/s (${split}); page alone ${median(pairs.map((p) => p.off.cpu)).toFixed(1)}; ratio ${ratio.toFixed(3)}`);
  }
} finally {
  await browser.close();
  await rerender.close();
}
