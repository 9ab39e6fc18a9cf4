import { serveTool } from '@/utils/tools/tool-scripts';
import { clearAdapterTest, runAdapterTest } from './adapter-highlighter';

/**
 * The options page's 测试并高亮: outlines what an adapter's selectors match, put into the tab when a test reaches it.
 * Not in the manifest (see utils/tools/tool-scripts.ts); it only runs where the console content script runs.
 */
export default defineContentScript({
  registration: 'runtime',
  main: (ctx) => serveTool(ctx, 'adapter-test', { run: runAdapterTest, clear: clearAdapterTest }, clearAdapterTest),
});
