import type { CustomAdapterEntry } from '@/utils/adapters/custom/adapter-test-report';
import { builtinFixOf } from '@/utils/adapters/builtin-fix';
import { t } from '@/utils/i18n';

interface Props {
  entries: CustomAdapterEntry[];
  onEdit(entry: CustomAdapterEntry): void;
  onDelete(entry: CustomAdapterEntry): void;
  onGrant(entry: CustomAdapterEntry): void;
}

/** The shop's own adapters: what they cover, whether their hosts are granted, and edit / delete. */
export function CustomAdapterList({ entries, onEdit, onDelete, onGrant }: Props) {
  if (!entries.length) return <p class="muted">{t('adaptersCustomNone')}</p>;
  return (
    <ul class="adapters" data-testid="custom-adapters">
      {entries.map((entry) => {
        const { adapter } = entry;
        const fix = builtinFixOf(adapter);
        return (
          <li key={adapter.id} data-adapter={adapter.id}>
            <strong>{adapter.name}</strong> <code>{adapter.id}</code> v{adapter.version}
            <div class="muted">{adapter.matches.join('  ')}</div>
            <div class="muted">{t('adapterPages', adapter.pages.map((p) => t(`pageKind_${p.kind}`)).join('、'))}</div>
            {fix && (
              <p data-testid="adapter-builtin-fix">
                {t('adapterBuiltinFix', [fix.builtin.name, fix.parts.join('、') || '—'])}
              </p>
            )}
            {entry.missingOrigins.length > 0 && (
              <p class="warn" data-testid="adapter-needs-access">
                {t('adapterNeedsAccess', entry.missingOrigins.join(' '))}{' '}
                <button type="button" name="adapter-grant" onClick={() => onGrant(entry)}>
                  {t('adapterGrant')}
                </button>
              </p>
            )}
            <div class="toolbar">
              <button type="button" name="adapter-edit" onClick={() => onEdit(entry)}>
                {t('adapterEdit')}
              </button>{' '}
              <button type="button" name={fix ? 'adapter-revert' : 'adapter-delete'} onClick={() => onDelete(entry)}>
                {fix ? t('adapterRevertBuiltin') : t('adapterDelete')}
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
