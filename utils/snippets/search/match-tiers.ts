/** How well one query token matched one snippet, best first. Values are summed over tokens. */
export const MatchTier = {
  none: 0,
  fuzzy: 10,
  text: 40,
  pinyinContains: 50,
  pinyinPrefix: 55,
  initialsContains: 60,
  initialsPrefix: 70,
  titleContains: 80,
  titlePrefix: 90,
  shortcut: 100,
} as const;
export type MatchTier = (typeof MatchTier)[keyof typeof MatchTier];

export type MatchField = 'shortcut' | 'title' | 'text' | 'pinyin' | 'initials' | 'fuzzy';

export function fieldOfTier(tier: number): MatchField {
  if (tier >= MatchTier.shortcut) return 'shortcut';
  if (tier >= MatchTier.titleContains) return 'title';
  if (tier >= MatchTier.initialsContains) return 'initials';
  if (tier >= MatchTier.pinyinContains) return 'pinyin';
  if (tier >= MatchTier.text) return 'text';
  return 'fuzzy';
}
