import type { PageSpec, PartSpec } from '../adapters/adapter-schema';
import { SELF_SELECTOR } from '../adapters/self-selector';
import { columnOf } from './column-header';
import { PageParts } from '../adapters/page-parts';
import { generaliseToSiblings, proposeSelector } from './propose-selector';
import { proposePattern } from './text-anchor';
import type { TeachStep } from './teach-plan';

/** What a pick proposes: the part as the adapter will store it, and what it finds on the page now. */
export interface PartProposal {
  spec: PartSpec;
  count: number;
  /** The first values read (texts of containers, shortened). */
  values: string[];
  /** Elements it matches, for the outlines (capped). */
  elements: Element[];
}

export type ProposalResult = { ok: true; proposal: PartProposal } | { ok: false; reason: 'outside-container' };

const MAX_OUTLINED = 60;

/**
 * Proposes the part for the element the agent settled on: a container as all rows like it (or only this one), a
 * field relative to its container (so it finds the same field in every row) with a label-anchored pattern, a
 * page-wide part by its own stable selector.
 */
export function proposePart(step: TeachStep, element: Element, page: PageSpec, all: boolean): ProposalResult {
  let spec: PartSpec;
  if (step.container) {
    spec = { selector: all ? generaliseToSiblings(element) : proposeSelector(element) };
  } else if (step.within && page.parts[step.within]) {
    const containers = new PageParts(page).all(step.within as never);
    const container = containers.find((c) => c.contains(element) && c !== element);
    if (!container) return { ok: false, reason: 'outside-container' };
    const pattern = proposePattern(step.part, element.textContent ?? '');
    // In a table with headers: the cell by its column's header, then the element inside that cell.
    const column = columnOf(container, element);
    const selector = column ? (column.cell === element ? SELF_SELECTOR : proposeSelector(element, column.cell)) : proposeSelector(element, container);
    spec = { selector, within: step.within, ...(column ? { column: column.header } : {}), ...(pattern ? { pattern } : {}) };
  } else {
    const pattern = step.part === 'replyInput' ? undefined : proposePattern(step.part, element.textContent ?? '');
    spec = { selector: proposeSelector(element), ...(pattern ? { pattern } : {}) };
  }
  if (step.optional) spec.optional = true;
  return { ok: true, proposal: preview(step, page, spec) };
}

/** Counts and reads a part on the live page as the adapter would, before it is saved. */
export function preview(step: TeachStep, page: PageSpec, spec: PartSpec): PartProposal {
  const parts = new PageParts({ ...page, parts: { ...page.parts, [step.part]: spec } });
  const elements = parts.all(step.part as never);
  const values = elements.slice(0, 3).map((el) =>
    step.container ? shorten(el.textContent ?? '') : (parts.valueOf(step.part as never, el) ?? ''),
  );
  return { spec, count: elements.length, values, elements: elements.slice(0, MAX_OUTLINED) };
}

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
}
