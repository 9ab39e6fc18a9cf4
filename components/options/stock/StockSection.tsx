import { t } from '@/utils/i18n';
import { LoadError } from '../../common/LoadError';
import { FeedForm } from './FeedForm';
import { ImportPanel } from './ImportPanel';
import { SourceList } from './SourceList';
import { StockSettings } from './StockSettings';
import { useSources } from './use-sources';

/** Real stock: sources, file/paste import, URL feeds, thresholds. */
export function StockSection() {
  const { sources, error, reload } = useSources();
  if (!sources) return error ? <LoadError error={error} onRetry={reload} /> : <p class="muted">…</p>;
  return (
    <div class="stock-section">
      {error && <LoadError error={error} onRetry={reload} />}
      <h3>{t('stockSources')}</h3>
      <SourceList sources={sources} />
      <h3>{t('stockImportTitle')}</h3>
      <ImportPanel sources={sources} />
      <h3>{t('stockFeedTitle')}</h3>
      <FeedForm />
      <h3>{t('stockSettingsTitle')}</h3>
      <StockSettings />
    </div>
  );
}
