/** Message keys of public/_locales/zh_CN/messages.json (typed by WXT's generated i18n declarations). */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** Localised UI text: Simplified Chinese by default, English where the browser's UI language is English. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || String(key);
  } catch {
    // A content script orphaned by an extension update (its UI is about to be removed): never throw into the page.
    return String(key);
  }
}
