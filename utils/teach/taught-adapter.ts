import type { Adapter, PageSpec, PartSpec } from '../adapters/adapter-schema';
import { localFixId } from '../adapters/builtin-fix';
import type { TeachKind } from './teach-plan';

/**
 * The custom adapter an agent's picks make: one per console host (`taught-<host>`), with a page entry per kind taught
 * on a path. Pure functions over the adapter JSON, so the result is the same schema the options page edits.
 */
export function newTaughtAdapter(url: string, title: string): Adapter {
  const { protocol, hostname } = new URL(url);
  return {
    format: 'xiaoer-adapter',
    formatVersion: 1,
    id: `taught-${hostname.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`.replace(/-+$/, '').slice(0, 63),
    name: (title.trim() || hostname).slice(0, 60),
    version: 1,
    // A match pattern covers every port of the host.
    matches: [`${protocol}//${hostname}/*`],
    pages: [],
  };
}

/** The path pattern of the page the agent is on: this path, whatever query or hash follows. */
export function pathPatternOf(url: string): string {
  const { pathname } = new URL(url);
  return `^${pathname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[/?#]|$)`;
}

/**
 * The adapter with one part set on the page entry of `kind` whose path pattern is `path` (created when missing); the
 * version goes up so that a saved adapter is told apart from the one before. A part inside a container the page has
 * not got yet keeps its `within` anyway: the container is the step before it.
 */
export function withPart(adapter: Adapter, kind: TeachKind, path: string, name: string, spec: PartSpec): Adapter {
  const index = adapter.pages.findIndex((p) => p.kind === kind && p.path === path);
  const page: PageSpec = index >= 0 ? adapter.pages[index]! : { kind, path, parts: {} };
  const next: PageSpec = { ...page, parts: { ...page.parts, [name]: spec } };
  const pages = index >= 0 ? adapter.pages.map((p, i) => (i === index ? next : p)) : [...adapter.pages, next];
  return { ...adapter, pages };
}

/** Drops parts whose container was skipped (a field cannot be looked for inside nothing), and pages left empty. */
export function withoutOrphans(adapter: Adapter): Adapter {
  const pages = adapter.pages.map((page) => ({
    ...page,
    parts: Object.fromEntries(Object.entries(page.parts).filter(([, part]) => !part.within || part.within in page.parts)),
  }));
  return { ...adapter, pages: pages.filter((page) => Object.keys(page.parts).length > 0) };
}

/** A built-in adapter fixed by the agent becomes a custom adapter of its own (custom adapters take precedence). */
export function asLocalCopy(adapter: Adapter, isCustom: boolean, suffix: string): Adapter {
  if (isCustom) return adapter;
  return { ...adapter, id: localFixId(adapter.id), name: `${adapter.name}${suffix}`.slice(0, 80) };
}
