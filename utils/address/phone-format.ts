/**
 * What kind of telephone number a string is. Shared by the parser (to find
 * the number in free text), the checker (to judge it) and the masker.
 */

export type PhoneKind =
  | 'mobile' // mainland 1[3-9]xxxxxxxxx
  | 'masked-mobile' // 138****8000 as consoles show it; cannot be judged
  | 'landline' // mainland 0571-88886666
  | 'hk' // 8 digits
  | 'mo' // 8 digits starting 6 (mobile) or 28 (fixed)
  | 'tw'; // 09xxxxxxxx

export interface PhoneShape {
  /** Country calling code if written (+852…); 86 is dropped as it adds nothing. */
  readonly countryCode: '852' | '853' | '886' | undefined;
  /** The national number: digits, `*` of a mask, and `-` between landline area code and number. */
  readonly national: string;
  readonly kinds: readonly PhoneKind[];
}

// 010, 02x: three-digit area codes; every other mainland area code has four digits.
export const LANDLINE = /^(010|02\d|0[3-9]\d{2})-?([2-9]\d{6,7})(?:-(\d{1,5}))?$/;
const MOBILE = /^1[3-9]\d{9}$/;
const MASKED_MOBILE = /^1\d{2}\*{4}\d{4}$/;
const HK = /^[2-9]\d{7}$/;
const MO = /^(?:6\d{7}|28\d{6})$/;
const TW = /^09\d{8}$/;
// Written country codes; a bare 86 only counts in front of a mobile (8613800138000).
const COUNTRY_PREFIX = /^(?:(?:\+|00)(852|853|886|86)|(86)(?=1[3-9]\d{9}$))/;

/** Removes spacing and brackets but keeps the area-code hyphen and an extension. */
function compact(phone: string): string {
  return phone
    .normalize('NFKC')
    .trim()
    .replace(/^\((0\d{2,3})\)/, '$1-')
    .replace(/(转|ext\.?|#)(?=\d)/i, '-')
    .replace(/[\s()]/g, '')
    .replace(/-+/g, '-');
}

export function phoneShape(phone: string): PhoneShape {
  let national = compact(phone);
  let countryCode: PhoneShape['countryCode'];
  const withoutHyphens = national.replace(/-/g, '');
  const prefix = COUNTRY_PREFIX.exec(withoutHyphens);
  const code = prefix?.[1] ?? prefix?.[2];
  if (prefix && code) {
    national = withoutHyphens.slice(prefix[0].length);
    if (code !== '86') countryCode = code as PhoneShape['countryCode'];
    // +886 912 345 678 is dialled 0912 345 678 at home.
    if (countryCode === '886' && national.startsWith('9')) national = `0${national}`;
  }
  const digits = national.replace(/-/g, '');
  const kinds: PhoneKind[] = [];
  if (countryCode === undefined) {
    if (MOBILE.test(digits)) kinds.push('mobile');
    if (MASKED_MOBILE.test(digits)) kinds.push('masked-mobile');
    if (LANDLINE.test(national) || LANDLINE.test(digits)) kinds.push('landline');
  }
  if ((countryCode === undefined || countryCode === '852') && HK.test(digits)) kinds.push('hk');
  if ((countryCode === undefined || countryCode === '853') && MO.test(digits)) kinds.push('mo');
  if ((countryCode === undefined || countryCode === '886') && TW.test(digits)) kinds.push('tw');
  if (kinds.includes('mobile') || kinds.includes('masked-mobile')) national = digits;
  return { countryCode, national, kinds };
}

/** The number as the parser reports it: national form, prefixed with +852/+853/+886 when written. */
export function formatPhone(phone: string): string {
  const shape = phoneShape(phone);
  if (!shape.countryCode) return shape.national;
  // The trunk 0 of Taiwanese numbers is not dialled after +886.
  const national = shape.countryCode === '886' ? shape.national.replace(/^0/, '') : shape.national;
  return `+${shape.countryCode}${national.replace(/-/g, '')}`;
}
