import type { Adapter, PartSpec } from '../adapters/adapter-schema';
import { changedParts, pageKey } from '../adapters/adapter-diff';
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

/** An adapter of the pack that stays installed because the agent changed it: what they changed (`kind.part`, `kind`). */
export interface KeptAdapter {
  id: string;
  name: string;
  parts: string[];
}

/** What an apply did to one adapter of the pack: the custom adapter before it (none when it brought it in), and after. */
export interface AdapterUndo {
  before: Adapter | null;
  after: Adapter;
}

/** The undo entries of an apply: per team adapter, the installed one before and the one the apply installs. */
export function adapterUndoOf(team: readonly Adapter[], installedBefore: readonly Adapter[], installedAfter: readonly Adapter[]): AdapterUndo[] {
  return team.map((adapter) => ({
    before: installedBefore.find((a) => a.id === adapter.id) ?? null,
    after: installedAfter.find((a) => a.id === adapter.id)!,
  }));
}

/**
 * The custom adapters after removing a pack: each adapter the team installed (`teamBase`, its last applied version)
 * goes, unless the agent changed it since — a re-pointed part, a page entry of their own. That one stays, as the
 * agent's own, and is named in `kept`.
 */
export function removePackAdapters(teamBase: readonly Adapter[], installed: readonly Adapter[]): { adapters: Adapter[]; kept: KeptAdapter[] } {
  const kept: KeptAdapter[] = [];
  const gone = new Set<string>();
  for (const team of teamBase) {
    const local = installed.find((a) => a.id === team.id);
    if (!local) continue;
    const parts = changedParts(team, local);
    if (parts.length) kept.push({ id: local.id, name: local.name, parts });
    else gone.add(local.id);
  }
  return { adapters: installed.filter((a) => !gone.has(a.id)), kept };
}

/**
 * The custom adapters after undoing an apply: each adapter goes back to what it was before (or goes, when the apply
 * brought it in), except what the agent changed since the apply, which is kept and named in `kept`.
 */
export function undoPackAdapters(undo: readonly AdapterUndo[], installed: readonly Adapter[]): { adapters: Adapter[]; kept: KeptAdapter[] } {
  const kept: KeptAdapter[] = [];
  const byId = new Map(installed.map((a) => [a.id, a]));
  for (const { before, after } of undo) {
    const local = byId.get(after.id);
    const parts = local ? changedParts(after, local) : [];
    if (parts.length) kept.push({ id: after.id, name: local!.name, parts });
    if (before) byId.set(after.id, local ? mergeTeamAdapter(before, after, local).adapter : before);
    else if (!parts.length) byId.delete(after.id);
  }
  return { adapters: [...byId.values()], kept };
}
