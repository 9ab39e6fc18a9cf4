import type { Snippet } from '../snippets/snippet';
import type { Pack, PackSnippet } from './pack-format';
import type { Adapter } from '../adapters/adapter-schema';
import type { AdapterUndo } from './pack-adapters';

/** A team pack as Xiaoer keeps it (the `packs` store). */
export interface PackRecord {
  id: string;
  name: string;
  /** The applied pack's own version and time (from the file), and when the agent applied it. */
  version: number;
  updatedAt: string;
  author?: string;
  appliedAt: number;
  /**
   * The team's wording as last applied: the base of the three-way merge. A stored snippet of this pack that differs
   * from its base entry (or is gone) was edited (or deleted) by the agent, and is an override to keep.
   */
  base: PackSnippet[];
  /** The team's adapters as last installed: the base of their part-by-part merge (an agent's fix is what differs). */
  adapterBase?: Adapter[];
  /** Subscription: the worker polls `url` every `intervalMinutes`, with validators and backoff like a stock feed. */
  url?: string;
  intervalMinutes?: number;
  etag?: string;
  lastModified?: string;
  failures?: number;
  nextSyncAt?: number;
  lastCheckedAt?: number;
  lastError?: string;
  /** A newer pack fetched by the worker, waiting for the agent's preview and approval. */
  pending?: Pack;
  /** The state before the last apply, for one undo. */
  undo?: PackUndo;
}

export interface PackUndo {
  /** The record before the apply (without its own undo), or null when the apply first brought the pack in. */
  record: Omit<PackRecord, 'undo'> | null;
  /** Every stored snippet of the pack, or written by the apply, as it was before. */
  snippets: Snippet[];
  /** Ids the apply wrote or deleted. */
  touched: string[];
  /** The pack that was applied: after an undo it waits as pending again, so the agent can still take it later. */
  applied: Pack;
  /** What the apply did to the custom adapters the pack carries (they live in storage.local, undone by the worker). */
  adapters?: AdapterUndo[];
}

/** What the popup and options list show: no base, pending bodies or undo copies. */
export type PackSummary = Pick<
  PackRecord,
  'id' | 'name' | 'version' | 'updatedAt' | 'author' | 'appliedAt' | 'url' | 'intervalMinutes' | 'lastCheckedAt' | 'lastError'
> & {
  snippetCount: number;
  pendingVersion?: number;
  canUndo: boolean;
};

export function summarizePack(record: PackRecord): PackSummary {
  return {
    id: record.id,
    name: record.name,
    version: record.version,
    updatedAt: record.updatedAt,
    author: record.author,
    appliedAt: record.appliedAt,
    snippetCount: record.base.length,
    url: record.url,
    intervalMinutes: record.intervalMinutes,
    lastCheckedAt: record.lastCheckedAt,
    lastError: record.lastError,
    pendingVersion: record.pending?.version,
    canUndo: !!record.undo,
  };
}

/** Stored snippet id of a pack snippet: packs cannot collide with each other or with the agent's own ids. */
export const storedSnippetId = (packId: string, snippetId: string) => `${packId}:${snippetId}`;
