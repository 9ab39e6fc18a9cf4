import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendToWorker } from '../messaging/send-to-worker';
import { clock } from '@/utils/clock';

/** The same message from the same scope is logged at most once in this window, so a broken page cannot flood the log. */
const REPEAT_WINDOW_MS = 60_000;

/**
 * Reports errors from a console tab to the worker's log, quietly: nothing is thrown into the page,
 * and nothing is sent once the extension context is gone (after a reload or update).
 */
export function createLogReporter(ctx: ContentScriptContext) {
  const lastSent = new Map<string, number>();
  return (scope: string, error: unknown, level: 'warn' | 'error' = 'error'): void => {
    const message = describeError(error);
    const key = `${scope}\n${message}`;
    const now = clock.now();
    if ((lastSent.get(key) ?? -Infinity) > now - REPEAT_WINDOW_MS) return;
    lastSent.set(key, now);
    if (ctx.isInvalid) return;
    sendToWorker({ type: 'log.append', level, scope, message }).catch(() => {
      // The worker is unreachable (extension reloading): the error stays in the console only.
    });
    console.debug(`[Xiaoer] ${scope}:`, error);
  };
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000) || 'Unknown error';
}
