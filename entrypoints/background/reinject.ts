type ScriptFiles = NonNullable<Parameters<typeof browser.scripting.executeScript>[0]['files']>;

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
    const files = (script.js ?? []) as ScriptFiles;
    if (!matches.length || !files.length) continue;
    const tabs = await browser.tabs.query({ url: matches });
    await Promise.all(
      tabs.map((tab) =>
        tab.id == null || tab.discarded
          ? undefined
          : browser.scripting.executeScript({ target: { tabId: tab.id }, files }).catch(() => {
              // Tabs still loading or showing an error page: their own navigation loads the script.
            }),
      ),
    );
  }
}
