/** Keyboard commands (rebindable at chrome://extensions/shortcuts) and the message each sends to the active tab. */
export const COMMAND_MESSAGES: Record<string, { type: 'palette.open' | 'clock.jump' }> = {
  'open-snippets': { type: 'palette.open' },
  'jump-to-waiting': { type: 'clock.jump' },
};

/** The command listener: tells the active console tab; a tab without Xiaoer simply does not answer. */
export async function runCommand(command: string): Promise<void> {
  const message = COMMAND_MESSAGES[command];
  if (!message) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id != null) await browser.tabs.sendMessage(tab.id, message).catch(() => {});
}
