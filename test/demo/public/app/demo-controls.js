// Floating "演示控制" panel: a demo aid, not part of the imitated console.
// Changes a paid order's receiver address, to exercise address re-checks.
import { h } from './dom.js';
import { getOrders, patchOrder } from './store.js';

// Addresses the buyer "changes to", cycled on each click.
const NEW_ADDRESSES = [
  '上海市 上海市 闵行区 莘庄镇 莘松路958弄12号302室',
  '广东省 广州市 天河区 珠江新城街道 花城大道68号环球都会广场2506',
  '浙江省 宁波市 鄞州区 首南街道 天童南路588号宁波文化广场B座1108',
  '新疆维吾尔自治区 喀什地区 喀什市 恰萨街道 人民东路128号3栋1单元201',
];

export function mountDemoControls(container) {
  const paid = getOrders().filter((o) => o.status === 'WAIT_SELLER_SEND_GOODS');
  const select = h('select', { class: 'demo-order-select qn-select' },
    paid.map((o) => h('option', { value: o.orderId }, `${o.buyerNick} · …${o.orderId.slice(-6)}`)));
  const button = h('button', { type: 'button', class: 'demo-change-address qn-btn qn-btn-sm' }, '买家改地址');
  const note = h('div', { class: 'demo-note' });
  const sync = () => { button.dataset.orderId = select.value; };
  select.addEventListener('change', sync);
  sync();

  button.addEventListener('click', () => {
    const orderId = button.dataset.orderId;
    const order = getOrders().find((o) => o.orderId === orderId);
    if (!order) return;
    const next = NEW_ADDRESSES[(NEW_ADDRESSES.indexOf(order.receiver.address) + 1) % NEW_ADDRESSES.length];
    patchOrder(orderId, { receiver: { address: next } });
    note.textContent = `已修改订单 ${orderId} 的收货地址`;
  });

  const reset = h('button', {
    type: 'button', class: 'demo-reset qn-btn qn-btn-sm',
    onclick: () => { sessionStorage.clear(); location.reload(); },
  }, '重置演示数据');

  const panel = h('div', { class: 'demo-controls' },
    h('div', { class: 'demo-controls-title' }, '演示控制'),
    h('div', { class: 'demo-row' }, h('span', {}, '已付款订单'), select),
    h('div', { class: 'demo-row' }, button, reset),
    note);
  container.append(panel);
  return () => panel.remove();
}
