// ?hostile=KIND: one odd value in the first row or order shown, as a real console may carry (a code pasted twice
// over, an address with a whole note in it), to test that it costs Xiaoer that row alone. Kinds: code (items: an
// outer code of 150 characters), address (orders: 600 characters), name (150 characters), orderid (50 digits).
const kind = new URLSearchParams(location.search).get('hostile');

export const hostileKind = () => kind;

/** The first item with a code longer than any the stock lookup takes. */
export function hostileItems(items) {
  if (kind !== 'code' || !items.length) return items;
  return [{ ...items[0], outerCode: `XE-${'9'.repeat(147)}` }, ...items.slice(1)];
}

/** The first order with an odd receiver or number (a copy: the session's orders stay as they are). */
export function hostileOrders(orders) {
  if (!orders.length) return orders;
  const [first, ...rest] = orders;
  const receiver = first.receiver;
  if (kind === 'address') return [{ ...first, receiver: { ...receiver, address: receiver.address + '（'.padEnd(600, '备') + '）' } }, ...rest];
  if (kind === 'name') return [{ ...first, receiver: { ...receiver, name: '张'.repeat(150) } }, ...rest];
  if (kind === 'orderid') return [{ ...first, orderId: '1'.repeat(50) }, ...rest];
  return orders;
}
