import { z } from 'zod';
import type { AdapterTestReport, ConsoleTab, CustomAdapterEntry } from '../../adapters/custom/adapter-test-report';
import { declareRequests, replyType } from '../declare-requests';

const tabId = z.number().int().min(0);

/** Custom adapters: the adapter itself is checked in full by parseCustomAdapter (per-field errors). */
export const adapterRequests = declareRequests({
  'adapters.list': { from: ['extension-page'], reply: replyType<CustomAdapterEntry[]>() },
  'adapters.save': { from: ['extension-page'], fields: { adapter: z.unknown() }, reply: replyType<CustomAdapterEntry>() },
  'adapters.delete': { from: ['extension-page'], fields: { id: z.string().min(1).max(80) }, reply: replyType<null>() },
  'adapters.tabs': { from: ['extension-page'], reply: replyType<ConsoleTab[]>() },
  'adapters.test': { from: ['extension-page'], fields: { tabId, adapter: z.unknown() }, reply: replyType<AdapterTestReport>() },
  'adapters.clearHighlights': { from: ['extension-page'], fields: { tabId }, reply: replyType<null>() },
});
