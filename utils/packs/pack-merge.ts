import { snippetLooksLikeMarkup } from '../snippets/markup';
import type { Snippet } from '../snippets/snippet';
import { isUntouchedDefault } from '../snippets/untouched-default';
import type { Pack, PackSnippet } from './pack-format';
import { storedSnippetId } from './pack-record';
import { clock } from '@/utils/clock';
import type { AdapterChange } from './pack-adapters';

/** The wording of a snippet, the part a team and an agent can disagree on. */
export type Wording = Pick<PackSnippet, 'title' | 'body' | 'category' | 'tags' | 'shortcut'>;

export type ChangeKind = 'added' | 'changed' | 'removed' | 'unchanged' | 'conflict';

export interface PackChange {
  /** The pack's snippet id. */
  id: string;
  kind: ChangeKind;
  /** The team's new wording (null: the team removed it). */
  team: PackSnippet | null;
  /** What the agent has now (null: not in the library, e.g. deleted by the agent). */
  local: Wording | null;
  /** The team's previous wording (null: new in this version). */
  base: PackSnippet | null;
  /** The agent's library differs from the team's previous wording: an override Xiaoer keeps unless told otherwise. */
  edited: boolean;
}

export interface PackPreview {
  packId: string;
  name: string;
  version: number;
  previousVersion: number | null;
  changes: PackChange[];
  counts: Record<ChangeKind, number>;
  /** Team shortcuts already used by another snippet (one the agent set or edited): the pack snippet comes in without it. */
  shortcutClashes: { id: string; shortcut: string; usedBy: string }[];
  /** Untouched default snippets whose shortcut the team takes: the default keeps its text, loses the shortcut. */
  defaultsYield?: { id: string; shortcut: string; title: string }[];
  /** Team snippet ids whose text looks like HTML or script: accepted, shown and inserted as plain text. */
  markup?: string[];
  /** The console adapters the pack carries, and what installing them does (added by the worker). */
  adapters?: AdapterChange[];
}

export function sameWording(a: Wording | null, b: Wording | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.title === b.title &&
    a.body === b.body &&
    a.category === b.category &&
    (a.shortcut ?? '') === (b.shortcut ?? '') &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}

export function wordingOf(s: Wording): Wording {
  return { title: s.title, body: s.body, category: s.category, tags: s.tags, shortcut: s.shortcut || undefined };
}

/**
 * Three-way comparison of the team's new pack against the base (the team's previous wording) and the agent's library.
 * `library` is every stored snippet (for shortcut clashes); the pack's own are those whose origin is the pack id.
 */
