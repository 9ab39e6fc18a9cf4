import type { Snippet } from '../snippets/snippet';
import { PACK_FORMAT, PACK_FORMAT_VERSION, validatePack, type Pack } from './pack-format';
import { clock } from '@/utils/clock';

/**
 * The library (or some categories of it) as a team pack, e.g. for a team lead to publish. Checked like any pack, so
 * what Xiaoer exports Xiaoer also imports; ids are the stored ones, stable across exports.
 */
export function libraryAsPack(snippets: readonly Snippet[], meta: { id: string; name: string; version: number; author?: string }): Pack {
  return validatePack({
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: meta.id,
    name: meta.name,
    version: meta.version,
    updatedAt: clock.date().toISOString(),
    author: meta.author || undefined,
    snippets: snippets.map((s) => ({ id: packSnippetId(s, meta.id), title: s.title, body: s.body, category: s.category, tags: s.tags, shortcut: s.shortcut })),
  });
}

/** Republishing a pack keeps its snippets' pack ids, so agents see an update rather than everything replaced. */
function packSnippetId(snippet: Snippet, packId: string): string {
  return snippet.origin === packId && snippet.id.startsWith(`${packId}:`) ? snippet.id.slice(packId.length + 1) : snippet.id;
}

/** A version number that grows with each export without the lead keeping count: 2026112517 (year to hour). */
export function timeVersion(at = clock.date()): number {
  const pad = (n: number) => String(n).padStart(2, '0');
  return Number(`${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}${pad(at.getHours())}`);
}
