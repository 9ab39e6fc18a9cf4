import type { Adapter, PageSpec, PartSpec } from '../adapters/adapter-schema';
import { BUILTIN_CONSOLE_MATCHES } from '../adapters/builtin';
import { originOf, uncoveredPatterns } from '../adapters/host-coverage';

/** What a pack would do to one of its adapters, shown in the preview before anything is installed. */
export interface AdapterChange {
  id: string;
  name: string;
  kind: 'added' | 'changed' | 'unchanged';
  /** Parts the agent fixed locally (e.g. re-pointed), kept over the team's version: `kind.part`. */
  keptParts: string[];
  /** Hosts the adapter needs a permission for (asked in the click that applies the pack). */
  origins: string[];
}

const pageKey = (page: PageSpec) => `${page.kind} ${page.path}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Three-way merge of one team adapter, part by part, as snippets are merged: a part the agent changed since the
 * team's previous version (its base) is the agent's fix and wins; every other part, and the adapter's name, hosts
 * and version, are the team's. Without a base, a part that differs from the team's is taken as the agent's own.
 * Page entries the agent added (not in the base) are kept.
 */
export function mergeTeamAdapter(team: Adapter, base: Adapter | null, local: Adapter | null): { adapter: Adapter; keptParts: string[] } {
  if (!local) return { adapter: team, keptParts: [] };
  const basePages = new Map((base?.pages ?? []).map((p) => [pageKey(p), p]));
  const localPages = new Map(local.pages.map((p) => [pageKey(p), p]));
  const keptParts: string[] = [];
  const pages = team.pages.map((teamPage) => {
    const localPage = localPages.get(pageKey(teamPage));
    if (!localPage) return teamPage;
    const basePage = basePages.get(pageKey(teamPage));
    const parts: Record<string, PartSpec> = { ...teamPage.parts };
    for (const [name, localPart] of Object.entries(localPage.parts)) {
      const basePart = base ? basePage?.parts[name] : teamPage.parts[name];
      if (same(localPart, basePart) || same(localPart, teamPage.parts[name])) continue;
      parts[name] = localPart;
      keptParts.push(`${teamPage.kind}.${name}`);
    }
    return { ...teamPage, parts };
  });
  const teamKeys = new Set(team.pages.map(pageKey));
  const ownPages = local.pages.filter((p) => !teamKeys.has(pageKey(p)) && !basePages.has(pageKey(p)));
  return { adapter: { ...team, pages: [...pages, ...ownPages] }, keptParts };
}

/** What installing the pack's adapters would do, against the team's previous versions and the installed ones. */
export function previewPackAdapters(team: readonly Adapter[], base: readonly Adapter[], installed: readonly Adapter[]): AdapterChange[] {
  return team.map((adapter) => {
    const local = installed.find((a) => a.id === adapter.id) ?? null;
    const merged = mergeTeamAdapter(adapter, base.find((a) => a.id === adapter.id) ?? null, local);
    return {
      id: adapter.id,
      name: adapter.name,
      kind: !local ? 'added' : same(local, merged.adapter) ? 'unchanged' : 'changed',
      keptParts: merged.keptParts,
      origins: [...new Set(uncoveredPatterns(adapter.matches, BUILTIN_CONSOLE_MATCHES).map(originOf))],
    };
  });
}

/** The custom adapters after installing the pack's: each team adapter merged in place of the installed one. */
export function installPackAdapters(team: readonly Adapter[], base: readonly Adapter[], installed: readonly Adapter[]): Adapter[] {
  const merged = team.map((adapter) => mergeTeamAdapter(adapter, base.find((a) => a.id === adapter.id) ?? null, installed.find((a) => a.id === adapter.id) ?? null).adapter);
  const ids = new Set(merged.map((a) => a.id));
  return [...installed.filter((a) => !ids.has(a.id)), ...merged];
}
