import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { ReadProgress } from '@/utils/stock-import/read-stock-file';

/** Shown only for a step that takes longer than this: a small file imports without a flash of progress. */
const SHOW_AFTER_MS = 1000;

/** The running import step (reading and checking, or writing) with its row count, and 取消. */
export function ImportProgress({ progress, onCancel }: { progress: ReadProgress; onCancel: () => void }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  if (!shown) return null;
  const count = (n: number) => n.toLocaleString('zh-CN');
  return (
    <div class="import-progress" role="status" data-testid="import-progress" data-stage={progress.stage}>
      <span>
        {progress.stage === 'read'
          ? t('stockProgressRead', count(progress.done))
          : t('stockProgressCommit', [count(progress.done), count(progress.total ?? 0)])}
      </span>
      {progress.stage === 'commit' ? <progress value={progress.done} max={progress.total} /> : <progress />}
      <button type="button" name="cancel-import" onClick={onCancel}>{t('stockCancel')}</button>
    </div>
  );
}
