// Badges placed by a plain page script, no extension: built like Xiaoer's (a shadow host, one adopted sheet, a button)
// and put on the re-rendering React table of test/rerender. What any badge of this form costs there before any of
// Xiaoer's own work: used by badge-cost-probe.mjs (ways compared) and by run-bench.mjs (the churn's floor row).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Xiaoer's own badge sheet, as the extension adopts it (components/stock/stock-badge.css). */
export const xiaoerBadgeCss = () => readFileSync(join(import.meta.dirname, '../../components/stock/stock-badge.css'), 'utf8');

/** Runs in the page: installs one way of placing badges, off; `window.__toggle(on)` switches its work on and off. */
export function installPlainBadges(way, count, css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const make = () => {
    const host = document.createElement('xiaoer-stock');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [sheet];
    const button = document.createElement('button');
    button.className = 'badge';
    button.append('');
    shadow.append(button);
    return host;
  };
  const kept = new Map();
  const shown = new WeakMap();
  const show = (host, text) => {
    if (shown.get(host) === text) return;
    shown.set(host, text);
    host.shadowRoot.lastChild.firstChild.nodeValue = text;
  };
  const rows = () => [...document.querySelectorAll('tr.next-table-row')].slice(0, count);
  const follow = (into) => {
    for (const row of rows()) {
      const cell = row.querySelector('.stock-num');
      const parent = into(row, cell);
      let host = kept.get(parent);
      if (!host) kept.set(parent, (host = make()));
      if (host.parentNode !== parent) parent.append(host);
      show(host, `实 ${cell.firstChild.nodeValue}`);
    }
  };
  if (way === 'observe-only' || way === 'observe-childlist') {
    // No badges: only an observer of the page's changes whose callback does nothing, to measure what the records cost.
    const observer = new MutationObserver(() => {});
    const options = { childList: true, subtree: true, characterData: way === 'observe-only' };
    window.__toggle = (on) => (on ? observer.observe(document.body, options) : observer.disconnect());
    return;
  }
  if (way === 'standing') {
    window.__toggle = (on) => {
      if (on) follow((row, cell) => cell);
      else kept.forEach((host) => host.remove());
    };
    return;
  }
  if (way === 'anchored') {
    // Badges beside the page's stock cells (the rows' last children), each placed by CSS anchor positioning over its
    // cell (the cell named by an inline `anchor-name`), a hidden copy of the cell's text before the button so that the
    // button sits right after the number: the page's re-render never takes them out, no box is read in script, and
    // only their texts change.
    const hosts = new Map();
    const ghosts = new WeakMap();
    let names = 0;
    const place = () => {
      for (const row of rows()) {
        const cell = row.querySelector('.stock-num');
        let host = hosts.get(cell);
        if (!host) {
          host = make();
          const ghost = document.createElement('span');
          ghost.className = 'ghost';
          ghost.append('');
          host.shadowRoot.prepend(ghost);
          ghosts.set(host, ghost.firstChild);
          const name = `--xiaoer-${names++}`;
          cell.style.setProperty('anchor-name', name);
          host.style.setProperty('position-anchor', name);
          host.dataset.anchored = '';
          hosts.set(cell, host);
        }
        if (host.parentNode !== row) row.append(host);
        const text = cell.firstChild.nodeValue;
        const ghost = ghosts.get(host);
        if (ghost.nodeValue !== text) ghost.nodeValue = text;
        show(host, `实 ${text}`);
      }
    };
    const observer = new MutationObserver(place);
    window.__toggle = (on) => {
      if (!on) {
        observer.disconnect();
        hosts.forEach((host) => host.remove());
        return;
      }
      observer.observe(document.querySelector('#app'), { childList: true, subtree: true, characterData: true });
      place();
    };
    return;
  }
  if (way === 'overlay') {
    // One layer of badges outside the page's rows, each placed over its row's stock cell: the page's re-render
    // never takes them out, and only their text and place change.
    const layer = document.createElement('xiaoer-layer');
    layer.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;contain:size layout style;z-index:1';
    document.body.append(layer);
    const hosts = [];
    const placed = new WeakMap();
    const place = () => {
      const cells = rows().map((row) => row.querySelector('.stock-num'));
      const boxes = cells.map((cell) => cell.getBoundingClientRect());
      cells.forEach((cell, k) => {
        const host = (hosts[k] ??= layer.appendChild(make()));
        // Right after the cell's number: its digits are about 7 px wide in this page's font, past 8 px of padding
        // and the badge's own 6 px margin; 6 px down centres it on the row (the screenshot of --shots checks it).
        const where = `translate(${Math.round(boxes[k].left + scrollX + cell.firstChild.length * 7 + 14)}px,${Math.round(boxes[k].top + scrollY + 6)}px)`;
        if (placed.get(host) !== where) {
          placed.set(host, where);
          host.style.transform = where;
        }
        show(host, `实 ${cell.firstChild.nodeValue}`);
      });
    };
    // The page's own root only: the layer sits outside it, so moving the badges does not call this again.
    const observer = new MutationObserver(place);
    window.__toggle = (on) => {
      layer.hidden = !on;
      if (!on) return observer.disconnect();
      observer.observe(document.querySelector('#app'), { childList: true, subtree: true, characterData: true });
      place();
    };
    return;
  }
  const into = way === 'row-end' ? (row) => row : (row, cell) => cell;
  // Observing only while on (as the overlay): an observer left connected makes the browser record every change of the
  // page, which would count in the windows meant without these badges.
  const observer = new MutationObserver(() => follow(into));
  window.__toggle = (on) => {
    if (!on) return observer.disconnect();
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    follow(into);
  };
}

