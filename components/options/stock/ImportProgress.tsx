import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { clock } from '@/utils/clock';
import type { ReadProgress } from '@/utils/stock-import/read-stock-file';

/** Shown only for a step that takes longer than this: a small file imports without a flash of progress. */
const SHOW_AFTER_MS = 1000;

/**
 * The running import step (reading and checking, or writing) with its row count, and 取消. `startedAt`: when the step
 * began — a commit's writing stage comes after seconds of preparing, and must show at once then, not a second later.
 */
export function ImportProgress({ progress, startedAt, onCancel }: { progress: ReadProgress; startedAt: number; onCancel: () => void }) {
  const [shown, setShown] = useState(() => clock.now() - startedAt >= SHOW_AFTER_MS);
  useEffect(() => {
    if (shown) return;
    const timer = setTimeout(() => setShown(true), Math.max(0, SHOW_AFTER_MS - (clock.now() - startedAt)));
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
