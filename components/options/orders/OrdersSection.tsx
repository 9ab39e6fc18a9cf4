import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { REMARK_FLAGS, validateTemplate } from '@/utils/orders/remark-format';
import { Toggle } from '../../common/Toggle';
import { useSettings } from '../../common/use-settings';
import { useWorkerData } from '../../common/use-worker-data';

/** Order care settings (remark template, reasons, unpaid close time, saving) and the history of remarks written. */
export function OrdersSection() {
  const [settings, update] = useSettings();
  const { data: history, error } = useWorkerData({ type: 'remarks.list' }, 'remarks-changed');
  const [template, setTemplate] = useState<string | null>(null);
  const [reasons, setReasons] = useState<string | null>(null);
  if (!settings) return null;
  const o = settings.orders;
  const set = (change: Partial<typeof o>) => update((all) => ({ ...all, orders: { ...all.orders, ...change } }));
  const templateText = template ?? o.remarkTemplate;
  const problems = validateTemplate(templateText);
  const reasonList = (reasons ?? o.reasons.join('\n')).split('\n').map((r) => r.trim()).filter(Boolean);
  return (
    <div class="orders-section">
      <h3>{t('ordersSettings')}</h3>
      <div class="order-settings">
        <label>
          <span>{t('ordersTemplate')}</span>
          <input type="text" name="remark-template" value={templateText} onInput={(e) => setTemplate(e.currentTarget.value)} />
        </label>
        {problems.length > 0 && <p class="error" role="alert">{problems.join('；')}</p>}
        <label>
          <span>{t('ordersReasons')}</span>
          <textarea name="remark-reasons" rows={5} value={reasons ?? o.reasons.join('\n')} onInput={(e) => setReasons(e.currentTarget.value)} />
        </label>
        <div class="actions">
          <button
            type="button"
            name="save-order-settings"
            disabled={problems.length > 0 || reasonList.length === 0}
            onClick={() => {
              void set({ remarkTemplate: templateText.trim(), reasons: reasonList.slice(0, 30) });
              setTemplate(null);
              setReasons(null);
            }}
          >
            {t('snippetSave')}
          </button>
        </div>
        <label>
          <span>{t('ordersUnpaidHours')}</span>
          <input
            type="number"
            name="unpaid-hours"
            min={1}
            value={o.unpaidCloseHours}
            onInput={(e) => Number(e.currentTarget.value) >= 1 && set({ unpaidCloseHours: Math.round(Number(e.currentTarget.value)) })}
          />
        </label>
        <Toggle name="save-without-asking" label={t('ordersSaveWithoutAsking')} checked={o.saveWithoutAsking} onChange={(saveWithoutAsking) => set({ saveWithoutAsking })} />
        <label>
          <span>{t('ordersRemarkJoin')}</span>
          <select name="remark-join" value={o.remarkJoin} onChange={(e) => set({ remarkJoin: e.currentTarget.value === 'separator' ? 'separator' : 'newline' })}>
            <option value="newline">{t('ordersRemarkJoinNewline')}</option>
            <option value="separator">{t('ordersRemarkJoinSeparator')}</option>
          </select>
        </label>
      </div>
      <h3>{t('ordersHistory')}</h3>
      {error && <p class="error">{error}</p>}
      {history && history.length === 0 && <p class="muted">{t('ordersHistoryEmpty')}</p>}
      {history && history.length > 0 && (
        <table class="log" data-testid="remark-history">
          <thead>
            <tr>
              <th>{t('logTime')}</th>
              <th>{t('ordersOrder')}</th>
              <th>{t('orderFlag')}</th>
              <th>{t('popupAgentId')}</th>
              <th>{t('logMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((r) => (
              <tr key={r.id}>
                <td class="nowrap">{new Date(r.at).toLocaleString()}</td>
                <td class="mono">{r.orderId}</td>
                <td>{REMARK_FLAGS.find((f) => f.value === r.flag)?.zh ?? '—'}</td>
                <td>{r.agentId}</td>
                <td class="message">{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="muted">{t('ordersRetention')}</p>
    </div>
  );
}
