// When typing opens the palette. Agents type Chinese without spaces, and a Chinese input method in Chinese mode
// types `、` for the `/` key (`；` for `;`), so the trigger opens:
// - typed as itself or as its Chinese-mode form (`/` or `、`; `;` or `；`),
// - at the start of the box, after whitespace, or after any character outside ASCII (Chinese text, `：`, `，`, `。` …),
// and never after an ASCII letter, digit or sign, so `https://a/b`, `2026/12/01`, `1/2` and `and/or` stay text.
// What follows the trigger up to the caret (at most 24 characters, no whitespace, no trigger) is the search.

const CHINESE_MODE_FORMS: Record<string, string[]> = { '/': ['、'], ';': ['；'] };

/** The characters that open the palette for the configured trigger. */
export function triggerForms(trigger: string): string[] {
  return [trigger, ...(CHINESE_MODE_FORMS[trigger] ?? [])];
}

const QUERY_MAX = 24;

/** Whether a trigger right after `previous` (undefined: the start of the box) opens the palette. */
export function opensAfter(previous: string | undefined): boolean {
  if (previous === undefined) return true;
  return /\s/.test(previous) || previous.charCodeAt(0) > 0x7f;
}

export interface TriggerMatch {
  /** Where the trigger character is in the text before the caret: the insertion replaces from here to the caret. */
  start: number;
  /** What was typed after it: the search. */
  query: string;
}

/** The trigger and search right before the caret, or null when the text there does not open the palette. */
export function findTrigger(before: string, trigger: string): TriggerMatch | null {
  const forms = triggerForms(trigger);
  for (let at = before.length - 1; at >= 0 && before.length - at - 1 <= QUERY_MAX; at--) {
    const ch = before.charAt(at);
    if (forms.includes(ch)) {
      if (!opensAfter(at > 0 ? before.charAt(at - 1) : undefined)) return null;
      return { start: at, query: before.slice(at + 1) };
    }
    if (/\s/.test(ch)) return null;
  }
  return null;
}

/** A typed shortcut code and a space (`/hy `): the code and where its trigger is, for the shortcut to expand. */
export function findShortcut(before: string, trigger: string): { start: number; code: string } | null {
  // A space typed at the end of a contenteditable is a no-break space (咚咚's editor): the browser keeps it visible.
  if (!before.endsWith(' ') && !before.endsWith('\u00a0')) return null;
  const match = findTrigger(before.slice(0, -1), trigger);
  if (!match || !/^[A-Za-z0-9]{1,16}$/.test(match.query)) return null;
  return { start: match.start, code: match.query };
}
