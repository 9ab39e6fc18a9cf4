import { useEffect } from 'preact/hooks';
import { broadcastSchema, type BroadcastEvent } from '@/utils/messaging/protocol';

/** Calls `listener` whenever the worker announces `event`. */
export function useBroadcast(event: BroadcastEvent, listener: () => void): void {
  useEffect(() => {
    const onMessage = (raw: unknown) => {
      const parsed = broadcastSchema.safeParse(raw);
      if (parsed.success && parsed.data.event === event) listener();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [event, listener]);
}
