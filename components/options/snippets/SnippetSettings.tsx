import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { DEFAULT_AVOID_RULES, type AvoidRule } from '@/utils/snippets/tone';
import { Toggle } from '../../common/Toggle';
import { useSettings } from '../../common/use-settings';

const TRIGGERS = ['/', '、', ';', '#'] as const;

/** Palette trigger, default courier, and the phrases to avoid (one per line: phrase => suggestion). */
export function SnippetSettings() {
  const [settings, update] = useSettings();
  const [rulesText, setRulesText] = useState<string | null>(null);
  const [rulesError, setRulesError] = useState<string | null>(null);
  if (!settings) return null;
  const s = settings.snippets;
  const set = (change: Partial<typeof s>) => update((all) => ({ ...all, snippets: { ...all.snippets, ...change } }));
  const text = rulesText ?? s.avoidRules.map((r) => `${r.phrase} => ${r.suggestion}`).join('\n');
  const saveRules = () => {
    const rules: AvoidRule[] = [];
    for (const [i, line] of text.split('\n').entries()) {
      if (!line.trim()) continue;
      const [phrase = '', suggestion = ''] = line.split('=>').map((part) => part.trim());
      if (!phrase || phrase.length > 50 || suggestion.length > 200) return setRulesError(t('toneRuleInvalid', String(i + 1)));
      rules.push({ phrase, suggestion });
    }
    setRulesError(null);
    setRulesText(null);
    void set({ avoidRules: rules });
  };
  return (
    <div class="snippet-settings">
      <label>
        <span>{t('snippetTrigger')}</span>
        <select name="trigger" value={s.trigger} onChange={(e) => set({ trigger: e.currentTarget.value as (typeof TRIGGERS)[number] })}>
          {TRIGGERS.map((trigger) => (
            <option key={trigger} value={trigger}>{trigger}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('snippetDefaultCourier')}</span>
        <input type="text" name="default-courier" maxLength={20} value={s.defaultCourier} onInput={(e) => set({ defaultCourier: e.currentTarget.value })} />
      </label>
      <Toggle name="tone-check" label={t('toneCheck')} checked={s.toneCheck} onChange={(toneCheck) => set({ toneCheck })} />
      <label class="rules">
        <span>{t('toneRules')}</span>
        <textarea name="avoid-rules" rows={6} value={text} onInput={(e) => setRulesText(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="button" disabled={rulesText == null} onClick={saveRules}>{t('snippetSave')}</button>
        <button type="button" onClick={() => (setRulesText(null), set({ avoidRules: DEFAULT_AVOID_RULES }))}>{t('toneRulesReset')}</button>
      </div>
      {rulesError && <p class="error" role="alert">{rulesError}</p>}
      <p class="muted">{t('commandHint')}</p>
    </div>
  );
}
