import { t, type MessageKey } from '@/utils/i18n';
import { missingParts } from '@/utils/runtime/tab-messages';
import { consoleLimits } from '@/utils/adapters/builtin/notes';
import type { TabStatus } from './use-tab-health';
import { TeachButton } from './TeachButton';
import type { TeachKind } from '@/utils/teach/teach-plan';

/** What Xiaoer found on the current tab: adapter, page kind, part health, feature states. */
export function PageStatus({ status }: { status: TabStatus }) {
  if (status.state === 'loading') return <p class="muted">…</p>;
  if (status.state === 'none') {
    return (
      <div data-testid="page-status">
        <p class="muted">{t('popupNoConsole')}</p>
        {status.tabId != null && status.url && /^https?:/.test(status.url) && <TeachButton tabId={status.tabId} url={status.url} label={t('teachPopupStart')} />}
      </div>
    );
  }
  const { health } = status;
  const limits = health.adapter ? consoleLimits(health.adapter.id, health.pageKinds?.length ? health.pageKinds : health.pageKind ? [health.pageKind] : []) : [];
  const limitNote = limits.map((limit) => (
    <p key={limit} class="warn" data-testid="console-limit">
      {t(limit)}
    </p>
  ));
  if (!health.adapter || !health.pageKind) {
    return (
      <div class="muted" data-testid="page-status">
        {limitNote}
        <p>{t('popupNoPage', health.host)}</p>
        {health.generic && <p data-testid="generic-palette">{t('popupGenericPalette')}</p>}
        <TeachButton tabId={status.tabId} url={status.url} label={t('teachPopupStart')} />
      </div>
    );
  }
  const required = health.parts.filter((p) => !p.optional);
  const missing = missingParts(health);
  const kinds = [...new Set(health.pageKinds?.length ? health.pageKinds : [health.pageKind])];
  const kindNames = kinds.map((kind) => t(`pageKind_${kind}`)).join('、');
  const missingKinds = [...new Set(health.parts.filter((p) => !p.optional && p.count === 0).map((p) => p.kind ?? health.pageKind!))];
  return (
    <div data-testid="page-status">
      <p>
        <strong>{health.adapter.name}</strong> · {kindNames}
      </p>
      <p class={missing.length ? 'warn' : 'ok'} data-testid="parts-summary">
        {t('popupPartsFound', [String(required.length - missing.length), String(required.length)])}
      </p>
      {missing.length > 0 && (
        <p class="warn" data-testid="parts-missing">
          {t('popupPartsMissingOn', [missingKinds.map((kind) => t(`pageKind_${kind}`)).join('、'), missing.join(', ')])}
        </p>
      )}
      {missing.length > 0 && (
        <TeachButton
          tabId={status.tabId}
          url={status.url}
          label={t('teachRepointOne')}
          repoint={health.parts.filter((p) => !p.optional && p.count === 0).map((p) => ({ kind: (p.kind ?? health.pageKind) as TeachKind, part: p.name }))}
        />
      )}
      {missing.length === 0 && <TeachButton tabId={status.tabId} url={status.url} label={t('teachPopupStart')} />}
      {limitNote}
      {!health.active && <p class="warn">{t('popupPaused')}</p>}
      {health.figures.unverifiedPaidOrders != null && (
        <p class={health.figures.unverifiedPaidOrders ? 'warn' : 'muted'} data-testid="unverified-count">
          {t('popupUnverified', String(health.figures.unverifiedPaidOrders))}
        </p>
      )}
      <ul class="feature-states">
        {Object.entries(health.features).map(([id, state]) => (
          <li key={id} data-feature={id} data-state={state}>
            <span>{t(`featureTitle_${id.replace(/-/g, '_')}` as MessageKey)}</span> <span class="muted">{t(`featureState_${state}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
