import type { Adapter } from './adapter-schema';
import type { PageSelection } from './select-page';

const selections = new WeakMap<Adapter, PageSelection>();

/**
 * What a console host gets when none of its adapter's pages fits the URL: one page of the `generic` kind, with no
 * parts, where only the features that declare it run (the snippet palette in any focused text box). One object per
 * adapter, so the feature registry sees the same page while the agent stays on it.
 */
export function genericPageFor(adapter: Adapter): PageSelection {
  let selection = selections.get(adapter);
  if (!selection) selections.set(adapter, (selection = { adapter, pages: [{ kind: 'generic', path: '', parts: {} }] }));
  return selection;
}
