import { addressFingerprint } from './address-fingerprint';
import { checkAddress, type AddressProblem } from './address-problems';
import { parseAddress, type ParsedAddress } from './parse-address';
import { isMaskedReceiver } from './masked-receiver';

/** What the order card shows about a receiver, computed in the worker (which holds the division data). */
export interface AddressCheck {
  parsed: ParsedAddress;
  problems: AddressProblem[];
  /** Keyed hash of the normalised receiver: what "verified" is remembered by. */
  fingerprint: string;
}

/** `secret`: this install's (utils/privacy/ensure-install-key.ts). */
export async function checkReceiver(raw: { name?: string; phone?: string; address: string }, secret: string): Promise<AddressCheck> {
  const parsed = parseAddress(raw.address);
  // A masked receiver is never judged: its phone and address only look wrong because the console hides them.
  const problems: AddressProblem[] = isMaskedReceiver(raw) ? [{ kind: 'masked', message: '已打码，打开后再核对' }] : checkAddress(parsed, raw);
  return { parsed, problems, fingerprint: await addressFingerprint(raw, secret) };
}
