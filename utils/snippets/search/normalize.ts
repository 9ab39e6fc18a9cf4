/**
 * Joins the parts of a search key (title, each tag, shortcut, body). Queries are split on
 * whitespace and stripped of control characters, so no match can span two parts.
 */
export const SEARCH_FIELD_SEPARATOR = '\u0001';

// Control characters (the separator among them) and invisible format characters such as
// bidi overrides (U+202E) and zero-width spaces: they would only stop "starts with" matches.
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}]/gu;

/** The one normalisation both keys and queries go through: NFKC (full-width → ASCII), lower case, no invisibles. */
export function normalizeSearchText(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().replace(INVISIBLE_OR_CONTROL, '');
}
