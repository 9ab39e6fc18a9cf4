import { keyedHash } from '../privacy/keyed-hash';

/**
 * The buyer key the worker stores instead of a name: the first 128 bits of HMAC-SHA-256, under this install's secret,
 * over the adapter id and the buyer's name, so the same buyer on the same console is the same key, the name itself
 * never leaves the tab, and a key cannot be found again by hashing guessed nicknames.
 */
export async function buyerKey(secret: string, adapterId: string, buyerName: string): Promise<string> {
  return keyedHash(secret, `buyer-v2\n${adapterId}\n${buyerName.trim()}`, 16);
}
