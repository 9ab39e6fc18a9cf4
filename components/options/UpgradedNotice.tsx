import { useEffect, useState } from 'preact/hooks';
import { onDbUpgradedElsewhere } from '@/utils/db/open-db';
import { t } from '@/utils/i18n';

/**
 * Says so when a newer Xiaoer upgraded the database this page had open (its connection is already closed, so the
 * upgrade went ahead): this page's code is the old version, and the agent reloads it. Not reloaded for them: the page
 * may hold an edit not saved yet.
 */
export function UpgradedNotice() {
  const [upgraded, setUpgraded] = useState(false);
  useEffect(() => onDbUpgradedElsewhere(() => setUpgraded(true)), []);
  if (!upgraded) return null;
  return (
    <p class="upgraded-notice" role="alert" data-testid="db-upgraded">
      {t('dbUpgradedElsewhere')}
      <button type="button" name="reload-page" onClick={() => location.reload()}>{t('dbUpgradedReload')}</button>
    </p>
  );
}
