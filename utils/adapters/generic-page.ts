import type { Adapter, PageSpec } from './adapter-schema';

const pages = new WeakMap<Adapter, PageSpec>();

/**
 * The page a console host gets when none of its adapter's pages fits the URL: a page of the `generic` kind, with no
 * parts, where only the features that declare it run (the snippet palette in any focused text box). One object per
 * adapter, so the feature registry sees the same page while the agent stays on it.
 */
export function genericPageFor(adapter: Adapter): PageSpec {
  let page = pages.get(adapter);
  if (!page) pages.set(adapter, (page = { kind: 'generic', path: '', parts: {} }));
  return page;
}
