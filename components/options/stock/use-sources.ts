import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StockSource } from '@/utils/db/schema';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { useBroadcast } from '../../common/use-broadcast';

/** Stock sources as the worker holds them, refreshed whenever they change. */
export function useSources(): { sources: StockSource[] | null; error: string | null; reload: () => void } {
  const [sources, setSources] = useState<StockSource[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    sendToWorker({ type: 'sources.list' }).then(
      (list) => {
        setSources(list);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(reload, [reload]);
  useBroadcast('sources-changed', reload);
  return { sources, error, reload };
}
