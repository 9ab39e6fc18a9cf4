import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { useSettings } from '../../common/use-settings';
import { useWorkerData } from '../../common/use-worker-data';
import { useSnippets } from '../snippets/use-snippets';
import { BackupPanel } from './BackupPanel';
import { ExportPanel } from './ExportPanel';
import { PackImport, type Staged } from './PackImport';
import { PackList } from './PackList';

/** Team packs (import, subscribe, review updates, undo), export of the library, and the full backup. */
export function PacksSection() {
  const { data: packs, error, setError } = useWorkerData({ type: 'packs.list' }, 'packs-changed');
  const { snippets } = useSnippets();
  const [settings] = useSettings();
  const [staged, setStaged] = useState<Staged | null>(null);
  return (
    <div class="packs-section">
      <h3>{t('packsTitle')}</h3>
      {error && <p class="error" role="alert">{error}</p>}
      {packs && <PackList packs={packs} onReview={setStaged} onError={setError} />}
      <h3>{t('packImportTitle')}</h3>
      <PackImport staged={staged} setStaged={setStaged} />
      <h3>{t('exportTitle')}</h3>
      {snippets && <ExportPanel snippets={snippets} shopName={settings?.shopName ?? ''} />}
      <h3>{t('backupTitle')}</h3>
      <BackupPanel />
    </div>
  );
}
