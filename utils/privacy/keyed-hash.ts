/** HMAC-SHA-256 of `message` under this install's secret, as hex. The imported key is kept per secret. */
const keys = new Map<string, Promise<CryptoKey>>();

function keyFor(secretHex: string): Promise<CryptoKey> {
  let key = keys.get(secretHex);
  if (!key) {
    const raw = new Uint8Array(secretHex.match(/../g)!.map((pair) => parseInt(pair, 16)));
    keys.set(secretHex, (key = crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])));
  }
  return key;
}

/**
 * In a Firefox content script the MAC's buffer belongs to the page's compartment: typed-array methods that look up
 * their species (`slice`, `map`) are denied on it ("Permission denied to access property constructor"), so its first
 * `bytes` are viewed in place and read in order.
 */
export async function keyedHash(secretHex: string, message: string, bytes = 32): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await keyFor(secretHex), new TextEncoder().encode(message)), 0, bytes);
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}
