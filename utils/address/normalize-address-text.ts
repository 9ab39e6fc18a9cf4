/**
 * Cleans pasted receiver text before parsing: consoles hand us full-width
 * digits, HTML fragments, zero-width characters and exotic dashes.
 */

const TAGS = /<[^>]*>/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
};
const ENTITY = /&(?:nbsp|amp|lt|gt|quot|apos|#39);|&#(\d{1,6});/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
// Hyphens/dashes NFKC leaves alone (U+2010–2015, minus, small/full-width hyphen, 〜-like waves).
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u301C\uFF5E]/g;
const SPACES = /\s+/g;

export function normalizeAddressText(text: string): string {
  if (!text) return '';
  return text
    .normalize('NFKC')
    .replace(TAGS, ' ')
    .replace(ENTITY, (entity: string, code: string | undefined) =>
      code ? String.fromCodePoint(Number(code)) : (ENTITIES[entity] ?? ' '),
    )
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim();
}

/** Separators between address parts as buyers and consoles write them (after NFKC). */
export const SEPARATOR_CHARS = ' ,;、|/\\:';

export function isSeparator(ch: string | undefined): boolean {
  return ch !== undefined && SEPARATOR_CHARS.includes(ch);
}

/** Collapses separator runs to one space and trims them off both ends. */
export function tidySeparators(text: string): string {
  return text
    .replace(/[\s,;、|]+/g, ' ')
    .replace(/^[\s,;、|:\\/-]+|[\s,;、|:\\/-]+$/g, '')
    .trim();
}

// 浙江 省 杭州 市: a division suffix typed as its own word.
const LONE_SUFFIX = / (?=[省市区县旗盟州](?: |$))/g;
// 浙 江 省杭州市: a name typed with a space between every character.
const LONE_CHARACTER = /(?<=(?:^| )[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g;

/** Repairs spacing typos inside division names; expects single spaces (see normalizeAddressText). */
export function closeSpacingTypos(text: string): string {
  return text.replace(LONE_SUFFIX, '').replace(LONE_CHARACTER, '');
}
