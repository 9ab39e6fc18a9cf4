// 出售中的宝贝: item table + pager. Changing page replaces every tbody row
// (old <tr> removed, new ones created) without changing the route.
// URL: ?page=N ?pageSize=N (≤5000) ?delay=ms (rows appear after ms) ?layout=table (long pages as one plain table)
// ?hostile=code (hostile.js).
// Rows are drawn in blocks of ROWS_PER_BLOCK, each its own <tbody>, which the browser skips while off screen
// (content-visibility) — how a console keeps a long list responsive; `?layout=table` draws one plain table instead,
// whose 2,000 rows take the browser 0.5–1 s to lay out (the bench reports both).
import { itemsPage } from './data.js';
import { h } from './dom.js';
import { intParam, replaceParam } from './format.js';
import { renderPagination } from './pagination.js';
import { hostileItems } from './hostile.js';

const ROWS_PER_BLOCK = 25;

function itemRow(item) {
  return h('tr', { class: 'next-table-row', 'data-row-key': item.itemId },
    h('td', { class: 'col-title' },
      h('a', { class: 'item-title', href: '#', onclick: (e) => e.preventDefault() }, item.title),
      h('span', { class: 'item-id' }, `ID:${item.itemId}`)),
    h('td', { class: 'col-code' }, h('span', { class: 'outer-code' }, `商家编码：${item.outerCode}`)),
    h('td', { class: 'col-price' }, `¥${item.price}`),
    h('td', { class: 'col-stock' }, h('span', { class: 'stock-num' }, String(item.pageStock))),
    h('td', { class: 'col-ops' },
      h('a', { class: 'op-link', href: '#', onclick: (e) => e.preventDefault() }, '编辑'),
      ' | ',
      h('a', { class: 'op-link', href: '#', onclick: (e) => e.preventDefault() }, '下架')),
  );
}

export function mountItems(main) {
  const pageSize = intParam('pageSize', 20, 1, 5000);
  const delay = intParam('delay', 0, 0, 60000);
  let page = intParam('page', 1, 1, 100000);
  let timer = null;

  const plainTable = new URLSearchParams(location.search).get('layout') === 'table';
  const tbody = h('tbody', { class: 'next-table-block' });
  const pager = h('div', { class: 'next-pagination' });
  const count = h('span', { class: 'list-count' });

  main.append(
    h('div', { class: 'page-head' },
      h('h1', { class: 'page-title' }, '出售中的宝贝'),
      h('div', { class: 'page-tabs' },
        h('span', { class: 'page-tab is-active' }, '出售中的宝贝'),
        h('span', { class: 'page-tab' }, '仓库中的宝贝'),
        h('span', { class: 'page-tab' }, '历史宝贝记录'))),
    h('div', { class: 'filter-bar' },
      h('label', { class: 'filter-field' }, '宝贝名称',
        h('input', { class: 'qn-input', placeholder: '宝贝名称/ID/商家编码' })),
      h('label', { class: 'filter-field' }, '宝贝状态',
        h('select', { class: 'qn-select' },
          h('option', {}, '全部'), h('option', {}, '有库存'), h('option', {}, '库存告急'))),
      h('button', { type: 'button', class: 'qn-btn qn-btn-primary' }, '搜索'),
      h('button', { type: 'button', class: 'qn-btn' }, '重置')),
    h('div', { class: 'table-toolbar' },
      h('button', { type: 'button', class: 'qn-btn qn-btn-sm' }, '批量下架'),
      h('button', { type: 'button', class: 'qn-btn qn-btn-sm' }, '批量修改价格'),
      count),
    h('table', { class: plainTable ? 'next-table next-table-plain' : 'next-table' },
      h('thead', {}, h('tr', {},
        h('th', { class: 'col-title' }, '宝贝名称'),
        h('th', { class: 'col-code' }, '商家编码'),
        h('th', { class: 'col-price' }, '价格'),
        h('th', { class: 'col-stock' }, '库存'),
        h('th', { class: 'col-ops' }, '操作'))),
      tbody),
    pager,
  );

  // Blocks after the first (which is `tbody` itself).
  const clearBlocks = () => {
    while (tbody.nextElementSibling) tbody.nextElementSibling.remove();
  };

  function render() {
    clearTimeout(timer);
    clearBlocks();
    const data = itemsPage(page, pageSize);
    page = data.page;
    count.textContent = `共 ${data.total} 件宝贝`;
    renderPagination(pager, { page, pages: data.pages, total: data.total, onChange: goTo });
    const fill = () => {
      const rows = hostileItems(data.rows).map(itemRow);
      const perBlock = plainTable ? rows.length : ROWS_PER_BLOCK;
      tbody.replaceChildren(...rows.slice(0, perBlock));
      const more = [];
      for (let i = perBlock; i < rows.length; i += perBlock) more.push(h('tbody', { class: 'next-table-block' }, ...rows.slice(i, i + perBlock)));
      tbody.after(...more);
    };
    if (delay > 0) {
      // Simulated slow API: rows vanish, a spinner row shows, then rows arrive.
      tbody.replaceChildren(h('tr', { class: 'next-table-loading' },
        h('td', { colspan: '5' }, h('span', { class: 'qn-spinner' }), '加载中…')));
      timer = setTimeout(fill, delay);
    } else {
      fill();
    }
  }

  function goTo(p) {
    page = p;
    replaceParam('page', p);
    render();
    main.scrollTop = 0;
  }

  render();
  return () => clearTimeout(timer);
}
