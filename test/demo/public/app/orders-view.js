// 已卖出的宝贝: status tabs, order cards (12 per page) and the shared remark
// dialog. Cards carry data-rk = position in the rendered list, not the order
// id, like real consoles. URL: ?status=STATUS ?page=N ?hostile=address|name|orderid (hostile.js)
import { STATUS_TEXT } from './data.js';
import { h } from './dom.js';
import { intParam, isoToDisplay, replaceParam } from './format.js';
import { renderPagination } from './pagination.js';
import { getOrders, subscribe } from './store.js';
import { tradeLine, receiverBlock, statusSpan, payTypeSpan, memoBlock } from './trade-parts.js';
import { openMemo, closeMemo } from './memo-dialog.js';
import { mountDemoControls } from './demo-controls.js';
import { navigate } from './router.js';
import { hostileOrders } from './hostile.js';

const PAGE_SIZE = 12;
const TABS = [
  ['', '全部'],
  ['WAIT_BUYER_PAY', '等待买家付款'],
  ['WAIT_SELLER_SEND_GOODS', '等待发货'],
  ['WAIT_BUYER_CONFIRM_GOODS', '已发货'],
  ['TRADE_FINISHED', '交易成功'],
];

export function tradeCard(order, rk) {
  return h('div', { class: 'trade-card', dataset: { rk } },
    h('div', { class: 'trade-head' },
      h('input', { type: 'checkbox', class: 'trade-check', 'aria-label': '选择' }),
      h('span', { class: 'trade-no' }, `订单号：${order.orderId}`),
      h('a', { class: 'trade-detail-link', href: `/console/orders/detail?id=${order.orderId}`, onclick: (e) => { e.preventDefault(); navigate(`/console/orders/detail?id=${order.orderId}`); } }, '详情'),
      h('span', { class: 'trade-time' }, `创建时间：${isoToDisplay(order.createdAt)}`),
      h('span', { class: 'trade-buyer' }, h('span', { class: 'ww-icon', title: '旺旺' }), h('span', { class: 'buyer-nick' }, order.buyerNick)),
      h('span', { class: 'trade-head-right' }, statusSpan(order), payTypeSpan(order))),
    h('div', { class: 'trade-body' },
      h('div', { class: 'trade-lines' }, order.lines.map(tradeLine)),
      h('div', { class: 'trade-receiver' }, h('div', { class: 'cell-label' }, '收货信息'), receiverBlock(order.receiver)),
      h('div', { class: 'trade-memo' }, h('div', { class: 'cell-label' }, '卖家备注'),
        memoBlock(order, () => openMemo(order.orderId)))),
  );
}

export function mountOrders(main) {
  const valid = new Set(TABS.map(([s]) => s));
  let status = new URLSearchParams(location.search).get('status') ?? '';
  if (!valid.has(status)) status = '';
  let page = intParam('page', 1, 1, 1000);

  const tabs = h('div', { class: 'trade-tabs' });
  const list = h('div', { class: 'trade-list' });
  const pager = h('div', { class: 'next-pagination' });

  main.append(
    h('div', { class: 'page-head' }, h('h1', { class: 'page-title' }, '已卖出的宝贝')),
    h('div', { class: 'filter-bar' },
      h('label', { class: 'filter-field' }, '订单编号', h('input', { class: 'qn-input', placeholder: '请输入订单编号' })),
      h('label', { class: 'filter-field' }, '买家昵称', h('input', { class: 'qn-input', placeholder: '请输入买家昵称' })),
      h('button', { type: 'button', class: 'qn-btn qn-btn-primary' }, '搜索订单'),
      h('button', { type: 'button', class: 'qn-btn' }, '批量导出')),
    tabs,
    h('div', { class: 'trade-colhead' },
      h('span', { class: 'trade-colhead-lines' }, h('span', {}, '宝贝'), h('span', {}, '单价'), h('span', {}, '数量')),
      h('span', {}, '收货信息'), h('span', {}, '卖家备注')),
    list,
    pager,
  );

  function render() {
    const all = getOrders();
    tabs.replaceChildren(...TABS.map(([s, label]) => h('button', {
      type: 'button',
      class: 'trade-tab' + (s === status ? ' is-active' : ''),
      dataset: { status: s || 'ALL' },
      onclick: () => { status = s; page = 1; replaceParam('status', s); replaceParam('page', null); render(); },
    }, label)));
    const shown = status ? all.filter((o) => o.status === status) : all;
    const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    page = Math.min(page, pages);
    const slice = hostileOrders(shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE));
    list.replaceChildren(...(slice.length
      ? slice.map((o, i) => tradeCard(o, i))
      : [h('div', { class: 'qn-empty' }, `暂无${STATUS_TEXT[status] ?? ''}订单`)]));
    renderPagination(pager, {
      page, pages, total: shown.length, unit: '笔订单',
      onChange: (p) => { page = p; replaceParam('page', p); render(); main.scrollTop = 0; },
    });
  }

  render();
  const unsubscribe = subscribe((what) => { if (what === 'orders') render(); });
  const unmountControls = mountDemoControls(main);
  return () => { unsubscribe(); closeMemo(); unmountControls(); };
}
