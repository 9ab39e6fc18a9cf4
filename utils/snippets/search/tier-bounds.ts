/**
 * The best tier a token can reach in a whole library, from the characters and character pairs each field
 * holds somewhere in it: a search walking snippets best-first stops once no later one can beat its results,
 * and a tight bound ("ch" is in no snippet's initials, so it cannot reach the initials tier) lets it stop sooner.
 * Pairs are hashed into a bit set: a collision only loosens the bound, never wrongly tightens it.
 */
import { MatchTier } from './match-tiers';

const CHAR_BITS = 65536;
const PAIR_BITS = 1 << 20;

/** What the field of some snippet of the library holds: anywhere, and at its start (the prefix tiers). */
export interface FieldChars {
  readonly chars: Uint32Array;
  readonly pairs: Uint32Array;
  readonly firstChars: Uint32Array;
  readonly firstPairs: Uint32Array;
}

export interface LibraryChars {
  readonly title: FieldChars;
  readonly initials: FieldChars;
  readonly pinyin: FieldChars;
  /** The text (title, tags, shortcut, body): a token no field may hold matches nothing exactly. */
  readonly text: FieldChars;
  readonly shortcuts: Set<string>;
}

export function emptyLibraryChars(): LibraryChars {
  const field = (): FieldChars => ({
    chars: new Uint32Array(CHAR_BITS / 32),
    pairs: new Uint32Array(PAIR_BITS / 32),
    firstChars: new Uint32Array(CHAR_BITS / 32),
    firstPairs: new Uint32Array(PAIR_BITS / 32),
  });
  return { title: field(), initials: field(), pinyin: field(), text: field(), shortcuts: new Set() };
}

function pairBit(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ second) & (PAIR_BITS - 1);
}

function set(bits: Uint32Array, bit: number): void {
  bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
}

function has(bits: Uint32Array, bit: number): boolean {
  return ((bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
}

export function addFieldChars(field: FieldChars, text: string): void {
  if (text.length === 0) return;
  set(field.firstChars, text.charCodeAt(0));
  if (text.length > 1) set(field.firstPairs, pairBit(text.charCodeAt(0), text.charCodeAt(1)));
  let previous = -1;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    set(field.chars, code);
    if (previous >= 0) set(field.pairs, pairBit(previous, code));
    previous = code;
  }
}

/** Whether the field of some snippet may hold the token (anywhere, or at its start). */
function mayHold(field: FieldChars, token: string, atStart: boolean): boolean {
  if (token.length === 1) return has(atStart ? field.firstChars : field.chars, token.charCodeAt(0));
  if (atStart && !has(field.firstPairs, pairBit(token.charCodeAt(0), token.charCodeAt(1)))) return false;
  for (let k = 1; k < token.length; k++) if (!has(field.pairs, pairBit(token.charCodeAt(k - 1), token.charCodeAt(k)))) return false;
  return true;
}

/** No snippet of the library matches the (non-empty) token exactly better than this; MatchTier.none when none can. */
export function bestPossibleTier(chars: LibraryChars, token: string): number {
  if (chars.shortcuts.has(token)) return MatchTier.shortcut;
  const best = (field: FieldChars, prefix: number, contains: number): number =>
    !mayHold(field, token, false) ? MatchTier.none : mayHold(field, token, true) ? prefix : contains;
  return (
    best(chars.title, MatchTier.titlePrefix, MatchTier.titleContains) ||
    best(chars.initials, MatchTier.initialsPrefix, MatchTier.initialsContains) ||
    best(chars.pinyin, MatchTier.pinyinPrefix, MatchTier.pinyinContains) ||
    (mayHold(chars.text, token, false) ? MatchTier.text : MatchTier.none)
  );
}
