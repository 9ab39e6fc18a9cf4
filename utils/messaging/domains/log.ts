import { z } from 'zod';
import type { LogEntry } from '../../db/schema';
import { declareRequests, replyType } from '../declare-requests';

/** The event log: errors and warnings from tabs and the worker, shown on the options page. */
export const logRequests = declareRequests({
  'log.append': {
    from: ['content', 'extension-page'],
    fields: {
      level: z.enum(['info', 'warn', 'error']),
      scope: z.string().min(1).max(40),
      message: z.string().min(1).max(2000),
    },
    reply: replyType<null>(),
  },
  'log.list': { from: ['extension-page'], fields: { limit: z.number().int().min(1).max(500).optional() }, reply: replyType<LogEntry[]>() },
  'log.clear': { from: ['extension-page'], reply: replyType<null>() },
});
