import { provideTool } from '@/utils/tools/tool-scripts';
import { createDetailPopover } from './detail-popover';

/**
 * The stock detail behind a badge (per-warehouse stock, source, sync time). Not listed in the manifest and never
 * loaded with a console page: the badges have the worker put it in on the first click on a badge in the tab
 * (entrypoints/console.content/load-tool.ts). It only runs where the console content script runs (no `matches`);
 * each popover closes with the badges' copy that opened it.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    ctx.onInvalidated(provideTool('stock-detail', { createPopover: createDetailPopover }));
  },
});
