/**
 * Canonical form of a product/SKU code, so that the code typed in an ERP
 * (often full-width, padded or lower-case) matches the one on the shop page.
 */

// Dashes that NFKC leaves alone but that agents and ERPs use as hyphens:
// U+2010–U+2015 hyphens/dashes, U+2212 minus, U+30FC katakana long vowel (ー),
// U+FE58/U+FE63/U+FF0D small/full-width hyphen-minus.
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFE58\uFE63\uFF0D]/g;

// \s covers ASCII and Unicode spaces (incl. U+3000, U+FEFF); zero-width
// characters are not \s but sneak in through copy-paste from web pages.
const INVISIBLE_OR_SPACE = /[\s\u200B-\u200D\u2060]+/g;

/** Printable ASCII without spaces: the usual ERP code, which needs no Unicode folding. */
const PLAIN_ASCII = /^[\x21-\x7E]*$/;

export function normalizeCode(raw: string): string {
  if (!raw) return '';
  // Fast path: an import normalises every code of a 100k-row file.
  if (PLAIN_ASCII.test(raw)) return raw.toUpperCase();
  return raw.normalize('NFKC').replace(DASHES, '-').replace(INVISIBLE_OR_SPACE, '').toUpperCase();
}
