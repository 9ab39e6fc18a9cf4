import { injectIntoOpenTabs, packagePaths } from '@/utils/runtime/inject-content-script';

/**
 * After an install, update or reload, tabs that were already open keep the old (now orphaned) content
 * script and get no new one. Inject the current one: it tells the old copy to remove itself
 * (WXT's ContentScriptContext), so the agent sees no duplicates and no "context invalidated" errors.
 */
export async function reinjectContentScripts(): Promise<void> {
  // The manifest's scripts, and the one registered at runtime for custom adapters' hosts.
  const registered = await browser.scripting.getRegisteredContentScripts().catch(() => []);
  const scripts = [...(browser.runtime.getManifest().content_scripts ?? []), ...registered];
  for (const script of scripts) {
    const matches = script.matches ?? [];
    // Paths come from our own manifest, so they are the built content script files.
    const files = packagePaths(script.js ?? []);
    if (matches.length && files.length) await injectIntoOpenTabs(matches, files);
  }
}
