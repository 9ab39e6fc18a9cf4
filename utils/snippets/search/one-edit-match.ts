import { SEARCH_FIELD_SEPARATOR } from './normalize';

/** Bit-parallel matching works on one 32-bit word, so longer patterns get no typo tolerance. */
export const MAX_ONE_EDIT_PATTERN = 31;
/** Typo tolerance is for Latin (pinyin) tokens, so a table over ASCII suffices. */
const ASCII = 128;

const SEPARATOR_CODE = SEARCH_FIELD_SEPARATOR.charCodeAt(0);

/** A pattern compiled once per query token, reused against every candidate string. */
export interface OneEditPattern {
  readonly length: number;
  /** Bit j of charMasks[c] is set when pattern[j] === c (ASCII only). */
  readonly charMasks: Int32Array;
}

export function compileOneEditPattern(pattern: string): OneEditPattern | null {
  if (pattern.length === 0 || pattern.length > MAX_ONE_EDIT_PATTERN) return null;
  const charMasks = new Int32Array(ASCII);
  for (let j = 0; j < pattern.length; j++) {
    const code = pattern.charCodeAt(j);
    if (code >= ASCII) return null;
    charMasks[code] = (charMasks[code] ?? 0) | (1 << j);
  }
  return { length: pattern.length, charMasks };
}

/**
 * Whether some substring of `text` is at most one edit from the pattern: a substitution,
 * an insertion, a deletion or a swap of two adjacent characters (optimal string alignment).
 * Shift-And with one error (Wu–Manber) plus a transposition term; no match spans a field separator.
 */
export function matchesWithinOneEdit(compiled: OneEditPattern, text: string): boolean {
  const masks = compiled.charMasks;
  const accept = 1 << (compiled.length - 1);
  // Bit j of exact / oneEdit: pattern[0..j] ends here with no / at most one edit.
  let exact = 0;
  // Bit 0 is always set: a pattern whose first character is deleted starts matching at its second.
  let oneEdit = 1;
  // Prefix lengths matched exactly two characters back, whose next-but-one pattern char is the previous text char.
  let swapPending = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === SEPARATOR_CODE) {
      exact = 0;
      oneEdit = 1;
      swapPending = 0;
      continue;
    }
    const mask = code < ASCII ? (masks[code] ?? 0) : 0;
    const prefixesBefore = (exact << 1) | 1;
    const nextExact = prefixesBefore & mask;
    oneEdit =
      (((oneEdit << 1) | 1) & mask) | // an earlier edit, then this char matches
      prefixesBefore | // substitution: this char stands for pattern[j]
      exact | // insertion: this text char is extra
      (nextExact << 1) | // deletion: pattern[j] is missing from the text
      ((swapPending & mask) << 1); // transposition: pattern[j-1..j] appear swapped
    swapPending = prefixesBefore & (mask >>> 1);
    exact = nextExact;
    if ((oneEdit | exact) & accept) return true;
  }
  return false;
}
