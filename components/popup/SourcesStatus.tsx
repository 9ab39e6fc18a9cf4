import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { LoadError } from '../common/LoadError';
import { useWorkerData } from '../common/use-worker-data';

/** The state of each stock data source, kept in the worker's database. */
export function SourcesStatus() {
  const { data: sources, error, reload: load, setError } = useWorkerData({ type: 'sources.list' }, 'sources-changed');
  const [syncing, setSyncing] = useState(false);
  if (!sources) return error ? <LoadError error={error} onRetry={load} /> : <p class="muted">…</p>;
  if (!sources.length) return <p class="muted" data-testid="sources">{t('popupNoSources')}</p>;
  const hasFeeds = sources.some((s) => s.kind === 'url');
  const syncNow = () => {
    setSyncing(true);
    sendToWorker({ type: 'sources.sync' })
      .then(load, (e: Error) => setError(e.message))
      .finally(() => setSyncing(false));
  };
  return (
    <>
    {error && <LoadError error={error} onRetry={load} />}
    <ul class="sources" data-testid="sources">
      {sources.map((source) => (
        <li key={source.id}>
          <span>{source.name}</span>{' '}
          <span class="muted">{source.lastSyncAt ? new Date(source.lastSyncAt).toLocaleString() : ''}</span>{' '}
          {source.rows != null && <span class="muted">{t('popupSourceRows', String(source.rows))}</span>}
          {source.lastError && <div class="error">{t('popupSourceError', source.lastError)}</div>}
        </li>
      ))}
    </ul>
    {hasFeeds && (
      <button type="button" name="sync-now" disabled={syncing} onClick={syncNow}>
        {syncing ? '…' : t('popupSyncNow')}
      </button>
    )}
    </>
  );
}
