import type { Snippet } from '@/utils/snippets/snippet';
import { useWorkerData } from '../../common/use-worker-data';

/** The whole snippet library as the worker holds it, refreshed whenever it changes. */
export function useSnippets(): { snippets: Snippet[] | null; error: string | null; reload: () => void } {
  const { data, error, reload } = useWorkerData({ type: 'snippets.all' }, 'snippets-changed');
  return { snippets: data, error, reload };
}
