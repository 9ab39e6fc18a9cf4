import { useEffect, useRef, useState } from 'preact/hooks';
import { loadSettings, normalizeSettings, settingsItem, type Settings } from '@/utils/settings/settings';
import { settingsSchema } from '@/utils/settings/settings-schema';
import { OwnWrites } from '@/utils/settings/own-writes';

/**
 * Current settings, kept live (other pages and tabs may change them), and a function to change them.
 * A change is written at once from the latest state, so closing the popup right after typing loses nothing.
 */
export function useSettings(): [Settings | null, (change: (s: Settings) => Settings) => Promise<void>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  const latest = useRef<Settings | null>(null);
  // storage.onChanged reports our own writes too, possibly late: an echo of an earlier keystroke must not reset
  // what was typed since.
  const ownWrites = useRef(new OwnWrites((value) => JSON.stringify(normalizeSettings(value))));
  useEffect(() => {
    void loadSettings().then((loaded) => {
      latest.current ??= loaded;
      setSettings(latest.current);
    });
    return settingsItem.watch((next) => {
      if (ownWrites.current.isEcho(next)) return;
      latest.current = normalizeSettings(next);
      setSettings(latest.current);
    });
  }, []);
  const update = async (change: (s: Settings) => Settings) => {
    if (!latest.current) return;
    const next = settingsSchema.parse(change(latest.current));
    latest.current = next;
    setSettings(next);
    ownWrites.current.wrote(next);
    try {
      await settingsItem.setValue(next);
    } catch (error) {
      ownWrites.current.failed(next);
      throw error;
    }
  };
  return [settings, update];
}
