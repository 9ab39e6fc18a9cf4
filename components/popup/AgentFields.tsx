import type { Settings } from '@/utils/settings/settings';
import { t, type MessageKey } from '@/utils/i18n';

type TextField = 'agentId' | 'agentName' | 'shopName';
const FIELDS: [TextField, MessageKey, number][] = [
  ['agentId', 'popupAgentId', 32],
  ['agentName', 'popupAgentName', 32],
  ['shopName', 'popupShopName', 64],
];

/** 工号, nickname and shop name: used in remarks and snippet variables. Saved as the agent types. */
export function AgentFields({ settings, onChange }: { settings: Settings; onChange: (field: TextField, value: string) => void }) {
  return (
    <div class="fields">
      {FIELDS.map(([field, label, max]) => (
        <label key={field} class="field">
          <span>{t(label)}</span>
          <input
            type="text"
            name={field}
            maxLength={max}
            value={settings[field]}
            onInput={(e) => onChange(field, e.currentTarget.value)}
          />
        </label>
      ))}
    </div>
  );
}
