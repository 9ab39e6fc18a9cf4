/**
 * Reads the leading province/city/district chain of an address
 * (浙江省杭州市西湖区…, 浙江 杭州 西湖区…, 杭州市西湖区…, 西湖区…) and says
 * where it ends; whatever follows is the detail.
 */
import {
  divisionIndex,
  isWithin,
  levelDepth,
  PLACEHOLDER_WORDS,
  type Division,
  type NameEntry,
} from './division-index';
import { isSeparator } from './normalize-address-text';
import { foldTraditional } from './traditional-fold';

export interface DivisionMatch {
  /** The deepest division read; its ancestors are the other levels. */
  readonly division: Division | undefined;
  /** Where the chain starts and ends in the text. */
  readonly start: number;
  readonly end: number;
  /** Set when reading stopped on a name shared by several divisions (鼓楼区 without a city). */
  readonly ambiguous: readonly Division[];
}

interface Candidate {
  readonly division: Division;
  readonly length: number;
  /** Matched through a short name rather than the full name. */
  readonly viaAlias: boolean;
}

// After a short name like 中山/北京 these usually mean a street (中山路, 北京西路, 中山大学).
const STREET_AFTER_SHORT_NAME = '路街道巷弄大中东南西北';

/** Every division whose name or alias starts at `pos`, regardless of context. */
export function namesAt(folded: string, pos: number): Candidate[] {
  const { byName, longestName } = divisionIndex();
  const found: Candidate[] = [];
  const maxLength = Math.min(longestName, folded.length - pos);
  for (let length = maxLength; length >= 2; length -= 1) {
    const entries: readonly NameEntry[] | undefined = byName.get(folded.slice(pos, pos + length));
    if (!entries) continue;
    const boundaryAfter = pos + length >= folded.length || isSeparator(folded[pos + length]);
    for (const entry of entries) {
      if (entry.loose && !boundaryAfter) continue;
      found.push({ division: entry.division, length, viaAlias: entry.division.name !== folded.slice(pos, pos + length) });
    }
  }
  return found;
}

function skipSeparatorsAndPlaceholders(folded: string, pos: number): number {
  let at = pos;
  for (;;) {
    while (at < folded.length && isSeparator(folded[at])) at += 1;
    const placeholder = PLACEHOLDER_WORDS.find((word) => folded.startsWith(word, at));
    if (!placeholder) return at;
    at += placeholder.length;
  }
}

function deeperThan(candidate: Division, chosen: Division | undefined): boolean {
  return !chosen || (isWithin(candidate, chosen) && levelDepth(candidate.level) > levelDepth(chosen.level));
}

function hasDescendantAfter(folded: string, pos: number, division: Division): boolean {
  const next = skipSeparatorsAndPlaceholders(folded, pos);
  return namesAt(folded, next).some((c) => isWithin(c.division, division));
}

/** A short name with nothing read before it must not be the start of a street name. */
function confirmed(folded: string, candidate: Candidate, pos: number, chosen: Division | undefined): boolean {
  if (chosen || !candidate.viaAlias) return true;
  const after = pos + candidate.length;
  if (after >= folded.length || isSeparator(folded[after])) return true;
  if (hasDescendantAfter(folded, after, candidate.division)) return true;
  return !STREET_AFTER_SHORT_NAME.includes(folded[after] ?? '');
}

type Pick = { division: Division; length: number } | { ambiguous: Division[] } | undefined;

function pick(folded: string, pos: number, chosen: Division | undefined): Pick {
  const candidates = namesAt(folded, pos).filter(
    (c) => deeperThan(c.division, chosen) && confirmed(folded, c, pos, chosen),
  );
  const longest = candidates[0]?.length;
  if (longest === undefined) return undefined;
  let tied = [...new Set(candidates.filter((c) => c.length === longest).map((c) => c.division))];
  if (tied.length > 1) {
    // A following name inside only one of them settles it (海南 海口 → 海南省).
    const confirmedByNext = tied.filter((d) => hasDescendantAfter(folded, pos + longest, d));
    if (confirmedByNext.length > 0) tied = confirmedByNext;
  }
  const shallowest = Math.min(...tied.map((d) => levelDepth(d.level)));
  // Prefer the higher level (吉林 → 吉林省, 北京 → the province); it keeps deeper names open.
  const atShallowest = tied.filter((d) => levelDepth(d.level) === shallowest);
  const only = atShallowest.length === 1 ? atShallowest[0] : undefined;
  if (only) return { division: only, length: longest };
  // 北京市 is both the province and its city: take the province.
  const province = atShallowest.find((d) => d.level === 'province');
  if (province) return { division: province, length: longest };
  return { ambiguous: atShallowest };
}

/** Repeated levels such as 东莞市 东莞市 or 北京 北京市 朝阳区. */
function repeatLength(folded: string, pos: number, chosen: Division | undefined): number {
  if (!chosen) return 0;
  const repeat = namesAt(folded, pos).find(
    (c) =>
      (c.division === chosen || isWithin(chosen, c.division)) &&
      // 仙桃市仙桃大道: a short name glued to the detail is a street, not a repeat.
      (!c.viaAlias || pos + c.length >= folded.length || isSeparator(folded[pos + c.length])),
  );
  return repeat?.length ?? 0;
}

export function matchDivisions(text: string, from = 0): DivisionMatch {
  const folded = foldTraditional(text);
  let chosen: Division | undefined;
  let start = from;
  let end = from;
  let pos = skipSeparatorsAndPlaceholders(folded, from);
  for (;;) {
    const result = pick(folded, pos, chosen);
    if (!result) {
      const repeat = repeatLength(folded, pos, chosen);
      if (repeat === 0) break;
      pos = skipSeparatorsAndPlaceholders(folded, pos + repeat);
      end = pos;
      continue;
    }
    if ('ambiguous' in result) return { division: chosen, start, end, ambiguous: result.ambiguous };
    if (!chosen) start = pos;
    chosen = result.division;
    end = pos + result.length;
    pos = skipSeparatorsAndPlaceholders(folded, end);
    if (chosen.level === 'district') break;
  }
  return { division: chosen, start, end, ambiguous: [] };
}
