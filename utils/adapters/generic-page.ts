import type { Adapter, PageSpec } from './adapter-schema';

const pages = new WeakMap<Adapter, PageSpec>();

/**
 * The page a console host gets when none of its adapter's pages fits the URL: a chat-kind page with no parts, so
 * only features that need no part run (the snippet palette in any focused text box, the status dock). One object
 * per adapter, so the feature registry sees the same page while the agent stays on it.
 */
export function genericPageFor(adapter: Adapter): PageSpec {
  let page = pages.get(adapter);
  if (!page) pages.set(adapter, (page = { kind: 'chat', path: '', parts: {} }));
  return page;
}
