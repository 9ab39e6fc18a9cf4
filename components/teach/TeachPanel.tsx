import type { PartProposal } from '@/utils/teach/propose-part';
import { TEACH_KINDS, type TeachKind, type TeachStep } from '@/utils/teach/teach-plan';
import { t } from '@/utils/i18n';
import { partLabel } from './part-label';

export type TeachView =
  | { phase: 'choose' }
  | { phase: 'point'; step: TeachStep; index: number; total: number; proposal: PartProposal | null; all: boolean; canChild: boolean; notice: string }
  | { phase: 'review'; taught: { kind: TeachKind; part: string; count: number }[]; name: string; notice: string; saving: boolean }
  | { phase: 'saved'; notice: string; ok: boolean };

export interface TeachActions {
  choose(kinds: TeachKind[]): void;
  parent(): void;
  child(): void;
  toggleAll(): void;
  confirm(): void;
  skip(): void;
  rename(name: string): void;
  save(): void;
  leave(): void;
}

/** The teach overlay's panel: what to point at now, what the pick matches and reads, and the steps' buttons. */
export function TeachPanel({ view, actions }: { view: TeachView; actions: TeachActions }) {
  return (
    <div class="panel" role="dialog" aria-label={t('teachTitle')} data-phase={view.phase}>
      <div class="head">
        <strong>{t('teachTitle')}</strong>
        <button type="button" name="teach-leave" class="link" onClick={actions.leave}>{t('teachLeave')}</button>
      </div>
      {view.phase === 'choose' && <ChooseKinds onChoose={actions.choose} />}
      {view.phase === 'point' && <PointStep view={view} actions={actions} />}
      {view.phase === 'review' && (
        <div>
          <p>{t('teachReview')}</p>
          <ul class="taught">
            {view.taught.map((p) => (
              <li key={`${p.kind}.${p.part}`} data-part={p.part}>
                {t(`pageKind_${p.kind}`)} · {partLabel(p.part)} <span class="count">{t('teachMatches', String(p.count))}</span>
              </li>
            ))}
          </ul>
          <label>
            {t('teachName')} <input name="teach-name" value={view.name} onInput={(e) => actions.rename(e.currentTarget.value)} />
          </label>
          {view.notice && <p class="notice" data-testid="teach-notice">{view.notice}</p>}
          <div class="actions">
            <button type="button" class="primary" name="teach-save" disabled={view.saving} onClick={actions.save}>{t('teachSave')}</button>
          </div>
        </div>
      )}
      {view.phase === 'saved' && (
        <div>
          <p class={view.ok ? 'ok' : 'notice'} data-testid="teach-saved">{view.notice}</p>
          <div class="actions">
            <button type="button" name="teach-close" onClick={actions.leave}>{t('teachClose')}</button>
          </div>
        </div>
      )}
    </div>
  );
}

function ChooseKinds({ onChoose }: { onChoose(kinds: TeachKind[]): void }) {
  const chosen = new Set<TeachKind>();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onChoose([...chosen]);
      }}
    >
      <p>{t('teachChooseKinds')}</p>
      {TEACH_KINDS.map((kind) => (
        <label key={kind} class="kind">
          <input type="checkbox" name={`teach-kind-${kind}`} onChange={(e) => (e.currentTarget.checked ? chosen.add(kind) : chosen.delete(kind))} />{' '}
          {t(`pageKind_${kind}`)}
        </label>
      ))}
      <div class="actions">
        <button type="submit" class="primary" name="teach-begin">{t('teachBegin')}</button>
      </div>
    </form>
  );
}

function PointStep({ view, actions }: { view: Extract<TeachView, { phase: 'point' }>; actions: TeachActions }) {
  const { step, proposal } = view;
  return (
    <div data-step={`${step.kind}.${step.part}`}>
      <p class="muted">{t('teachStepOf', [String(view.index + 1), String(view.total)])} · {t(`pageKind_${step.kind}`)}</p>
      <p class="ask">{t('teachPointAt', partLabel(step.part))}</p>
      <p class="muted small">{t(step.container ? 'teachHintContainer' : step.within ? 'teachHintField' : 'teachHintPage', step.within ? partLabel(step.within) : '')}</p>
      {view.notice && <p class="notice" data-testid="teach-notice">{view.notice}</p>}
      {proposal && (
        <div class="proposal" data-testid="teach-proposal" data-count={proposal.count}>
          {proposal.spec.column && <code class="selector">{t('teachColumn', proposal.spec.column)}</code>}
          <code class="selector">{proposal.spec.selector}</code>
          {proposal.spec.pattern && <code class="selector">{proposal.spec.pattern}</code>}
          <p>
            <strong>{t('teachMatches', String(proposal.count))}</strong>
          </p>
          {proposal.values.some((v) => v) ? (
            <ul class="values" data-testid="teach-values">
              {proposal.values.map((v, i) => <li key={i}>{v || '—'}</li>)}
            </ul>
          ) : (
            !step.container && step.part !== 'replyInput' && <p class="notice">{t('teachReadsNothing')}</p>
          )}
        </div>
      )}
      <div class="actions">
        <button type="button" name="teach-parent" disabled={!proposal} onClick={actions.parent}>{t('teachParent')}</button>
        <button type="button" name="teach-child" disabled={!view.canChild} onClick={actions.child}>{t('teachChild')}</button>
        {step.container && (
          <button type="button" name="teach-all" disabled={!proposal} onClick={actions.toggleAll}>{view.all ? t('teachOnlyThis') : t('teachAllLike')}</button>
        )}
      </div>
      <div class="actions">
        {step.optional && <button type="button" name="teach-skip" onClick={actions.skip}>{t('teachSkip')}</button>}
        <button type="button" class="primary" name="teach-confirm" disabled={!proposal || !proposal.count} onClick={actions.confirm}>{t('teachConfirm')}</button>
      </div>
    </div>
  );
}
