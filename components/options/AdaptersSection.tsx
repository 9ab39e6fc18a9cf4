import { BUILTIN_ADAPTERS } from '@/utils/adapters/builtin';
import { t } from '@/utils/i18n';

/** The adapters Xiaoer knows; custom adapters (JSON editor) join here in a later version. */
export function AdaptersSection() {
  return (
    <div>
      <h3>{t('adaptersBuiltin')}</h3>
      <ul class="adapters">
        {BUILTIN_ADAPTERS.map((adapter) => (
          <li key={adapter.id}>
            <strong>{adapter.name}</strong> <code>{adapter.id}</code> v{adapter.version}
            <div class="muted">{adapter.matches.join('  ')}</div>
            <div class="muted">{t('adapterPages', adapter.pages.map((p) => t(`pageKind_${p.kind}`)).join('、'))}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
