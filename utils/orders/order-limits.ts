/**
 * What the worker takes of an order as a page shows it (utils/messaging/domains/orders.ts checks the same): the
 * content script drops an odd value before asking, so that one order with it does not fail the whole page's request.
 */
export const ORDER_ID_PATTERN = /^[0-9A-Za-z-]{4,40}$/;
export const RECEIVER_MAX = { name: 100, phone: 40, address: 500 } as const;

export type OrderValueProblem = { field: 'orderId' } | { field: keyof typeof RECEIVER_MAX; max: number };

/** The first value of this order the worker would refuse, or null. */
export function orderValueProblem(orderId: string, receiver: { name?: string; phone?: string; address?: string }): OrderValueProblem | null {
  if (!ORDER_ID_PATTERN.test(orderId)) return { field: 'orderId' };
  for (const field of ['address', 'name', 'phone'] as const) {
    if ((receiver[field]?.length ?? 0) > RECEIVER_MAX[field]) return { field, max: RECEIVER_MAX[field] };
  }
  return null;
}
