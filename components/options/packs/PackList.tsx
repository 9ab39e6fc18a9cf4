import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import type { KeptAdapter } from '@/utils/packs/pack-adapters';
import type { PackSummary } from '@/utils/packs/pack-record';
import type { Staged } from './PackImport';

/** The team packs in the library: their version, subscription state, and review / check / undo / remove. */
export function PackList({ packs, onReview, onError }: { packs: PackSummary[]; onReview: (staged: Staged) => void; onError: (message: string) => void }) {
  /** Adapters an undo or removal left installed because the agent changed them: said, never done silently. */
  const [kept, setKept] = useState<KeptAdapter[]>([]);
  const keptNote = kept.length > 0 && (
    <p class="notice" data-testid="pack-kept-adapters">
      {t('packKeptAdapters', kept.map((a) => `${a.name}（${a.parts.join('、')}）`).join('；'))}
    </p>
  );
  if (!packs.length) return <div>{keptNote}<p class="muted" data-testid="pack-list">{t('packNoPacks')}</p></div>;
  const act = (work: Promise<unknown>) => work.catch((e: Error) => onError(e.message));
  const undoOrRemove = (type: 'packs.undo' | 'packs.remove', id: string) => {
    setKept([]);
    act(sendToWorker({ type, id }).then((done) => setKept(done.keptAdapters)));
  };
  const review = (id: string) =>
    act(
      sendToWorker({ type: 'packs.pending', id }).then((pending) => {
        if (pending) onReview({ kind: 'pack', ...pending });
      }),
    );
  return (
    <div>
    {keptNote}
    <table class="sources-table" data-testid="pack-list">
      <thead>
        <tr>
          <th>{t('packName')}</th>
          <th>{t('packVersion')}</th>
          <th>{t('packSubscription')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {packs.map((pack) => (
          <tr key={pack.id} data-pack={pack.id}>
            <td>
              <strong>{pack.name}</strong>
              <div class="muted small">{t('packSnippetCount', String(pack.snippetCount))}{pack.author ? ` · ${pack.author}` : ''}</div>
            </td>
            <td class="nowrap">
              v{pack.version}
              <div class="muted small">{t('packAppliedAt', new Date(pack.appliedAt).toLocaleString())}</div>
            </td>
            <td>
              {pack.url ? (
                <>
                  <div class="small url">{pack.url}</div>
                  <div class="muted small">{pack.lastCheckedAt ? t('packCheckedAt', new Date(pack.lastCheckedAt).toLocaleString()) : t('packNotChecked')}</div>
                  {pack.lastError && <div class="error small" data-testid="pack-sync-error">{pack.lastError}</div>}
                  {pack.pendingVersion != null && (
                    <div class="pending" data-testid="pack-pending">
                      {t('packPending', String(pack.pendingVersion))}{' '}
                      <button type="button" class="primary" name="review-update" onClick={() => review(pack.id)}>{t('packReview')}</button>
                    </div>
                  )}
                </>
              ) : (
                <span class="muted small">{t('packNotSubscribed')}</span>
              )}
            </td>
            <td>
              <div class="row-actions">
              {pack.url && <button type="button" name="check-pack" onClick={() => act(sendToWorker({ type: 'packs.check', id: pack.id }))}>{t('packCheckNow')}</button>}
              {pack.canUndo && <button type="button" name="undo-pack" onClick={() => undoOrRemove('packs.undo', pack.id)}>{t('packUndo')}</button>}
              <button
                type="button"
                class="danger"
                name="remove-pack"
                onClick={() => confirm(t('packRemoveConfirm', pack.name)) && undoOrRemove('packs.remove', pack.id)}
              >
                {t('packRemove')}
              </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
