import { clock } from '@/utils/clock';

/** A local record id: a readable prefix, the time (sortable) and a random tail against ids made in the same ms. */
export function newId(prefix: string, at = clock.now()): string {
  return `${prefix}-${at.toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
