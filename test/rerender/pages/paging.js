// An item list whose pager reuses the same 20 row elements for the next page's products: each cell's text node
// gets the new text (what was inside the cell besides it, Xiaoer's badge, stays). The last page has fewer products:
// the rows left over are emptied and hidden. 990 products from ?first=N (default 5001).
import { cellsOf } from './row.js';
import { watchBadges } from './badge-watch.js';

const params = new URLSearchParams(location.search);
const FIRST = Number(params.get('first') ?? 5001);
const PER_PAGE = 20;
const TOTAL = 990;
const PAGES = Math.ceil(TOTAL / PER_PAGE);

const app = document.getElementById('app');
const table = document.createElement('table');
table.className = 'item-table';
const body = table.createTBody();
const rows = Array.from({ length: PER_PAGE }, () => {
  const row = body.insertRow();
  row.className = 'next-table-row';
  for (const name of ['item-id', 'item-title', 'outer-code', 'stock-num']) {
    const cell = row.insertCell();
    cell.className = name;
    cell.append(document.createTextNode(''));
  }
  return row;
});
const pager = document.createElement('div');
pager.className = 'next-pagination';
for (const page of [1, 2, 3, PAGES]) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'next-pagination-item';
  button.dataset.page = String(page);
  button.textContent = String(page);
  button.addEventListener('click', () => show(page));
  pager.append(button);
}
app.append(table, pager);

function show(page) {
  rows.forEach((row, k) => {
    const n = (page - 1) * PER_PAGE + k;
    const cells = n < TOTAL ? cellsOf(FIRST + n) : { id: '', title: '', code: '', stock: '' };
    row.hidden = n >= TOTAL;
    const [id, title, code, stock] = row.cells;
    id.firstChild.nodeValue = cells.id;
    title.firstChild.nodeValue = cells.title;
    code.firstChild.nodeValue = cells.code;
    stock.firstChild.nodeValue = cells.stock;
  });
  for (const button of pager.children) button.classList.toggle('is-current', button.dataset.page === String(page));
  window.__page = page;
}

watchBadges();
show(1);
