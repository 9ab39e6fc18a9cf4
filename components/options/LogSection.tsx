import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { LoadError } from '../common/LoadError';
import { useWorkerData } from '../common/use-worker-data';

/** The bounded event/error log: where features that failed quietly on a page say what happened. */
export function LogSection() {
  const { data: entries, error, reload: load, setError } = useWorkerData({ type: 'log.list' }, 'log-changed');
  if (!entries) return error ? <LoadError error={error} onRetry={load} /> : <p class="muted">…</p>;
  return (
    <div>
      {error && <LoadError error={error} onRetry={load} />}
      <div class="toolbar">
        <button type="button" onClick={() => sendToWorker({ type: 'log.clear' }).then(load, (e: Error) => setError(e.message))}>
          {t('logClear')}
        </button>
      </div>
      {entries.length === 0 ? (
        <p class="muted">{t('logEmpty')}</p>
      ) : (
        <table class="log" data-testid="log">
          <thead>
            <tr>
              <th>{t('logTime')}</th>
              <th>{t('logLevel')}</th>
              <th>{t('logScope')}</th>
              <th>{t('logHost')}</th>
              <th>{t('logMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-level={entry.level}>
                <td class="nowrap">{new Date(entry.at).toLocaleString()}</td>
                <td class={entry.level === 'error' ? 'error' : entry.level === 'warn' ? 'warn' : ''}>{entry.level}</td>
                <td>{entry.scope}</td>
                <td>{entry.host ?? ''}</td>
                <td class="message">{entry.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
