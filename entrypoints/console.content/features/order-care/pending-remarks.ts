import { newId } from '@/utils/new-id';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import type { PendingRemark } from '@/utils/orders/order-records';
import type { OrderPageParts } from './remark-writer';

/** This content script, among the scripts a tab has over time (an update brings a new one). */
export const THIS_SCRIPT = newId('s');

/** Settles a pending remark: into the history when the editor took it, else dropped. */
export const settle = (id: string, written: boolean, left = false) => sendToWorker({ type: 'remarks.settle', id, written, left });

/**
 * Whether a remark reached the order: the page's editor, open on that order, holds its text, or the order's row shows
 * it (saved). Null when this page shows neither the editor nor the order: it cannot say.
 */
export function remarkLanded(parts: OrderPageParts, containerPart: 'order' | 'orderCard', remark: Pick<PendingRemark, 'orderId' | 'text'>): boolean | null {
  const dialog = parts.first('remarkDialog');
  const input = dialog && parts.value('remarkDialogOrderId', dialog) === remark.orderId ? (parts.first('remarkInput', dialog) as HTMLTextAreaElement | null) : null;
  if (input) return input.value === remark.text;
  const container = parts.all(containerPart).find((element) => parts.value('orderId', element) === remark.orderId);
  if (!container) return null;
  return (parts.value('remarkText', container) ?? '').trim() === remark.text.trim();
}

/**
 * Settles the remarks an earlier content script of this tab left pending (it was unloaded between recording a remark
 * and confirming it): kept if the page holds it, dropped if not; the worker logs either. Ones whose order this page does
 * not show are left (the worker drops them after an hour, and logs it).
 */
export async function settleLeftRemarks(parts: OrderPageParts, containerPart: 'order' | 'orderCard'): Promise<void> {
  for (const remark of await sendToWorker({ type: 'remarks.pending', notFrom: THIS_SCRIPT })) {
    const landed = remarkLanded(parts, containerPart, remark);
    if (landed !== null) await settle(remark.id, landed, true);
  }
}
