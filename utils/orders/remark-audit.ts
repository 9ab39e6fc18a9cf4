// Remark audit: does an order remark follow the shop's standard template
// (./remark-format.ts)? A team lead uses it to find remarks written by hand.
//
// A remark is split into entries — at ` | ` (the separator appendRemark writes),
// at line breaks, and at `；`/`;` when the next entry starts like the template
// (default `[`) — and each entry is matched against a matcher derived from the
// template:
//   template text     literally, except that a space next to a variable may be
//                     missing (an empty {内容} collapses `] ` + ` /` into `] /`) and
//                     whitespace runs count as one space (entries are compared on one line)
//   {原因}            any text, at least one visible character (non-greedy)
//   {内容}            any text, may be empty (non-greedy)
//   {工号}            ASCII letters/digits, at least one
//   {时间}            `\d{2}-\d{2} \d{2}:\d{2}`
//   {日期}            `\d{2}-\d{2}`
//   unknown {xxx}     literally (formatRemark writes it literally)
// Matching is a memoised search over (template part, position) rather than a
// regular expression: with several free variables a backtracking regex can take
// polynomial-to-exponential time on an unlucky remark, this stays
// O(parts × length²) and entries are capped at MAX_ENTRY_LENGTH.

import { DEFAULT_REMARK_TEMPLATE, parseRemarkTemplate, toOneLine } from './remark-format';

/** An entry longer than this is not standard (no formatted line is longer than the 500-character memo). */
export const MAX_ENTRY_LENGTH = 1000;

type MatchPart =
  | { kind: 'lit'; text: string }
  | { kind: 'free'; needsText: boolean }
  | { kind: 'id' }
  | { kind: 'digits'; shape: string };

export interface RemarkMatcher {
  /** First character a standard entry starts with ('' if the template starts with a variable). */
  lead: string;
  test(entry: string): boolean;
}

const TIME_SHAPE = '00-00 00:00';
const DATE_SHAPE = '00-00';
const isDigit = (c: string) => c >= '0' && c <= '9';
const isIdChar = (c: string) => isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

function compile(template: string): MatchPart[] {
  const parts: MatchPart[] = [];
  const pushLit = (text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.kind === 'lit') last.text += text;
    else parts.push({ kind: 'lit', text });
  };
  for (const p of parseRemarkTemplate(template)) {
    if (p.kind === 'text') pushLit(p.text);
    else if (p.kind === 'unknown') pushLit(p.raw);
    else if (p.name === 'reason') parts.push({ kind: 'free', needsText: true });
    else if (p.name === 'detail') parts.push({ kind: 'free', needsText: false });
    else if (p.name === 'agentId') parts.push({ kind: 'id' });
    else parts.push({ kind: 'digits', shape: p.name === 'time' ? TIME_SHAPE : DATE_SHAPE });
  }
  // Compare on one line, like formatRemark writes: whitespace runs → one space, ends trimmed.
  for (const p of parts) if (p.kind === 'lit') p.text = p.text.replace(/\s+/g, ' ');
  const first = parts[0];
  if (first && first.kind === 'lit') first.text = first.text.replace(/^ /, '');
  const last = parts[parts.length - 1];
  if (last && last.kind === 'lit') last.text = last.text.replace(/ $/, '');
  return parts.filter((p) => p.kind !== 'lit' || p.text);
}

