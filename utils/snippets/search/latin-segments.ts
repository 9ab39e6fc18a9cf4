/**
 * The distinct pinyin and initials strings of a library (title and each tag apart), each with the
 * snippets that have it. Typo matching scans these instead of every snippet: tags and title
 * variants repeat, so there are far fewer of them, and each is short.
 */
import { SEARCH_FIELD_SEPARATOR } from './normalize';
import { matchesWithinOneEdit, type OneEditPattern } from './one-edit-match';

export interface LatinSegments {
  readonly texts: readonly string[];
  /** Bit (c - 'a') set when letter c occurs in the segment: rejects most segments before matching. */
  readonly letterMasks: Int32Array;
  /** Snippets of segment s are owners[ownerStarts[s] .. ownerStarts[s + 1]). */
  readonly ownerStarts: Int32Array;
  readonly owners: Int32Array;
}

const CHAR_A = 97;

export function letterMaskOf(s: string): number {
  let mask = 0;
  for (let k = 0; k < s.length; k++) {
    const letter = s.charCodeAt(k) - CHAR_A;
    if (letter >= 0 && letter < 26) mask |= 1 << letter;
  }
  return mask;
}

/** Each snippet's keys, split on the field separator; a snippet is listed once per distinct segment. */
export function buildLatinSegments(keysPerSnippet: readonly (readonly string[])[]): LatinSegments {
  const segmentOf = new Map<string, number>();
  const ownersOf: number[][] = [];
  keysPerSnippet.forEach((keys, snippet) => {
    for (const key of keys) {
      for (const text of key.split(SEARCH_FIELD_SEPARATOR)) {
        if (text === '') continue;
        let s = segmentOf.get(text);
        if (s === undefined) {
          s = ownersOf.length;
          segmentOf.set(text, s);
          ownersOf.push([]);
        }
        const owners = ownersOf[s] as number[];
        if (owners[owners.length - 1] !== snippet) owners.push(snippet);
      }
    }
  });
  const texts = [...segmentOf.keys()];
  const ownerStarts = new Int32Array(texts.length + 1);
  ownersOf.forEach((owners, s) => (ownerStarts[s + 1] = (ownerStarts[s] ?? 0) + owners.length));
  return {
    texts,
    letterMasks: Int32Array.from(texts, letterMaskOf),
    ownerStarts,
    owners: Int32Array.from(ownersOf.flat()),
  };
}

/** Marks (sets to `stamp`) every snippet with a segment within one edit of the pattern. */
export function markOneEditMatches(segments: LatinSegments, pattern: OneEditPattern, patternLetters: number, marks: Int32Array, stamp: number): void {
  const { texts, letterMasks, ownerStarts, owners } = segments;
  for (let s = 0; s < texts.length; s++) {
    // One edit can bring in at most one letter the segment lacks.
    const missing = patternLetters & ~(letterMasks[s] ?? 0);
    if ((missing & (missing - 1)) !== 0) continue;
    if (!matchesWithinOneEdit(pattern, texts[s] ?? '')) continue;
    const end = ownerStarts[s + 1] ?? 0;
    for (let k = ownerStarts[s] ?? 0; k < end; k++) marks[owners[k] ?? 0] = stamp;
  }
}
