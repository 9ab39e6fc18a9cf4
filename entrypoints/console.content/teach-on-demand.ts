import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { teachOverlay, type TeachOverlay } from '@/utils/teach/overlay-handle';

let loading: Promise<TeachOverlay> | null = null;

/**
 * The teach overlay, put into this tab by the worker the first time the agent starts teaching here: it is not part
 * of the console content script, which every console page loads (README → Benchmarks, content-script size).
 */
export function loadTeachOverlay(): Promise<TeachOverlay> {
  const loaded = teachOverlay();
  if (loaded) return Promise.resolve(loaded);
  loading ??= sendToWorker({ type: 'adapters.loadTeach' })
    .then(() => teachOverlay() ?? Promise.reject(new Error('the teach script did not start')))
    .finally(() => (loading = null));
  return loading;
}
