import { serveTool } from '@/utils/tools/tool-scripts';
import { createDetailPopover } from './detail-popover';

/**
 * The stock detail behind a badge (per warehouse, source, sync time), put into the tab at the first click on a badge;
 * each popover closes with the badges' copy that opened it. Not in the manifest (see utils/tools/tool-scripts.ts); it
 * only runs where the console content script runs.
 */
export default defineContentScript({
  registration: 'runtime',
  main: (ctx) => serveTool(ctx, 'stock-detail', { createPopover: createDetailPopover }),
});
