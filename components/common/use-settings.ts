import { useEffect, useState } from 'preact/hooks';
import { loadSettings, normalizeSettings, settingsItem, updateSettings, type Settings } from '@/utils/settings/settings';

/** Current settings, kept live (other pages and tabs may change them), and a function to change them. */
export function useSettings(): [Settings | null, (change: (s: Settings) => Settings) => Promise<void>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return settingsItem.watch((next) => setSettings(normalizeSettings(next)));
  }, []);
  const update = async (change: (s: Settings) => Settings) => {
    setSettings(await updateSettings(change));
  };
  return [settings, update];
}
