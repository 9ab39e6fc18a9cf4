import type { Adapter } from '../adapter-schema';
import { syncCustomContentScripts } from './content-script-registration';
import { listCustomAdapters, replaceCustomAdapters } from './custom-adapter-store';

/**
 * Custom adapters for the backup: `export()` gives the stored adapters (plain JSON, the documented schema);
 * `restore()` validates all of them and replaces the stored set whole, or throws and changes nothing. Runs in the
 * worker. Hosts need their permission again on a new profile: restored adapters for hosts not yet granted wait
 * in the options page with a "grant" button, and run from the moment it is pressed.
 */
export const customAdapters = {
  export(): Promise<Adapter[]> {
    return listCustomAdapters();
  },
  async restore(adapters: unknown): Promise<Adapter[]> {
    const restored = await replaceCustomAdapters(adapters);
    await syncCustomContentScripts(restored);
    return restored;
  },
};
