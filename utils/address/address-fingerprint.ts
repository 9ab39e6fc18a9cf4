/**
 * A privacy-preserving key for "this receiver was verified": SHA-256 over the
 * normalised receiver, so the same person/address written differently
 * (浙江 杭州 vs 浙江省杭州市, full-width digits, spaces) gives the same key and
 * the address itself is never stored.
 */
import { parseAddress } from './parse-address';
import { formatPhone } from './phone-format';
import { sha256Hex } from '@/utils/text/sha256-hex';

// Bumped if normalisation changes, so old keys simply stop matching.
const FINGERPRINT_VERSION = 'addr-v1';
const FIELD_SEPARATOR = '\u001f';
const WHITESPACE_AND_PUNCTUATION = /[\s\p{P}\p{S}]/gu;

function squeeze(text: string | undefined): string {
  return (text ?? '').normalize('NFKC').replace(WHITESPACE_AND_PUNCTUATION, '').toLowerCase();
}

export async function addressFingerprint(parts: { name?: string; phone?: string; address: string }): Promise<string> {
  const parsed = parseAddress(parts.address);
  const phone = parts.phone?.trim() ? formatPhone(parts.phone) : (parsed.phone ?? '');
  const canonical = [
    FINGERPRINT_VERSION,
    squeeze(parts.name?.trim() ? parts.name : parsed.name),
    squeeze(phone),
    parsed.province ?? '',
    parsed.city ?? '',
    parsed.district ?? '',
    squeeze(parsed.detail),
  ].join(FIELD_SEPARATOR);
  return sha256Hex(canonical);
}
