/** The file list scripting.executeScript takes. */
export type ScriptFiles = NonNullable<Parameters<typeof browser.scripting.executeScript>[0]['files']>;

/** The console content script's built files, as our own manifest names them. */
export function consoleScriptFiles(): ScriptFiles {
  return packagePaths(browser.runtime.getManifest().content_scripts?.[0]?.js ?? []);
}

/**
 * Files of our package as paths inside it. Firefox's `getManifest()` gives them as full moz-extension:// URLs,
 * which `scripting.registerContentScripts` refuses ("must be a relative URL"); Chromium gives the paths.
 */
export function packagePaths(files: readonly string[]): ScriptFiles {
  const root = browser.runtime.getURL('/');
  return files.map((file) => (file.startsWith(root) ? file.slice(root.length) : file)) as ScriptFiles;
}

export async function injectIntoTab(tabId: number, files: ScriptFiles): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files });
}

/** Injects the script into the open tabs that match (but `exceptTab`); discarded tabs load it when they are woken. */
export async function injectIntoOpenTabs(matches: string[], files: ScriptFiles, exceptTab?: number): Promise<void> {
  const tabs = (await browser.tabs.query({ url: matches })).filter((tab) => tab.id !== exceptTab);
  await Promise.all(
    tabs.map((tab) =>
      tab.id == null || tab.discarded
        ? undefined
        : injectIntoTab(tab.id, files).catch(() => {
            // Tabs still loading or showing an error page: their own navigation loads the script.
          }),
    ),
  );
}
