import { addressFingerprint } from './address-fingerprint';
import { checkAddress, type AddressProblem } from './address-problems';
import { parseAddress, type ParsedAddress } from './parse-address';

/** What the order card shows about a receiver, computed in the worker (which holds the division data). */
export interface AddressCheck {
  parsed: ParsedAddress;
  problems: AddressProblem[];
  /** Hash of the normalised receiver: what "verified" is remembered by. */
  fingerprint: string;
}

export async function checkReceiver(raw: { name?: string; phone?: string; address: string }): Promise<AddressCheck> {
  const parsed = parseAddress(raw.address);
  return { parsed, problems: checkAddress(parsed, raw), fingerprint: await addressFingerprint(raw) };
}
