import { provideTool } from '@/utils/tools/tool-scripts';
import { startTeaching, stopTeaching } from './teach-overlay';

/**
 * 指认页面部件: the overlay, its panel and the selector proposer. Not listed in the manifest and never loaded with a
 * console page: the worker puts it into the tab when the agent starts teaching (popup, dock, a warning's 重新指认),
 * see entrypoints/console.content/load-tool.ts. It only runs where the console content script runs, so it
 * needs no host of its own (no `matches`).
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const withdraw = provideTool('teach', { start: startTeaching, stop: stopTeaching });
    ctx.onInvalidated(() => {
      stopTeaching();
      withdraw();
    });
  },
});
