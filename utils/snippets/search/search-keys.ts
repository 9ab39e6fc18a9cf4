/**
 * Search keys for one snippet, computed when it is saved or imported (worker / options page).
 * This is the only search module that loads the pinyin dictionary; the content script must not import it.
 */
import { pinyin } from 'pinyin-pro';
import type { SnippetSearchKeys } from '../snippet';
import { normalizeSearchText, SEARCH_FIELD_SEPARATOR } from './normalize';

/** Only the start of a body is searchable: replies are short, and a 100 KB hostile body must not slow search. */
export const MAX_BODY_CHARS_IN_KEYS = 2000;

export interface SearchKeySource {
  title: string;
  body: string;
  tags: string[];
  shortcut?: string;
}

export function computeSearchKeys(s: SearchKeySource): SnippetSearchKeys {
  const heading = [s.title, ...s.tags].map(normalizeSearchText).filter((part) => part !== '');
  const body = normalizeSearchText(s.body.slice(0, MAX_BODY_CHARS_IN_KEYS));
  const text = [...heading, normalizeSearchText(s.shortcut ?? ''), body].join(SEARCH_FIELD_SEPARATOR);
  const readings = heading.map(readingOf);
  return {
    text,
    pinyin: readings.map((r) => r.full).join(SEARCH_FIELD_SEPARATOR),
    initials: readings.map((r) => r.initials).join(SEARCH_FIELD_SEPARATOR),
  };
}

interface Reading {
  full: string;
  initials: string;
}

/** Toneless pinyin of one part; the whole part goes to pinyin-pro at once so it picks polyphones from context (重新 → chongxin). */
function readingOf(part: string): Reading {
  let full = '';
  let initials = '';
  // v: ü is typed as v on Chinese keyboards (绿 → lv).
  for (const syllable of pinyin(part, { toneType: 'none', type: 'all', nonZh: 'consecutive', v: true })) {
    if (syllable.isZh) {
      full += syllable.pinyin;
      initials += syllable.first;
    } else {
      // Latin, digits and punctuation are kept as typed, minus spaces (queries are split on them).
      const kept = syllable.origin.toLowerCase().replace(/\s+/g, '');
      full += kept;
      initials += kept;
    }
  }
  return { full, initials };
}
