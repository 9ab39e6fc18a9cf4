import { t } from '@/utils/i18n';
import { LoadError } from '../common/LoadError';
import { useWorkerData } from '../common/use-worker-data';

/** Each team pack: when it last updated, a waiting update, and the last refresh error. Hidden when there are none. */
export function PacksStatus() {
  const { data: packs, error, reload } = useWorkerData({ type: 'packs.list' }, 'packs-changed');
  if (!packs) return error ? <LoadError error={error} onRetry={reload} /> : null;
  if (!packs.length) return null;
  const review = () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#packs') });
  return (
    <section>
      <h2>{t('popupPacks')}</h2>
      <ul class="sources" data-testid="packs">
        {packs.map((pack) => (
          <li key={pack.id} data-pack={pack.id}>
            <span>{pack.name}</span> <span class="muted">v{pack.version}</span>{' '}
            <span class="muted">{t('popupPackUpdated', new Date(pack.appliedAt).toLocaleString())}</span>
            {pack.lastCheckedAt != null && <div class="muted">{t('packCheckedAt', new Date(pack.lastCheckedAt).toLocaleString())}</div>}
            {pack.pendingVersion != null && (
              <div>
                {t('packPending', String(pack.pendingVersion))}{' '}
                <button type="button" name="review-pack" onClick={review}>{t('packReview')}</button>
              </div>
            )}
            {pack.lastError && <div class="error">{t('popupSourceError', pack.lastError)}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
