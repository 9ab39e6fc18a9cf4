import type { ClockRecord } from './records';
import { randomHex } from '../privacy/install-key';

/**
 * The same records under fresh random buyer keys (one per old key, so a day's figures count the same buyers): what
 * keeps the figures of keys this install cannot trust or match (made before its key, or on another install).
 */
export function pseudonymizeBuyerKeys(records: readonly ClockRecord[]): ClockRecord[] {
  const fresh = new Map<string, string>();
  return records.map((record) => {
    let key = fresh.get(record.key);
    if (!key) fresh.set(record.key, (key = randomHex(16)));
    return { ...record, key };
  });
}
