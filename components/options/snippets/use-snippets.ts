import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Snippet } from '@/utils/snippets/snippet';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { useBroadcast } from '../../common/use-broadcast';

/** The whole snippet library as the worker holds it, refreshed whenever it changes. */
export function useSnippets(): { snippets: Snippet[] | null; error: string | null; reload: () => void } {
  const [snippets, setSnippets] = useState<Snippet[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    sendToWorker({ type: 'snippets.all' }).then(
      (list) => {
        setSnippets(list);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(reload, [reload]);
  useBroadcast('snippets-changed', reload);
  return { snippets, error, reload };
}
