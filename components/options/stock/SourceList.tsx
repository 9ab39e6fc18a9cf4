import { useState } from 'preact/hooks';
import type { StockSource } from '@/utils/db/schema';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';

/** Every stock source with its state, and what can be done with it. */
export function SourceList({ sources }: { sources: StockSource[] }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (sources.length === 0) return <p class="muted">{t('popupNoSources')}</p>;
  const act = async (id: string, action: () => Promise<unknown>) => {
    setBusy(id);
    setMessage(null);
    try {
      await action();
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div>
      <table class="sources-table" data-testid="stock-sources">
        <thead>
          <tr>
            <th>{t('stockSourceName')}</th>
            <th>{t('stockSourceKind')}</th>
            <th>{t('stockSourceRows')}</th>
            <th>{t('stockDetailSynced')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <tr key={source.id} data-source={source.id}>
              <td>
                {source.name}
                {source.url && <div class="muted small">{source.url}</div>}
                {source.lastError && <div class="error small" data-testid="source-error">{source.lastError}</div>}
                {source.lastWarning && <div class="warn small" data-testid="source-warning">{source.lastWarning}</div>}
              </td>
              <td>{t(`stockKind_${source.kind}`)}</td>
              <td class="num">{source.rows ?? 0}</td>
              <td class="nowrap">{source.lastSyncAt ? new Date(source.lastSyncAt).toLocaleString() : '—'}</td>
              <td class="nowrap">
                {source.kind === 'url' && (
                  <button type="button" disabled={busy === source.id} onClick={() => act(source.id, () => sendToWorker({ type: 'sources.sync', id: source.id }))}>
                    {t('stockSyncNow')}
                  </button>
                )}{' '}
                <button
                  type="button"
                  disabled={busy === source.id}
                  onClick={() => confirm(t('stockDeleteConfirm', source.name)) && act(source.id, () => sendToWorker({ type: 'sources.delete', id: source.id }))}
                >
                  {t('stockDelete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {message && <p class="error">{message}</p>}
    </div>
  );
}
