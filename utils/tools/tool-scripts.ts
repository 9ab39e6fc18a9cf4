import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AdapterHighlighter } from '../adapters/custom/adapter-test-report';
import type { StockDetailTool } from '../stock/stock-detail-popover';
import type { TeachOverlay } from '../teach/teach-request';

/**
 * The scripts put into a console tab only when an agent's action needs them (entrypoints/<name>.content, WXT
 * `registration: 'runtime'`: not in the manifest, not web-accessible), and what each hands to the console content
 * script. They stay out of console.js, which every console page loads (README → Benchmarks, `snippets.content.bundle.gz.kb`).
 */
export interface Tools {
  /** 指认页面部件: the overlay, its panel and the selector proposer. */
  teach: TeachOverlay;
  /** The options page's 测试并高亮: outlines what an adapter's selectors match. */
  'adapter-test': AdapterHighlighter;
  /** The detail a click on a stock badge opens. */
  'stock-detail': StockDetailTool;
}
export type ToolName = keyof Tools;
export const TOOL_NAMES = ['teach', 'adapter-test', 'stock-detail'] as const satisfies readonly ToolName[];

/** The tool's built file in the package, as WXT names a content script entrypoint's output. */
export const toolScriptFile = (name: ToolName) => `content-scripts/${name}.js`;

/**
 * A tool's script and the console script are separate bundles in the extension's one isolated world of the tab: the
 * handle is a global under a registered symbol, which the page's own scripts (another world) never see.
 */
const handle = (name: ToolName) => Symbol.for(`xiaoer.tool.${name}`);
type Holder = Record<symbol, unknown>;

/**
 * A tool script's `main`: makes the tool available to the console content script, and takes it back (`stop`ping it
 * first) when the extension goes.
 */
export function serveTool<N extends ToolName>(ctx: ContentScriptContext, name: N, tool: Tools[N], stop?: () => void): void {
  const holder = globalThis as unknown as Holder;
  holder[handle(name)] = tool;
  ctx.onInvalidated(() => {
    stop?.();
    if (holder[handle(name)] === tool) delete holder[handle(name)];
  });
}

/** The tool, once its script has been put into this tab. */
export function loadedTool<N extends ToolName>(name: N): Tools[N] | undefined {
  return (globalThis as unknown as Holder)[handle(name)] as Tools[N] | undefined;
}
