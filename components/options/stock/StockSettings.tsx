import { t } from '@/utils/i18n';
import { useSettings } from '../../common/use-settings';

/** When real stock counts as low, and when its data counts as stale. */
export function StockSettings() {
  const [settings, update] = useSettings();
  if (!settings) return null;
  const set = (field: 'lowThreshold' | 'staleAfterMinutes', value: number) =>
    Number.isInteger(value) && value >= (field === 'lowThreshold' ? 0 : 1) && update((s) => ({ ...s, stock: { ...s.stock, [field]: value } }));
  return (
    <div class="stock-settings">
      <label>
        <span>{t('stockLowThreshold')}</span>
        <input type="number" name="low-threshold" min={0} value={settings.stock.lowThreshold} onInput={(e) => set('lowThreshold', Number(e.currentTarget.value))} />
      </label>
      <label>
        <span>{t('stockStaleHours')}</span>
        <input
          type="number"
          name="stale-hours"
          min={1}
          value={Math.round(settings.stock.staleAfterMinutes / 60)}
          onInput={(e) => set('staleAfterMinutes', Number(e.currentTarget.value) * 60)}
        />
      </label>
    </div>
  );
}
