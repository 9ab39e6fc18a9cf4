// A virtual-scroll item list of 100,000 rows that draws only a pool of 40 row elements and recycles them while
// scrolling: on each scroll the rows move and get another product's text (cell.textContent, which takes out
// anything else inside the cell, Xiaoer's badge). Rows are 32 px in a 640 px pane.
import { PRODUCTS } from '../catalog.mjs';
import { cellsOf } from './row.js';
import { watchBadges } from './badge-watch.js';

const ROW_HEIGHT = 32;
const PANE_HEIGHT = 640;
const POOL = 40;
/** Rows drawn above the first visible one, so a small scroll up needs no new rows. */
const ABOVE = 10;

const app = document.getElementById('app');
const pane = document.createElement('div');
pane.className = 'virtual-pane';
pane.style.cssText = `height:${PANE_HEIGHT}px;overflow-y:auto;position:relative;border:1px solid #ddd`;
const spacer = document.createElement('div');
spacer.style.cssText = `height:${PRODUCTS * ROW_HEIGHT}px;position:relative`;
const table = document.createElement('table');
table.className = 'item-table';
table.style.cssText = 'display:block;position:absolute;top:0;left:0;right:0';
const body = table.createTBody();
body.style.display = 'block';
const rows = Array.from({ length: POOL }, () => {
  const row = body.insertRow();
  row.className = 'next-table-row';
  // Each row placed on its own (as virtual lists do): a recycled row moves, no row is re-created or reordered.
  row.style.cssText = `display:flex;align-items:center;position:absolute;left:0;right:0;top:0;height:${ROW_HEIGHT}px`;
  for (const name of ['item-id', 'item-title', 'outer-code', 'stock-num']) row.insertCell().className = name;
  row.dataset.product = '';
  return row;
});
spacer.append(table);
pane.append(spacer);
app.append(pane);

let first = -1;
function draw() {
  const start = Math.max(0, Math.min(PRODUCTS - POOL, Math.floor(pane.scrollTop / ROW_HEIGHT) - ABOVE));
  if (start === first) return;
  first = start;
  // Each row element shows product `start + k`, the pool turning like a ring: rows still in the window keep their
  // product, the others get a new one.
  for (let n = start; n < start + POOL; n++) {
    const row = rows[n % POOL];
    const product = String(n + 1);
    if (row.dataset.product === product) continue;
    row.dataset.product = product;
    const cells = cellsOf(n + 1);
    row.style.transform = `translateY(${n * ROW_HEIGHT}px)`;
    const [id, title, code, stock] = row.cells;
    id.textContent = cells.id;
    title.textContent = cells.title;
    code.textContent = cells.code;
    stock.textContent = cells.stock;
  }
  window.__virtualFirst = start + 1;
}
pane.addEventListener('scroll', draw, { passive: true });
window.__virtualPane = pane;
window.__badgeWatchPane = pane;

watchBadges();
draw();
