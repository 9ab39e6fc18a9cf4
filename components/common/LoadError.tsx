import { t } from '@/utils/i18n';

/**
 * What the worker could not answer (or an action on what it holds failed), with a way to ask again. Shown above what was loaded before, never in its place:
 * a section the agent is working in (an import's outcome, a form being filled) must not vanish on one failed reload.
 */
export function LoadError({ error, onRetry }: { error: string; onRetry: () => void }) {
  return (
    <p class="error" role="alert" data-testid="load-error">
      {error}{' '}
      <button type="button" class="link" onClick={onRetry}>
        {t('loadRetry')}
      </button>
    </p>
  );
}
