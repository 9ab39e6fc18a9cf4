// The pages' own check of Xiaoer's badges, once per frame (requestAnimationFrame, after the page's changes of that
// frame and Xiaoer's answer to them, before the frame is painted), when the URL has `watch`:
//   flicker  a row (element) that had a badge in the frame before has none in this one
//   wrong    a badge whose text is neither the pending mark (…) nor the stock of the product the row shows now
//   right    frames in which every visible row had its badge with the right text
// A row counts when it shows on screen (a pixel of it at least): inside the view and inside the page's scroll pane (window.__badgeWatchPane),
// if it has one — a virtual list's rows drawn above or below the pane are clipped, and get badges when they show.
// Read by the tests as window.__badgeWatch.
import { badgeTextOf, productOf } from '../catalog.mjs';

export function watchBadges() {
  if (!new URLSearchParams(location.search).has('watch')) return;
  const w = { frames: 0, rightFrames: 0, lastRight: false, flicker: [], wrong: [], badged: 0 };
  window.__badgeWatch = w;
  const had = new WeakSet();
  const rows = document.getElementsByClassName('next-table-row');
  const frame = () => {
    w.frames++;
    let right = rows.length > 0;
    let badged = 0;
    // The pane's inside (its scrolled content shows within its borders).
    const el = window.__badgeWatchPane;
    const paneTop = el ? el.getBoundingClientRect().top + el.clientTop : 0;
    const top = Math.max(0, paneTop);
    const bottom = Math.min(innerHeight, el ? paneTop + el.clientHeight : innerHeight);
    for (const row of rows) {
      if (row.hidden) continue;
      const box = row.getBoundingClientRect();
      // Shown means at least a pixel of it: a row whose edge lies a fraction of a pixel inside the pane (Firefox
      // scrolls by fractions of a pixel) is seen by no one, and Firefox's IntersectionObserver rightly calls it hidden.
      if (box.bottom < top + 1 || box.top > bottom - 1) continue;
      const code = (row.querySelector('.outer-code')?.textContent ?? '').replace(/^.*[:：]/, '');
      const text = row.querySelector('xiaoer-stock')?.shadowRoot?.querySelector('button')?.textContent ?? null;
      if (text === null) {
        right = false;
        if (had.has(row)) w.flicker.push({ frame: w.frames, code });
        had.delete(row);
        continue;
      }
      had.add(row);
      badged++;
      const expected = badgeTextOf(productOf(code));
      if (text === '…') right = false;
      else if (text !== expected) {
        right = false;
        if (w.wrong.length < 50) w.wrong.push({ frame: w.frames, code, text, expected });
      }
    }
    w.badged = badged;
    w.lastRight = right;
    if (right) w.rightFrames++;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}
