/**
 * Which snippets hold each run of three Latin letters or digits. Letters are in nearly every snippet
 * (pinyin keys), so per-character postings barely narrow a pinyin token; its trigrams do, and a typo
 * such as "faho" has a trigram ("aho") that no snippet holds, so no snippet is scanned for it at all.
 */

const LETTERS_AND_DIGITS = 36;
const TRIGRAM_KEYS = LETTERS_AND_DIGITS ** 3;

export interface LatinTrigrams {
  /** Snippets (ascending) holding trigram t are snippets[starts[t] .. starts[t + 1]). */
  readonly starts: Int32Array;
  readonly snippets: Int32Array;
}

/** 0–25 for a–z, 26–35 for 0–9, -1 otherwise. */
function latinCode(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 48 + 26;
  return -1;
}

/** Calls `add(key, end)` for each trigram of the text (repeats included), `end` its last char's position. */
function forEachTrigram(text: string, add: (key: number, end: number) => void): void {
  let previous = -1;
  let beforePrevious = -1;
  for (let k = 0; k < text.length; k++) {
    const current = latinCode(text.charCodeAt(k));
    if (current >= 0 && previous >= 0 && beforePrevious >= 0) add((beforePrevious * LETTERS_AND_DIGITS + previous) * LETTERS_AND_DIGITS + current, k);
    beforePrevious = previous;
    previous = current;
  }
}

/** Calls `visit(key, snippet)` once for each distinct trigram of each snippet, snippets in order. */
function forEachDistinctTrigram(haystacks: readonly string[], visit: (key: number, snippet: number) => void): void {
  // Last snippet (+1) that visited each trigram.
  const lastBy = new Int32Array(TRIGRAM_KEYS);
  haystacks.forEach((haystack, i) =>
    forEachTrigram(haystack, (key) => {
      if (lastBy[key] === i + 1) return;
      lastBy[key] = i + 1;
      visit(key, i);
    }),
  );
}

/** Two passes (count, then fill) into one flat array: no list per trigram, 4 bytes per posting. */
export function buildLatinTrigrams(haystacks: readonly string[]): LatinTrigrams {
  const starts = new Int32Array(TRIGRAM_KEYS + 1);
  forEachDistinctTrigram(haystacks, (key) => (starts[key + 1] = (starts[key + 1] as number) + 1));
  for (let key = 0; key < TRIGRAM_KEYS; key++) starts[key + 1] = (starts[key + 1] as number) + (starts[key] as number);
  const snippets = new Int32Array(starts[TRIGRAM_KEYS] as number);
  const next = starts.slice(0, TRIGRAM_KEYS);
  forEachDistinctTrigram(haystacks, (key, snippet) => {
    snippets[next[key] as number] = snippet;
    next[key] = (next[key] as number) + 1;
  });
  return { starts, snippets };
}

/** The posting list of each trigram of the token (a view, not a copy). */
export function trigramPostings(trigrams: LatinTrigrams, token: string): Int32Array[] {
  const lists: Int32Array[] = [];
  forEachTrigram(token, (key) => lists.push(trigrams.snippets.subarray(trigrams.starts[key], trigrams.starts[key + 1])));
  return lists;
}

/** Per position of the token, whether one of its trigrams includes that character. */
export function trigramCoverage(token: string): boolean[] {
  const covered = Array.from({ length: token.length }, () => false);
  forEachTrigram(token, (_, end) => (covered[end] = covered[end - 1] = covered[end - 2] = true));
  return covered;
}
