import { t } from '@/utils/i18n';
import { FeedForm } from './FeedForm';
import { ImportPanel } from './ImportPanel';
import { SourceList } from './SourceList';
import { StockSettings } from './StockSettings';
import { useSources } from './use-sources';

/** Real stock: sources, file/paste import, URL feeds, thresholds. */
export function StockSection() {
  const { sources, error } = useSources();
  if (error) return <p class="error">{error}</p>;
  if (!sources) return <p class="muted">…</p>;
  return (
    <div class="stock-section">
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
