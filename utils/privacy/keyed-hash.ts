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

export async function keyedHash(secretHex: string, message: string, bytes = 32): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await keyFor(secretHex), new TextEncoder().encode(message)));
  return Array.from(mac.slice(0, bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}
