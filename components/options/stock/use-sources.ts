import type { StockSource } from '@/utils/db/schema';
import { useWorkerData } from '../../common/use-worker-data';

/** Stock sources as the worker holds them, refreshed whenever they change. */
export function useSources(): { sources: StockSource[] | null; error: string | null; reload: () => void } {
  const { data, error, reload } = useWorkerData({ type: 'sources.list' }, 'sources-changed');
  return { sources: data, error, reload };
}
