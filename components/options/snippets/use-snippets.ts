import type { Snippet } from '@/utils/snippets/snippet';
import { useWorkerData } from '../../common/use-worker-data';

/** The whole snippet library as the worker holds it, refreshed whenever it changes. */
export function useSnippets(): { snippets: Snippet[] | null; error: string | null } {
  const { data, error } = useWorkerData({ type: 'snippets.all' }, 'snippets-changed');
  return { snippets: data, error };
}
