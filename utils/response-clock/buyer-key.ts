import { sha256Hex } from '@/utils/text/sha256-hex';

/**
 * The buyer key the worker stores instead of a name: the first 128 bits of SHA-256 over the adapter id and the
 * buyer's name, so the same buyer on the same console is the same key and the name itself never leaves the tab.
 */
export function buyerKey(adapterId: string, buyerName: string): Promise<string> {
  return sha256Hex(`${adapterId}\n${buyerName.trim()}`, 16);
}
