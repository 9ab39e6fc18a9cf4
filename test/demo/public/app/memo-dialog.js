// The single shared remark dialog. Its textarea is "framework-controlled"
// like React: the draft lives in `state`, changes only through `input`
// events, and every render writes state back into the DOM. Setting
// textarea.value from outside without an input event is therefore NOT
// registered, and 保存 saves the state, never the DOM value.
import { h } from './dom.js';
import { getOrder, patchOrder } from './store.js';

const FLAGS = [[1, '红'], [2, '黄'], [3, '绿'], [4, '蓝'], [5, '紫'], [0, '无']];
const MAX = 500;

let dlg = null; // { el, state, refs } while open

export function isMemoOpen() {
  return dlg != null;
}

export function closeMemo() {
  dlg?.el.remove();
  dlg = null;
}

/** Open for an order; if already open, switch to that order. */
export function openMemo(orderId) {
  const order = getOrder(orderId);
  if (!order) return;
  if (!dlg) dlg = build();
  if (dlg.state.orderId !== orderId) {
    Object.assign(dlg.state, { orderId, draft: order.remark, flag: order.flag });
  }
  render();
  dlg.refs.input.focus();
}

function render() {
  const { state, refs } = dlg;
  refs.order.textContent = state.orderId;
  for (const r of refs.radios) r.checked = Number(r.value) === state.flag;
  if (refs.input.value !== state.draft) refs.input.value = state.draft;
  refs.counter.textContent = `${[...state.draft].length}/${MAX}`;
  refs.counter.classList.toggle('is-over', [...state.draft].length > MAX);
}

function build() {
  const state = { orderId: null, draft: '', flag: 0 };
  const order = h('span', { class: 'memo-dialog-order' });
  const radios = [];
  const flags = FLAGS.map(([value, label]) => {
    const radio = h('input', { type: 'radio', name: 'memo-flag', value: String(value) });
    radio.addEventListener('change', () => { state.flag = value; render(); });
    radios.push(radio);
    return h('label', { class: 'flag-opt' }, radio, label);
  });
  const input = h('textarea', { class: 'memo-input', rows: '5', placeholder: '请输入备注内容，仅卖家可见' });
  input.addEventListener('input', () => { state.draft = input.value; render(); });
  const counter = h('span', { class: 'memo-counter' });
  const save = () => {
    patchOrder(state.orderId, { remark: state.draft, flag: state.flag });
    closeMemo();
  };
  const el = h('div', { class: 'memo-dialog', role: 'dialog', 'aria-label': '编辑备注' },
    h('div', { class: 'memo-dialog-head' },
      h('div', { class: 'memo-dialog-title' }, '编辑备注 · 订单号 ', order),
      h('button', { type: 'button', class: 'memo-dialog-x', 'aria-label': '关闭', onclick: closeMemo }, '×')),
    h('div', { class: 'memo-dialog-body' },
      h('div', { class: 'memo-flags' }, h('span', { class: 'memo-field-label' }, '旗帜'), flags),
      h('div', { class: 'memo-field' }, h('span', { class: 'memo-field-label' }, '备注'), input),
      h('div', { class: 'memo-hint' }, counter, '备注仅卖家可见，买家看不到')),
    h('div', { class: 'memo-dialog-foot' },
      h('button', { type: 'button', class: 'memo-cancel qn-btn', onclick: closeMemo }, '取消'),
      h('button', { type: 'button', class: 'memo-save qn-btn qn-btn-primary', onclick: save }, '保存')),
  );
  document.body.append(el);
  return { el, state, refs: { order, radios, input, counter } };
}
