// Order fragments shared by the orders list and the chat side panel, so both
// show the same markup and text formats.
import { STATUS_TEXT, FLAG_NAMES } from './data.js';
import { h } from './dom.js';

const noop = (e) => e.preventDefault();

export function tradeLine(line) {
  return h('div', { class: 'trade-item' },
    h('a', { class: 'item-title', href: '#', onclick: noop }, line.title),
    h('span', { class: 'sku-props' }, line.props),
    h('span', { class: 'sku-code' }, `商家编码：${line.skuCode}`),
    h('span', { class: 'item-qty' }, `x${line.qty}`),
    h('span', { class: 'item-price' }, `¥${line.price}`));
}

export function receiverBlock(r) {
  return h('div', { class: 'receiver' },
    h('span', { class: 'rcv-name' }, r.name),
    h('span', { class: 'rcv-phone' }, r.phone),
    h('span', { class: 'rcv-addr' }, r.address));
}

export const statusSpan = (order) =>
  h('span', { class: `trade-status status-${order.status.toLowerCase()}` }, STATUS_TEXT[order.status]);

export const payTypeSpan = (order) =>
  h('span', { class: 'pay-type' + (order.payType === '货到付款' ? ' is-cod' : '') }, order.payType);

export const memoFlag = (flag) =>
  h('i', { class: `memo-flag flag-${FLAG_NAMES[flag] ?? 'none'}`, 'data-flag': String(flag) });

/**
 * The remark block; `onEdit` adds the 备注 button (orders route only). With `?memo=editor` the row shows only the
 * flag and a 查看备注 hint, as consoles do that keep the remark in their editor alone.
 */
export function memoBlock(order, onEdit) {
  const editorOnly = new URLSearchParams(location.search).get('memo') === 'editor';
  return h('div', { class: 'memo' },
    memoFlag(order.flag),
    editorOnly ? h('span', { class: 'memo-hint' }, order.remark ? '有备注，点“备注”查看' : '') : h('span', { class: 'memo-text' }, order.remark),
    onEdit && h('button', { type: 'button', class: 'memo-edit', onclick: onEdit }, '备注'));
}
