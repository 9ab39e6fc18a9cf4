import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * The last net for Xiaoer's own code in a console tab: an uncaught error or unhandled rejection whose stack or file is
 * the extension's goes to the log. The page's errors are left alone (not logged, not prevented).
 */
export function installErrorNet(ctx: ContentScriptContext, report: (scope: string, error: unknown) => void, origin = extensionOrigin()): void {
  const ours = (error: unknown, filename?: string) =>
    (!!filename && filename.startsWith(origin)) || (error instanceof Error && !!error.stack?.includes(origin));
  const options = { signal: ctx.signal };
  window.addEventListener('error', (event) => ours(event.error, event.filename) && report('content-script', event.error ?? event.message), options);
  window.addEventListener('unhandledrejection', (event) => ours(event.reason) && report('content-script', event.reason), options);
}

const extensionOrigin = () => new URL(browser.runtime.getURL('/')).origin;
