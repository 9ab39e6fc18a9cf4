import type { Adapter, PageSpec } from './adapter-schema';

/** A page entry's identity across versions of one adapter: its kind and path pattern. */
export const pageKey = (page: PageSpec) => `${page.kind} ${page.path}`;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What `local` changed against `reference` (the team's or the built-in version it came from): each part set
 * differently, as `kind.part`, and each page entry of its own, as `kind`. Empty when `local` is the reference's.
 */
export function changedParts(reference: Adapter, local: Adapter): string[] {
  const referencePages = new Map(reference.pages.map((p) => [pageKey(p), p]));
  return local.pages.flatMap((page) => {
    const ref = referencePages.get(pageKey(page));
    if (!ref) return [page.kind];
    return Object.entries(page.parts).filter(([name, part]) => !same(part, ref.parts[name])).map(([name]) => `${page.kind}.${name}`);
  });
}
