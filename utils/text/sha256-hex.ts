/**
 * SHA-256 of a text in lowercase hex, its first `bytes` bytes (all 32 by default). In a Firefox content script the
 * digest's buffer belongs to the page's compartment: typed-array methods that look up their species (`slice`, `map`)
 * are denied on it ("Permission denied to access property constructor"), so its bytes are only read in order.
 */
export async function sha256Hex(text: string, bytes = 32): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)), 0, bytes);
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
