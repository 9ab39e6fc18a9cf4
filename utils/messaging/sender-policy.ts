/** Who may send a request: a content script in a console tab, or one of our own pages (popup, options). */
export type SenderKind = 'content' | 'extension-page';

/** The parts of runtime.MessageSender the policy looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * Classifies a message sender, or returns null for anything that is not ours
 * (another extension, a web page, an unknown context).
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionBaseUrl: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(extensionBaseUrl)) return 'extension-page';
  if (sender.tab?.id != null) return 'content';
  return null;
}