export function previewPack(pack: Pack, base: PackSnippet[] | null, library: Snippet[]): PackPreview {
  const prefix = `${pack.id}:`;
  const team = new Map(pack.snippets.map((s) => [s.id, s]));
  const previous = new Map((base ?? []).map((s) => [s.id, s]));
  // By id, whatever the origin: a copy the agent kept when the team dropped it (now the agent's own) is still theirs
  // to keep if the team brings the snippet back.
  const local = new Map(library.filter((s) => s.id.startsWith(prefix)).map((s) => [s.id.slice(prefix.length), wordingOf(s)]));
  const others = library.filter((s) => s.shortcut && s.origin !== pack.id);
  // An untouched default holds its shortcut only until team content wants it; one the agent set or edited keeps it.
  const shortcutOwners = new Map(others.filter((s) => !isUntouchedDefault(s)).map((s) => [s.shortcut!, s.title]));
  const defaultHolders = new Map(others.filter(isUntouchedDefault).map((s) => [s.shortcut!, s.title]));
  // A team shortcut left out because the agent's own snippet uses it is no edit of the agent's.
  const sameAsApplied = (l: Wording | null, b: PackSnippet) =>
    sameWording(l, b) || (!!l && !l.shortcut && !!b.shortcut && shortcutOwners.has(b.shortcut) && sameWording(l, { ...b, shortcut: undefined }));
  const ids = [...new Set([...team.keys(), ...previous.keys(), ...local.keys()])];
  const changes: PackChange[] = [];
  for (const id of ids) {
    const t = team.get(id) ?? null;
    const b = previous.get(id) ?? null;
    const l = local.get(id) ?? null;
    // Without a base, anything the agent has differs from "nothing"; an identical copy is no edit.
    const edited = b ? !sameAsApplied(l, b) : !!l && !sameWording(l, t);
    let kind: ChangeKind;
    if (!t && !b) {
      continue; // The agent's own copy of a snippet the team dropped earlier: not the pack's any more.
    } else if (t && sameWording(t, b ?? l)) kind = 'unchanged';
    else if (edited) kind = 'conflict';
    else if (!t) kind = 'removed';
    else if (!b && !l) kind = 'added';
    else kind = 'changed';
    changes.push({ id, kind, team: t, local: l, base: b, edited });
  }
  const counts = { added: 0, changed: 0, removed: 0, unchanged: 0, conflict: 0 };
  for (const change of changes) counts[change.kind]++;
  const shortcutClashes = pack.snippets
    .filter((s) => s.shortcut && shortcutOwners.has(s.shortcut))
    .map((s) => ({ id: s.id, shortcut: s.shortcut!, usedBy: shortcutOwners.get(s.shortcut!)! }));
  const defaultsYield = pack.snippets
    .filter((s) => s.shortcut && !shortcutOwners.has(s.shortcut) && defaultHolders.has(s.shortcut))
    .map((s) => ({ id: s.id, shortcut: s.shortcut!, title: defaultHolders.get(s.shortcut!)! }));
  const markup = pack.snippets.filter(snippetLooksLikeMarkup).map((s) => s.id);
  return { packId: pack.id, name: pack.name, version: pack.version, previousVersion: null, changes, counts, shortcutClashes, defaultsYield, markup };
}

/** The snippets to write and delete for the agent's choice: `takeTeam` lists conflicts to resolve the team's way. */
export function planApply(
  preview: PackPreview,
  library: Snippet[],
  takeTeam: ReadonlySet<string>,
): { put: Omit<Snippet, 'keys'>[]; remove: string[] } {
  const byId = new Map(library.map((s) => [s.id, s]));
  const clash = new Set(preview.shortcutClashes.map((c) => c.id));
  let nextOrder = Math.max(-1, ...library.map((s) => s.order)) + 1;
  const now = clock.now();
  const put: Omit<Snippet, 'keys'>[] = [];
  const remove: string[] = [];
  for (const change of preview.changes) {
    const storedId = storedSnippetId(preview.packId, change.id);
    const stored = byId.get(storedId);
    const teamWins = change.kind === 'added' || change.kind === 'changed' || change.kind === 'removed' || (change.kind === 'conflict' && takeTeam.has(change.id));
    if (!teamWins) {
      // Kept override of a snippet the team removed: it becomes the agent's own.
      if (change.kind === 'conflict' && !change.team && stored) put.push({ ...withoutKeys(stored), origin: 'local' });
      continue;
    }
    if (!change.team) {
      if (stored) remove.push(storedId);
      continue;
    }
    const shortcut = clash.has(change.id) ? undefined : change.team.shortcut;
    put.push({
      id: storedId,
      origin: preview.packId,
      order: stored?.order ?? nextOrder++,
      uses: stored?.uses ?? 0,
      lastUsedAt: stored?.lastUsedAt,
      title: change.team.title,
      body: change.team.body,
      category: change.team.category,
      tags: [...new Set(change.team.tags)],
      shortcut,
      updatedAt: now,
    });
  }
  // Untouched defaults give up a shortcut the team's snippets now carry (they keep their text).
  const taken = new Set(put.map((p) => p.shortcut).filter(Boolean));
  for (const snippet of library) {
    if (snippet.shortcut && taken.has(snippet.shortcut) && snippet.origin !== preview.packId && isUntouchedDefault(snippet)) {
      put.push({ ...withoutKeys(snippet), shortcut: undefined, updatedAt: now });
    }
  }
  return { put, remove };
}

function withoutKeys(snippet: Snippet): Omit<Snippet, 'keys'> {
  const { keys: _keys, ...rest } = snippet;
  return rest;
}
