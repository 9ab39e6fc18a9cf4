/**
 * `setTimeout` whose callback does nothing once `signal` aborted (the feature stopped, or an update replaced this
 * copy of the script). WXT's `ctx.setTimeout` adds an abort listener per call and never removes it: a page that
 * changes all day schedules several timeouts a second, and each would stay in memory until the tab closes.
 */
export function timeoutUnless(signal: AbortSignal, run: () => void, ms: number): void {
  setTimeout(() => {
    if (!signal.aborted) run();
  }, ms);
}
