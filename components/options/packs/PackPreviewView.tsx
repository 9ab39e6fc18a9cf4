import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { PackChange, PackPreview, Wording } from '@/utils/packs/pack-merge';

const LISTED = ['conflict', 'changed', 'added', 'removed'] as const;

/** What applying a pack would do; conflicts (the agent's edits) are kept unless the agent ticks the team's version. */
export function PackPreviewView({ preview, busy, onApply, onCancel }: {
  preview: PackPreview;
  busy: boolean;
  onApply: (takeTeam: string[]) => void;
  onCancel: () => void;
}) {
  const [takeTeam, setTakeTeam] = useState<Set<string>>(new Set());
  const toggle = (id: string, on: boolean) => {
    const next = new Set(takeTeam);
    if (on) next.add(id);
    else next.delete(id);
    setTakeTeam(next);
  };
  const { counts } = preview;
  return (
    <div class="preview pack-preview" data-testid="pack-preview">
      <h4>
        {preview.name} · {preview.previousVersion ? t('packVersionChange', [String(preview.previousVersion), String(preview.version)]) : t('packVersionNew', String(preview.version))}
      </h4>
      <p data-testid="pack-counts">
        {t('packCounts', [String(counts.added), String(counts.changed), String(counts.removed), String(counts.unchanged), String(counts.conflict)])}
      </p>
      {preview.shortcutClashes.length > 0 && (
        <p class="muted small" data-testid="pack-clashes">
          {t('packShortcutClash', [String(preview.shortcutClashes.length), preview.shortcutClashes.map((c) => `${c.shortcut}（${c.usedBy}）`).join('、')])}
        </p>
      )}
      {(preview.defaultsYield?.length ?? 0) > 0 && (
        <p class="muted small" data-testid="pack-defaults-yield">
          {t('sheetDefaultsYield', [String(preview.defaultsYield!.length), preview.defaultsYield!.map((d) => `${d.shortcut}（${d.title}）`).join('、')])}
        </p>
      )}
      {(preview.markup?.length ?? 0) > 0 && (
        <p class="muted small markup-note" data-testid="pack-markup">
          {t('sheetMarkup', [String(preview.markup!.length), preview.markup!.map((id) => preview.changes.find((c) => c.id === id)?.team?.title ?? id).join('、')])}
        </p>
      )}
      {LISTED.map((kind) => {
        const changes = preview.changes.filter((c) => c.kind === kind);
        if (!changes.length) return null;
        return (
          <section key={kind} data-kind={kind}>
            <h4>{t(`packKind_${kind}`)}</h4>
            <ul class="changes">
              {changes.map((change) => (
                <ChangeRow key={change.id} change={change} takeTeam={takeTeam.has(change.id)} onToggle={(on) => toggle(change.id, on)} />
              ))}
            </ul>
          </section>
        );
      })}
      {(preview.adapters?.length ?? 0) > 0 && (
        <section data-kind="adapters" data-testid="pack-adapters">
          <h4>{t('packAdapters')}</h4>
          <ul class="changes">
            {preview.adapters!.map((a) => (
              <li key={a.id} data-adapter={a.id} data-change-kind={a.kind}>
                <strong>{a.name}</strong> <code>{a.id}</code> · {t(`packAdapterKind_${a.kind}`)}
                {a.origins.length > 0 && <div class="muted small">{t('packAdapterHosts', a.origins.join(' '))}</div>}
                {a.keptParts.length > 0 && <div class="muted small" data-testid="pack-adapter-kept">{t('packAdapterKept', a.keptParts.join('、'))}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="commit">
        <button type="button" class="primary" name="apply-pack" disabled={busy} onClick={() => onApply([...takeTeam])}>
          {t('packApply')}
        </button>
        <button type="button" name="cancel-pack" onClick={onCancel}>{t('packCancel')}</button>
      </div>
    </div>
  );
}

function ChangeRow({ change, takeTeam, onToggle }: { change: PackChange; takeTeam: boolean; onToggle: (on: boolean) => void }) {
  const title = (change.team ?? change.local ?? change.base)!.title;
  return (
    <li data-change={change.id}>
      <strong>{title}</strong>
      {change.kind === 'changed' && <Versions before={change.base} after={change.team} beforeLabel={t('packBefore')} afterLabel={t('packAfter')} />}
      {change.kind === 'conflict' && (
        <>
          <Versions before={change.local} after={change.team} beforeLabel={t('packYours')} afterLabel={t('packTeams')} />
          <label class="take-team">
            <input type="checkbox" name={`take-team-${change.id}`} checked={takeTeam} onChange={(e) => onToggle(e.currentTarget.checked)} />
            {change.team ? t('packTakeTeam') : t('packTakeTeamRemove')}
          </label>
        </>
      )}
    </li>
  );
}

function Versions({ before, after, beforeLabel, afterLabel }: { before: Wording | null; after: Wording | null; beforeLabel: string; afterLabel: string }) {
  return (
    <div class="versions">
      <div><span class="muted">{beforeLabel}</span> <span class="wording">{before ? before.body : t('packNone')}</span></div>
      <div><span class="muted">{afterLabel}</span> <span class="wording">{after ? after.body : t('packNone')}</span></div>
    </div>
  );
}
