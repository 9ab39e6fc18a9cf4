import { timeoutUnless } from '@/utils/runtime/timeout-unless';

/**
 * Runs `onQuiet` once `quietMs` have gone by since the last call of the returned `changed` (each call puts it off).
 * One timeout at a time, whatever the number of calls: a page that changes all day calls it several times a second.
 */
export function createQuietWatch(signal: AbortSignal, quietMs: number, onQuiet: () => void): () => void {
  // A duration, not a time of day: the page's monotonic clock, never the calendar one.
  let lastChange = 0;
  let pending = false;
  const check = () => {
    const left = lastChange + quietMs - performance.now();
    if (left > 0) {
      timeoutUnless(signal, check, left);
      return;
    }
    pending = false;
    onQuiet();
  };
  return () => {
    lastChange = performance.now();
    if (pending) return;
    pending = true;
    timeoutUnless(signal, check, quietMs);
  };
}
