import type { Adapter } from '../adapter-schema';
import { BUILTIN_CONSOLE_MATCHES } from '../builtin';
import { originOf, uncoveredPatterns } from '../host-coverage';
import { consoleScriptFiles, injectIntoOpenTabs } from '../../runtime/inject-content-script';

/** One runtime registration holds every custom host, so a tab two custom adapters match gets one script. */
export const CUSTOM_SCRIPT_ID = 'xiaoer-custom-consoles';

/** The hosts of custom adapters that the built-in consoles' hosts do not already cover. */
export function customHostPatterns(adapters: readonly Adapter[]): string[] {
  return uncoveredPatterns(adapters.flatMap((a) => a.matches), BUILTIN_CONSOLE_MATCHES);
}

/** The origins a custom adapter still needs permission for (the options page asks for them from a click). */
export async function missingOrigins(adapter: Adapter): Promise<string[]> {
  const origins = [...new Set(customHostPatterns([adapter]).map(originOf))];
  const missing: string[] = [];
  for (const origin of origins) if (!(await browser.permissions.contains({ origins: [origin] }))) missing.push(origin);
  return missing;
}

/**
 * Makes the runtime-registered content script match exactly the custom hosts that are granted: registered once
 * and kept across browser restarts, updated when adapters or permissions change, removed when none is left.
 * Tabs already open on a newly covered host get the script at once. (Not webext-dynamic-content-scripts: it
 * registers on every granted origin, and the origins of stock feeds and pack URLs are granted too.)
 */
export function syncCustomContentScripts(adapters: readonly Adapter[], options: { exceptTab?: number } = {}): Promise<string[]> {
  // One at a time: a permission event and a save can ask together, and two registrations would collide.
  const run = queue.then(() => sync(adapters, options.exceptTab));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

/** `exceptTab`: a tab whose running script already follows the stored adapters (the one an adapter was taught on). */
async function sync(adapters: readonly Adapter[], exceptTab: number | undefined): Promise<string[]> {
  const files = consoleScriptFiles();
  const granted: string[] = [];
  for (const pattern of customHostPatterns(adapters)) {
    if (await browser.permissions.contains({ origins: [originOf(pattern)] })) granted.push(pattern);
  }
  const existing = (await browser.scripting.getRegisteredContentScripts({ ids: [CUSTOM_SCRIPT_ID] }))[0];
  const before = existing?.matches ?? [];
  if (sameSet(before, granted)) return granted;
  if (existing) await browser.scripting.unregisterContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
  if (granted.length && files.length) {
    await browser.scripting.registerContentScripts([
      { id: CUSTOM_SCRIPT_ID, matches: granted, js: files, runAt: 'document_end', persistAcrossSessions: true },
    ]);
    const added = granted.filter((p) => !before.includes(p));
    if (added.length) await injectIntoOpenTabs(added, files, exceptTab);
  }
  return granted;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
