import { useState } from 'preact/hooks';
import type { PartHealth } from '@/utils/adapters/page-parts';
import type { PageKind } from '@/utils/adapters/vocabulary';
import { t } from '@/utils/i18n';

export interface StatusDockProps {
  adapterName: string;
  pageKind: PageKind;
  parts: PartHealth[];
  onOpenLog: () => void;
  /** Opens the teach overlay: for every part, or for one part a console update broke. */
  onTeach: (part?: string) => void;
}

/** Xiaoer's corner mark on a console page: shows it is active and whether the adapter fits this page. */
export function StatusDock({ adapterName, pageKind, parts, onOpenLog, onTeach }: StatusDockProps) {
  const [open, setOpen] = useState(false);
  const missing = parts.filter((p) => !p.optional && p.count === 0);
  const healthy = missing.length === 0;
  return (
    <div class="dock" data-healthy={String(healthy)}>
      {!healthy && !open && (
        <div class="warning" data-testid="dock-missing">
          {t('dockMissingNamed', missing.map((p) => p.name).join(', '))}{' '}
          <button type="button" class="link" name="dock-repoint" data-part={missing[0]!.name} onClick={() => onTeach(missing[0]!.name)}>
            {t('teachRepointOne')}
          </button>
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
              <li key={part.name} data-missing={String(!part.optional && part.count === 0)}>
                <span>{part.name}</span>
                <span class="count">
                  {!part.optional && part.count === 0 && (
                    <button type="button" class="link" name="dock-repoint" data-part={part.name} onClick={() => onTeach(part.name)}>
                      {t('teachRepointOne')}
                    </button>
                  )}{' '}
                  {part.count}
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
        <span class="kind">{t(`pageKind_${pageKind}`)}</span>
        <span class="health">{healthy ? t('dockHealthy') : t('dockMissing', String(missing.length))}</span>
      </button>
    </div>
  );
}
