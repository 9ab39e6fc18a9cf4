import { provideTool } from '@/utils/tools/tool-scripts';
import { clearAdapterTest, runAdapterTest } from './adapter-highlighter';

/**
 * The options page's 在标签页上测试: outlines what an adapter's selectors match. Not listed in the manifest and never
 * loaded with a console page: the console script has the worker put it in when a test reaches the tab
 * (entrypoints/console.content/load-tool.ts). It only runs where the console content script runs (no `matches`).
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const withdraw = provideTool('adapter-test', { run: runAdapterTest, clear: clearAdapterTest });
    ctx.onInvalidated(() => {
      clearAdapterTest();
      withdraw();
    });
  },
});
