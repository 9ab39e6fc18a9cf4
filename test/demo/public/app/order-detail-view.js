// 订单详情: one order on its own page (?id=ORDER_ID), with the same order block, receiver, remark and remark
// dialog as the list, like a real console's detail page.
import { h } from './dom.js';
import { getOrders, subscribe } from './store.js';
import { closeMemo } from './memo-dialog.js';
import { mountDemoControls } from './demo-controls.js';
import { tradeCard } from './orders-view.js';

export function mountOrderDetail(main) {
  const id = new URLSearchParams(location.search).get('id') ?? '';
  const body = h('div', { class: 'trade-list' });
  main.append(h('div', { class: 'page-head' }, h('h1', { class: 'page-title' }, '订单详情')), body);
  const render = () => {
    const order = getOrders().find((o) => o.orderId === id);
    body.replaceChildren(order ? tradeCard(order, 0) : h('div', { class: 'qn-empty' }, '订单不存在'));
  };
  render();
  const unsubscribe = subscribe((what) => { if (what === 'orders') render(); });
  const unmountControls = mountDemoControls(main);
  return () => { unsubscribe(); closeMemo(); unmountControls(); };
}