/** Build a matcher for entries of remarks written with `template`. */
export function remarkMatcher(template: string = DEFAULT_REMARK_TEMPLATE): RemarkMatcher {
  const parts = compile(template);
  const first = parts[0];
  const lead = first && first.kind === 'lit' ? first.text.charAt(0) : '';

  const test = (entry: string): boolean => {
    const s = toOneLine(entry);
    if (!s || s.length > MAX_ENTRY_LENGTH) return false;
    const n = s.length;
    const memo = new Map<number, boolean>();

    // Where a literal starting at i can end: a space at either end of the literal may be
    // absent from s (an empty value collapses the spaces around it); inner spaces are required.
    // Taking a present space greedily is enough: s has no double spaces, and no part
    // that can follow a literal needs to start with a space.
    const litEnd = (text: string, i: number): number => {
      let k = i;
      for (let t = 0; t < text.length; t++) {
        const c = text.charAt(t);
        if (c === ' ' && (t === 0 || t === text.length - 1)) {
          if (s.charAt(k) === ' ') k++;
          continue;
        }
        if (s.charAt(k) !== c) return -1;
        k++;
      }
      return k;
    };

    const match = (p: number, i: number): boolean => {
      if (p === parts.length) return i === n;
      const key = p * (n + 1) + i;
      const known = memo.get(key);
      if (known !== undefined) return known;
      let ok = false;
      const part = parts[p]!;
      switch (part.kind) {
        case 'lit': {
          const end = litEnd(part.text, i);
          ok = end >= 0 && match(p + 1, end);
          break;
        }
        case 'free': {
          // Non-greedy: shortest first. A visible character is needed for {原因};
          // s has single spaces only, so any two characters include one.
          for (let j = i; j <= n && !ok; j++) {
            if (part.needsText && (j === i || (j === i + 1 && s.charAt(i) === ' '))) continue;
            ok = match(p + 1, j);
          }
          break;
        }
        case 'id': {
          for (let j = i; j < n && isIdChar(s.charAt(j)) && !ok; j++) ok = match(p + 1, j + 1);
          break;
        }
        case 'digits': {
          const shape = part.shape;
          let k = 0;
          while (k < shape.length) {
            const want = shape.charAt(k);
            const got = s.charAt(i + k);
            if (want === '0' ? !isDigit(got) : got !== want) break;
            k++;
          }
          ok = k === shape.length && match(p + 1, i + k);
          break;
        }
      }
      memo.set(key, ok);
      return ok;
    };
    return match(0, 0);
  };
  return { lead, test };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Split a remark into entries: at line breaks, at a `|`/`｜` with whitespace on
 * at least one side (so `S|M` in a detail stays whole), and at `；`/`;` followed
 * by `lead` (the template's first character, `[` by default). Entries are trimmed;
 * empty ones are dropped. With `isStandard`, pieces split at `；` are joined again
 * when only together they make a standard entry (a detail such as `一；[二]`).
 */
export function splitRemarkEntries(text: string, lead = '[', isStandard?: (entry: string) => boolean): string[] {
  const semicolon = lead ? new RegExp(`([；;])(?=\\s*${escapeRegExp(lead)})`) : null;
  const out: string[] = [];
  for (const line of String(text ?? '').split(/\r\n|\r|\n|\u2028|\u2029/)) {
    for (const piece of line.split(/\s*[|｜]\s+|\s+[|｜]\s*/)) {
      // split with a capture group: [text, sep, text, sep, text, …]
      const bits = semicolon ? piece.split(semicolon) : [piece];
      const texts = bits.filter((_, k) => k % 2 === 0);
      const seps = bits.filter((_, k) => k % 2 === 1);
      for (let i = 0; i < texts.length; ) {
        let end = i; // last piece of this entry
        if (isStandard && texts.length - i > 1 && !isStandard(texts[i]!.trim())) {
          let joined = texts[i]!;
          for (let j = i + 1; j < texts.length && j - i <= MAX_REJOIN; j++) {
            joined += seps[j - 1]! + texts[j]!;
            if (isStandard(joined.trim())) {
              end = j;
              break;
            }
          }
        }
        let entry = texts[i]!;
        for (let j = i + 1; j <= end; j++) entry += seps[j - 1]! + texts[j]!;
        const trimmed = entry.trim();
        if (trimmed) out.push(trimmed);
        i = end + 1;
      }
    }
  }
  return out;
}

/** How many following `；` pieces a nonstandard piece may be joined with. */
const MAX_REJOIN = 8;

export interface RemarkAudit {
  /** True when every entry follows the template (an empty remark is standard: nothing to flag). */
  standard: boolean;
  entries: { text: string; standard: boolean }[];
}

/** Split a remark into entries and say which follow the template (default DEFAULT_REMARK_TEMPLATE). */
export function findNonstandardRemarks(text: string, template: string = DEFAULT_REMARK_TEMPLATE): RemarkAudit {
  const matcher = remarkMatcher(template);
  const entries = splitRemarkEntries(text, matcher.lead || '[', matcher.test).map((entry) => ({ text: entry, standard: matcher.test(entry) }));
  return { standard: entries.every((e) => e.standard), entries };
}

/** True when the whole remark follows the template (empty → true). */
export function isStandardRemark(text: string, template: string = DEFAULT_REMARK_TEMPLATE): boolean {
  return findNonstandardRemarks(text, template).standard;
}
