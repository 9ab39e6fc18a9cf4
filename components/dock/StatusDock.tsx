import { useState } from 'preact/hooks';
import type { PartHealth } from '@/utils/adapters/page-parts';
import type { PageKind } from '@/utils/adapters/vocabulary';
import { t } from '@/utils/i18n';
import { partLabel } from '../teach/part-label';

export interface StatusDockProps {
  adapterName: string;
  /** Every kind the page shows (one URL can hold items, orders and chat). */
  pageKinds: PageKind[];
  parts: PartHealth[];
  onOpenLog: () => void;
  /** Opens the teach overlay: for every part, or for one part a console update broke. */
  onTeach: (part?: PartHealth) => void;
}

/** Xiaoer's corner mark on a console page: shows it is active and whether the adapter fits this page. */
export function StatusDock({ adapterName, pageKinds, parts, onOpenLog, onTeach }: StatusDockProps) {
  const [open, setOpen] = useState(false);
  const missing = parts.filter((p) => !p.optional && p.count === 0);
  const healthy = missing.length === 0;
  const label = (part: PartHealth) => (pageKinds.length > 1 && part.kind ? `${t(`pageKind_${part.kind}`)} · ${part.name}` : part.name);
  // The warning speaks the agent's words (商家编码), with the adapter's name of the part for whoever edits the JSON.
  const named = (part: PartHealth) => {
    const words = partLabel(part.name);
    return `${pageKinds.length > 1 && part.kind ? `${t(`pageKind_${part.kind}`)} · ` : ''}${words === part.name ? words : `${words}（${part.name}）`}`;
  };
  const repoint = (part: PartHealth) => (
    <button type="button" class="link" name="dock-repoint" data-part={part.name} onClick={() => onTeach(part)}>
      {t('teachRepointOne')}
    </button>
  );
  return (
    <div class="dock" data-healthy={String(healthy)}>
      {!healthy && !open && (
        // The part a console update broke, named where the agent looks, with the one click that re-points it.
        <div class="warning" data-testid="dock-missing">
          {t('dockMissingNamed', missing.map(named).join('、'))} {repoint(missing[0]!)}
        </div>
      )}
      {open && (
        <div class="panel" role="dialog" aria-label={t('extName')}>
          <div class="row">
            <span class="label">{t('dockAdapter')}</span>
            <span>{adapterName}</span>
          </div>
          <div class="label">{t('dockParts')}</div>
          <ul class="parts">
            {parts.map((part) => (
              <li key={`${part.kind}.${part.name}`} data-missing={String(!part.optional && part.count === 0)}>
                <span>{label(part)}</span>
                <span class="count">
                  {!part.optional && part.count === 0 && repoint(part)} {part.count}
                </span>
              </li>
            ))}
          </ul>
          <div class="actions">
            <button type="button" name="dock-teach" onClick={() => onTeach()}>{t('teachTitle')}</button>
            <button type="button" onClick={onOpenLog}>{t('dockOpenLog')}</button>
            <button type="button" onClick={() => setOpen(false)}>{t('dockClose')}</button>
          </div>
        </div>
      )}
      <button type="button" class="pill" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span class="dot" />
        <span class="brand">{t('extName')}</span>
        <span class="kind">{[...new Set(pageKinds)].map((kind) => t(`pageKind_${kind}`)).join('·')}</span>
        <span class="health">{healthy ? t('dockHealthy') : t('dockMissing', String(missing.length))}</span>
      </button>
    </div>
  );
}
