/**
 * The buyer key the worker stores instead of a name: the first 128 bits of SHA-256 over the adapter id and the
 * buyer's name, so the same buyer on the same console is the same key and the name itself never leaves the tab.
 */
export async function buyerKey(adapterId: string, buyerName: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${adapterId}\n${buyerName.trim()}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
