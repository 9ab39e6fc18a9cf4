import { loadSettings, settingsItem } from '../../settings/settings';
import { settingsSchema } from '../../settings/settings-schema';
import { defineSection } from '../backup-section';

/** Every setting (agent, features, stock, snippets, order care). Kept in extension storage, not the database. */
export const settingsSection = defineSection({
  id: 'settings',
  schema: settingsSchema,
  stores: [],
  read: () => loadSettings(),
  write: () => [],
  afterCommit: (settings) => settingsItem.setValue(settings),
});
