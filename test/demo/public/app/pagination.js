// Fusion-style pager: 上一页, one button per page, 下一页, and a total.
import { h } from './dom.js';

/** Fill `container` (a div.next-pagination) for `page` of `pages`. */
export function renderPagination(container, { page, pages, total, unit = '条', onChange }) {
  const go = (p) => () => { if (p >= 1 && p <= pages && p !== page) onChange(p); };
  const buttons = [];
  for (let p = 1; p <= pages; p++) {
    buttons.push(h('button', {
      type: 'button',
      class: 'next-pagination-item' + (p === page ? ' is-current' : ''),
      dataset: { page: p },
      onclick: go(p),
    }, String(p)));
  }
  container.replaceChildren(
    h('span', { class: 'next-pagination-total' }, `共 ${total} ${unit}`),
    h('button', { type: 'button', class: 'next-pagination-prev', disabled: page <= 1, onclick: go(page - 1) }, '上一页'),
    ...buttons,
    h('button', { type: 'button', class: 'next-pagination-next', disabled: page >= pages, onclick: go(page + 1) }, '下一页'),
  );
}
