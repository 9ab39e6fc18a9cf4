/**
 * Hides the middle of a phone number for display and logs:
 * 13800138000 → 138****8000, 0571-88886666 → 0571-****6666.
 */
import { LANDLINE } from './phone-format';

const VISIBLE_TAIL = 4;

function maskDigits(digits: string, visibleHead: number): string {
  const hidden = Math.max(0, digits.length - visibleHead - VISIBLE_TAIL);
  return digits.slice(0, visibleHead) + '*'.repeat(hidden) + digits.slice(visibleHead + hidden);
}

export function maskPhone(phone: string): string {
  const written = phone.normalize('NFKC').trim();
  if (!written || written.includes('*')) return written;
  const prefix = /^(\+\d{2,3})[\s-]?/.exec(written);
  const countryCode = prefix?.[1] ?? '';
  const rest = written.slice(prefix?.[0].length ?? 0);
  const landline = LANDLINE.exec(rest.replace(/\s/g, ''));
  if (!countryCode && landline?.[1] && landline[2]) {
    // Keep the area code: it tells the agent the city without revealing the line.
    const separator = rest.includes('-') || rest.includes(' ') ? '-' : '';
    const extension = landline[3] ? `-${landline[3]}` : '';
    return `${landline[1]}${separator}${maskDigits(landline[2], 0)}${extension}`;
  }
  const digits = rest.replace(/\D/g, '');
  if (digits.length <= VISIBLE_TAIL) return '*'.repeat(digits.length);
  // 11-digit mobiles keep 3 in front (号段); shorter HK/MO/TW numbers keep 2.
  const visibleHead = digits.length >= 11 ? 3 : digits.length >= 8 ? 2 : 0;
  return (countryCode ? `${countryCode} ` : '') + maskDigits(digits, visibleHead);
}
