import type { SenderInfo } from '@/utils/messaging/sender-policy';

/** The web host a message came from; none for our own pages. Logged with errors, never the full address. */
export function senderHost(sender: SenderInfo): string | undefined {
  return sender.url ? safeHost(sender.url) : undefined;
}

/** The host of the console tab a content script asked from; none for our own pages. */
export function consoleHost(sender: SenderInfo): string | undefined {
  return sender.tab?.id != null ? senderHost(sender) : undefined;
}

function safeHost(url: string): string | undefined {
  try {
    const { protocol, host } = new URL(url);
    return protocol.startsWith('http') ? host : undefined;
  } catch {
    return undefined;
  }
}
