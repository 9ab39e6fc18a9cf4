// Session state of the demo shop. The generated data in data.js is the
// starting point; what the user changes (remarks, addresses, chat messages)
// lives here and in sessionStorage so a reload keeps it.
import { orders as seedOrders, conversations as seedConvs } from './shop.js';

const KEY_ORDERS = 'xiaoer-demo:orders';
const KEY_CHAT = 'xiaoer-demo:chat';
const KEY_NEW_ORDERS = 'xiaoer-demo:new-orders';

/** `?reset=1` starts the session from the generated data again. */
export function resetIfAsked() {
  if (new URLSearchParams(location.search).get('reset') === '1') {
    sessionStorage.removeItem(KEY_ORDERS);
    sessionStorage.removeItem(KEY_CHAT);
    sessionStorage.removeItem(KEY_NEW_ORDERS);
  }
}

function load(key, fallback) {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? JSON.parse(raw) : fallback();
  } catch {
    return fallback();
  }
}
const save = (key, value) => sessionStorage.setItem(key, JSON.stringify(value));

const listeners = new Set();
/** Subscribe to any state change (orders or chat); returns an unsubscribe function. */
export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
const emit = (what) => listeners.forEach((fn) => fn(what));

// ---------------------------------------------------------------- orders

let orderPatches = null; // { [orderId]: { remark?, flag?, receiver? } }
let newOrders = null; // orders placed during the session (the chat script's buyers), newest first

/** A buyer placed an order (the chat script): it joins the order list at the top. */
export function addOrder(order) {
  newOrders ??= load(KEY_NEW_ORDERS, () => []);
  newOrders.unshift(order);
  save(KEY_NEW_ORDERS, newOrders);
  emit('orders');
}

/** Orders with this session's edits applied (fresh objects each call). */
export function getOrders() {
  orderPatches ??= load(KEY_ORDERS, () => ({}));
  newOrders ??= load(KEY_NEW_ORDERS, () => []);
  return [...newOrders, ...seedOrders].map((o) => {
    const p = orderPatches[o.orderId];
    return p ? { ...o, ...p, receiver: { ...o.receiver, ...p.receiver } } : { ...o, receiver: { ...o.receiver } };
  });
}

export const getOrder = (orderId) => getOrders().find((o) => o.orderId === orderId) ?? null;

export function patchOrder(orderId, patch) {
  orderPatches ??= load(KEY_ORDERS, () => ({}));
  const prev = orderPatches[orderId] ?? {};
  orderPatches[orderId] = { ...prev, ...patch, receiver: { ...prev.receiver, ...patch.receiver } };
  save(KEY_ORDERS, orderPatches);
  emit('orders');
}

// ---------------------------------------------------------------- chat

let chat = null;

function seedChat() {
  return {
    convs: Object.fromEntries(seedConvs.map((c) => [c.uid, structuredClone(c)])),
    order: seedConvs.map((c) => c.uid), // list order, most recent first
    active: null,
    script: { startedAt: null, delivered: 0, speed: 1 },
  };
}

export function getChat() {
  chat ??= load(KEY_CHAT, seedChat);
  return chat;
}

/** Mutate the chat state with `fn(chat)`, persist and notify. */
export function updateChat(fn, what = 'chat') {
  fn(getChat());
  save(KEY_CHAT, chat);
  emit(what);
}
