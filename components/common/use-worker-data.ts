import { useCallback, useEffect, useState } from 'preact/hooks';
import type { BroadcastEvent, RequestOf, RequestType, Responses } from '@/utils/messaging/protocol';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { useBroadcast } from './use-broadcast';

export interface WorkerData<T> {
  data: T | null;
  error: string | null;
  reload: () => void;
  /** Records an error from a related action (e.g. a delete) where the data is shown. */
  setError: (message: string | null) => void;
}

/** What the worker answers to `request`, asked again whenever it announces `changed`. */
export function useWorkerData<T extends RequestType>(request: RequestOf<T>, changed: BroadcastEvent): WorkerData<Responses[T]> {
  const [data, setData] = useState<Responses[T] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(request);
  const reload = useCallback(() => {
    sendToWorker(request).then(
      (value) => {
        setData(value);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
    // The request is compared by value: callers pass a fresh object literal on every render.
  }, [key]);
  useEffect(reload, [reload]);
  useBroadcast(changed, reload);
  return { data, error, reload, setError };
}
