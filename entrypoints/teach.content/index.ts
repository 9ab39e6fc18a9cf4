import { serveTool } from '@/utils/tools/tool-scripts';
import { startTeaching, stopTeaching } from './teach-overlay';

/**
 * 指认页面部件: the overlay, its panel and the selector proposer, put into the tab when the agent starts teaching
 * (popup, dock, a warning's 重新指认). Not in the manifest (see utils/tools/tool-scripts.ts); it only runs where the
 * console content script runs, so it needs no host of its own (no `matches`).
 */
export default defineContentScript({
  registration: 'runtime',
  main: (ctx) => serveTool(ctx, 'teach', { start: startTeaching, stop: stopTeaching }, stopTeaching),
});
