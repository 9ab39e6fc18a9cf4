import { FEATURE_IDS } from '@/utils/settings/settings';
import { t } from '@/utils/i18n';
import { Toggle } from '../common/Toggle';
import { useSettings } from '../common/use-settings';
import { AgentFields } from './AgentFields';
import { PageStatus } from './PageStatus';
import { SourcesStatus } from './SourcesStatus';
import { PacksStatus } from './PacksStatus';
import { ClockToday } from './ClockToday';
import { useTabHealth } from './use-tab-health';

/** Quick settings for the agent, and what Xiaoer sees on the current tab. */
export function PopupApp() {
  const [settings, update] = useSettings();
  // Re-ask the tab after each settings change: feature states follow the settings.
  const status = useTabHealth(settings);
  if (!settings) return null;
  const host = status.state === 'ok' ? status.health.host.replace(/:\d+$/, '') : null;
  const siteOn = host ? !settings.disabledHosts.includes(host) : true;
  return (
    <main class="popup">
      <header>
        <h1>{t('popupTitle')}</h1>
        <Toggle name="enabled" label={t('popupEnabled')} checked={settings.enabled} onChange={(enabled) => update((s) => ({ ...s, enabled }))} />
      </header>

      <section>
        <h2>{t('popupStatus')}</h2>
        <PageStatus status={status} />
        {host && (
          <Toggle
            name="site"
            label={`${t('popupSiteEnabled')} (${host})`}
            checked={siteOn}
            onChange={(on) =>
              update((s) => ({
                ...s,
                disabledHosts: on ? s.disabledHosts.filter((h) => h !== host) : [...new Set([...s.disabledHosts, host])],
              }))
            }
          />
        )}
      </section>

      <section>
        <h2>{t('popupAgent')}</h2>
        <AgentFields settings={settings} onChange={(field, value) => update((s) => ({ ...s, [field]: value }))} />
      </section>

      <section>
        <h2>{t('popupFeatures')}</h2>
        {FEATURE_IDS.map((id) => (
          <Toggle
            key={id}
            name={`feature-${id}`}
            label={t(`feature_${id}`)}
            checked={settings.features[id]}
            onChange={(on) => update((s) => ({ ...s, features: { ...s.features, [id]: on } }))}
          />
        ))}
      </section>

      {settings.features.timer && (
        <section>
          <h2>{t('clockTodayTitle')}</h2>
          <ClockToday />
        </section>
      )}

      <section>
        <h2>{t('popupSources')}</h2>
        <SourcesStatus />
      </section>

      <PacksStatus />

      <footer>
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>{t('popupOpenOptions')}</button>
      </footer>
    </main>
  );
}
