import { useEffect, useRef, useState } from 'preact/hooks';
import { loadSettings, normalizeSettings, settingsItem, type Settings } from '@/utils/settings/settings';
import { settingsSchema } from '@/utils/settings/settings-schema';

/**
 * Current settings, kept live (other pages and tabs may change them), and a function to change them.
 * A change is written at once from the latest state, so closing the popup right after typing loses nothing.
 */
export function useSettings(): [Settings | null, (change: (s: Settings) => Settings) => Promise<void>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  const latest = useRef<Settings | null>(null);
  // While our own writes are in flight, storage.onChanged reports older values of them: ignore those echoes,
  // or fast typing would be reset to an earlier keystroke.
  const pendingWrites = useRef(0);
  useEffect(() => {
    void loadSettings().then((loaded) => {
      latest.current ??= loaded;
      setSettings(latest.current);
    });
    return settingsItem.watch((next) => {
      if (pendingWrites.current > 0) return;
      latest.current = normalizeSettings(next);
      setSettings(latest.current);
    });
  }, []);
  const update = async (change: (s: Settings) => Settings) => {
    if (!latest.current) return;
    const next = settingsSchema.parse(change(latest.current));
    latest.current = next;
    setSettings(next);
    pendingWrites.current++;
    try {
      await settingsItem.setValue(next);
    } finally {
      pendingWrites.current--;
    }
  };
  return [settings, update];
}
