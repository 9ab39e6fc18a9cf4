import { z } from 'zod';
import type { AdapterTestReport, ConsoleTab, CustomAdapterEntry } from '../../adapters/custom/adapter-test-report';
import { declareRequests, replyType } from '../declare-requests';
import { TOOL_NAMES } from '../../tools/tool-scripts';

const tabId = z.number().int().min(0);

/** Custom adapters: the adapter itself is checked in full by parseCustomAdapter (per-field errors). */
export const adapterRequests = declareRequests({
  'adapters.list': { from: ['extension-page'], reply: replyType<CustomAdapterEntry[]>() },
  'adapters.save': { from: ['extension-page'], fields: { adapter: z.unknown() }, reply: replyType<CustomAdapterEntry>() },
  'adapters.delete': { from: ['extension-page'], fields: { id: z.string().min(1).max(80) }, reply: replyType<null>() },
  'adapters.tabs': { from: ['extension-page'], reply: replyType<ConsoleTab[]>() },
  'adapters.test': { from: ['extension-page'], fields: { tabId, adapter: z.unknown() }, reply: replyType<AdapterTestReport>() },
  /** Opens the teach overlay on the tab (the popup asked for the host first); `repoint`: only these parts. */
  'adapters.teach': {
    from: ['extension-page'],
    fields: { tabId, repoint: z.array(z.object({ kind: z.enum(['items', 'orders', 'chat']), part: z.string().min(1).max(40) })).max(20).optional() },
    reply: replyType<null>(),
  },
  /** Puts a tool's script (utils/tools/tool-scripts.ts) into the asking console tab: loaded on demand only. */
  'adapters.loadTool': { from: ['content'], fields: { tool: z.enum(TOOL_NAMES) }, reply: replyType<null>() },
  /** What the teach overlay made, from the console tab it was made on (checked in full, and against the tab's host). */
  'adapters.saveTaught': { from: ['content'], fields: { adapter: z.unknown() }, reply: replyType<CustomAdapterEntry>() },
  'adapters.clearHighlights': { from: ['extension-page'], fields: { tabId }, reply: replyType<null>() },
});
