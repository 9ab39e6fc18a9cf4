import { z } from 'zod';
import type { WaitState } from '../../response-clock/clock-store';
import type { DayFigures } from '../../response-clock/figures';
import { declareRequests, replyType } from '../declare-requests';
import { snippetId } from './snippets';

const buyerKey = z.string().regex(/^[0-9a-f]{32}$/, 'is not a buyer key');
const epochMs = z.number().int().min(0).max(8.64e15);

/** The response clock: hashed buyer keys and times only — a tab never sends a name or a message text. */
export const clockRequests = declareRequests({
  'clock.observe': {
    from: ['content'],
    fields: {
      /** When the tab looked (a retried message after a worker restart keeps its time). */
      at: epochMs,
      observations: z.array(z.object({
        key: buyerKey,
        waiting: z.boolean().nullable(),
        newBuyer: z.boolean().optional(),
        appeared: z.boolean().optional(),
        pageSince: epochMs.optional(),
        replies: z.array(z.object({ snippetId: snippetId.optional() })).max(50).optional(),
        orders: z.object({ newestAt: epochMs.optional() }).optional(),
      })).max(500),
    },
    reply: replyType<Record<string, WaitState>>(),
  },
  'clock.state': { from: ['content'], fields: { keys: z.array(buyerKey).max(500) }, reply: replyType<Record<string, WaitState>>() },
  /** Whether to give the alert now: only the first time a buyer's wait passes the target. */
  'clock.overdue': { from: ['content'], fields: { key: buyerKey, waitingSince: epochMs }, reply: replyType<{ alert: boolean }>() },
  /** One entry per local day, oldest first; the last is today. */
  'clock.figures': {
    from: ['extension-page'],
    fields: { days: z.number().int().min(1).max(366) },
    reply: replyType<{ days: DayFigures[]; targetSeconds: number; keepDays: number }>(),
  },
});
