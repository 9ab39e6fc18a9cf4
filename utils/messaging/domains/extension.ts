import { z } from 'zod';
import { declareRequests, replyType } from '../declare-requests';

/** The extension itself: which version runs, and opening its options page. */
export const extensionRequests = declareRequests({
  ping: { from: ['content', 'extension-page'], reply: replyType<{ version: string; dbVersion: number }>() },
  /** Creates this install's key if there is none yet (a tab then reads it from storage.local). */
  'install.key': { from: ['content'], reply: replyType<null>() },
  'options.open': { from: ['content', 'extension-page'], fields: { section: z.string().max(40).optional() }, reply: replyType<null>() },
});
